// The page's own part of a shaping stage's page (the stage's layout above it says which tender and where it is up to).
import type { ReactNode } from "react";
import { PageHeading } from "@/components/ui/page-heading";
import type { LoadedStage } from "@/server/shaping/load-stage";

export function StageFrame({ title, children }: { stage: LoadedStage; title: string; children: ReactNode }) {
  return (
    <div className="max-w-3xl">
      <PageHeading>{title}</PageHeading>
      {children}
    </div>
  );
}
