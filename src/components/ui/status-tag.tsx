import { describeStage, type TenderStage } from "@/domain/tender-lifecycle";

const COLOURS: Record<TenderStage, string> = {
  DRAFT: "bg-slate-200 text-slate-900",
  SHAPING: "bg-lime-100 text-lime-900",
  PUBLISHED: "bg-blue-100 text-blue-900",
  CLOSED: "bg-amber-100 text-amber-900",
  EVALUATION: "bg-purple-100 text-purple-900",
  MODERATION: "bg-purple-100 text-purple-900",
  RANKING_FROZEN: "bg-purple-100 text-purple-900",
  AWARD_PENDING_SIGNOFF: "bg-orange-100 text-orange-900",
  STANDSTILL: "bg-teal-100 text-teal-900",
  AWARDED: "bg-green-100 text-green-900",
  CANCELLED: "bg-red-100 text-red-900",
};

/** A tender's stage, named once (src/domain/tender-lifecycle.ts `describeStage`). */
export function StatusTag({ stage }: { stage: TenderStage }) {
  return (
    // Sentence case, as GOV.UK tags are now (not all capitals).
    <strong className={`inline-block px-2 py-0.5 text-sm font-bold ${COLOURS[stage]}`}>{describeStage(stage).label}</strong>
  );
}
