// The top of every page of a shaping stage: the way back to the stage, the tender it shapes, the page's name and
// the stage's state in words.
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeading } from "@/components/ui/page-heading";
import { SHAPING_STATUS_LABELS } from "@/domain/shaping-stage";
import type { LoadedStage } from "@/server/shaping/load-stage";

export function StageFrame({ stage, title, children }: { stage: LoadedStage; title: string; children: ReactNode }) {
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/shaping/${stage.id}`}>Back to shaping: {stage.tender.title}</Link>
      </p>
      <PageHeading caption={`${stage.tender.title} · ${SHAPING_STATUS_LABELS[stage.status]}`}>{title}</PageHeading>
      {children}
    </div>
  );
}
