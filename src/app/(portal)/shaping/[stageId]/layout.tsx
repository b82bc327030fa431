import type { ReactNode } from "react";
import Link from "next/link";
import { SHAPING_STATUS_LABELS } from "@/domain/shaping-stage";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getStage } from "@/server/shaping/queries";
import { STAGE_SECTIONS } from "./stage-sections";
import { StageNav } from "./stage-nav";

/** Every page of one shaping stage: which tender it shapes, where it is up to, and its sections. Each page has its own heading. */
export default async function StageLayout({ children, params }: { children: ReactNode; params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requireActor("shaping");
  const stage = await readable(getStage(actor, stageId));
  const sections = STAGE_SECTIONS.filter((s) => s.show(actor, stage)).map(({ path, label }) => ({ path, label }));
  return (
    <>
      <p className="mb-2 print:hidden">
        <Link href="/shaping">All shaping stages</Link>
      </p>
      <p className="mb-4 text-slate-700 print:hidden">
        Shaping {stage.tender.title} ({stage.tender.reference}) · <strong>{SHAPING_STATUS_LABELS[stage.status]}</strong>
      </p>
      <StageNav stageId={stage.id} sections={sections} />
      {children}
    </>
  );
}
