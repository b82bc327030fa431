import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { formatLondon } from "@/domain/london-time";
import type { BidResult } from "@/domain/scoring";
import { SCORE_DESCRIPTORS } from "@/server/evaluation/score-input";
import { reviseScoreAction } from "../../actions";
import { capitalised, PANEL_ROLE_NAMES, PANEL_ROLES } from "@/domain/roles";

interface Column {
  id: string;
  name: string;
  role: "COMMISSIONER" | "TECHNICIAN";
  mine: boolean;
}

interface VoteRow {
  id: string;
  panelMemberId: string;
  criterionId: string;
  score: number | null;
  reason: string;
  revisions: { previousScore: number; newScore: number; revisionReason: string; revisedAt: Date }[];
}

/** Per criterion of one bid (divergent first): the counted score, both groups' averages, and every member's vote. */
export function BidVotes({
  tenderId,
  bid,
  criteria,
  columns,
  scores,
  moderation,
  revising,
}: {
  tenderId: string;
  bid: BidResult;
  criteria: { id: string; name: string; weight: number }[];
  columns: Column[];
  scores: VoteRow[];
  moderation: boolean;
  /** The criterion whose revise form is open (?revise=<criterion>): details on demand, one form at a time. */
  revising?: string;
}) {
  const criterion = new Map(criteria.map((c) => [c.id, c]));
  const scoreOf = new Map(scores.map((s) => [`${s.panelMemberId}|${s.criterionId}`, s]));
  return (
    <>
      {[...bid.cells]
        .filter((c) => c.kind === "QUALITY")
        .sort((x, y) => Number(y.divergent) - Number(x.divergent))
        .map((cell) => (
          <section
            key={cell.criterionId}
            aria-labelledby={`criterion-${cell.criterionId}`}
            className={`mb-4 border bg-white p-4 ${cell.divergent ? "border-amber-600 border-l-8" : "border-slate-300"}`}
            data-testid="criterion-votes"
          >
            <h2 id={`criterion-${cell.criterionId}`} className="text-lg font-bold">
              {criterion.get(cell.criterionId)!.name} ({criterion.get(cell.criterionId)!.weight}%)
              {cell.divergent && (
                <span className="ml-2 bg-amber-200 px-1 text-base">Scores differ by {cell.max! - cell.min!}: discuss</span>
              )}
            </h2>
            <p className="mb-2">
              Counted score: <strong className="tabular-nums">{cell.scoreDisplay ?? "–"}</strong> from {cell.voteCount} vote
              {cell.voteCount === 1 ? "" : "s"}. Commissioners&apos; average:{" "}
              <span className="tabular-nums">{cell.commissionerMeanDisplay ?? "–"}</span>. Young commissioners&apos; average:{" "}
              <span className="tabular-nums">{cell.technicianMeanDisplay ?? "–"}</span>.
              {cell.parityFallback && " Only one group scored this, so its average is used."}
            </p>
            <div className="grid gap-3 md:grid-cols-2">
              {PANEL_ROLES.map((role) => (
                <div key={role}>
                  <h3 className="font-bold">{capitalised(PANEL_ROLE_NAMES[role].many)}</h3>
                  <ul className="space-y-2">
                    {columns
                      .filter((m) => m.role === role)
                      .map((m) => {
                        const s = scoreOf.get(`${m.id}|${cell.criterionId}`);
                        return (
                          <li key={m.id} className="border-l-4 border-slate-300 pl-2">
                            <span className="font-bold">
                              {m.name}
                              {m.mine ? " (you)" : ""}
                            </span>
                            : <span className="tabular-nums">{s?.score ?? "no score"}</span>
                            {s && <span className="block text-slate-700">{s.reason}</span>}
                            {s?.revisions.map((r, i) => (
                              <span key={i} className="block text-sm text-slate-600">
                                Revised {r.previousScore} → {r.newScore} on {formatLondon(r.revisedAt, "dateTime")}: {r.revisionReason}
                              </span>
                            ))}
                            {s && m.mine && moderation && revising !== cell.criterionId && (
                              <Link
                                href={`/panels/${tenderId}/moderation/${bid.bidId}?revise=${cell.criterionId}#criterion-${cell.criterionId}`}
                                className="mt-1 block"
                              >
                                Revise my score
                                <span className="sr-only"> on {criterion.get(cell.criterionId)!.name}</span>
                              </Link>
                            )}
                            {s && m.mine && moderation && revising === cell.criterionId && (
                              <details className="mt-1" open>
                                <summary className="cursor-pointer text-nhs-blue underline">Revise my score</summary>
                                <ActionForm
                                  action={reviseScoreAction.bind(null, tenderId, bid.bidId, cell.criterionId)}
                                  idPrefix={`revise-${s.id}`}
                                >
                                  <RadioGroup
                                    name="score"
                                    legend="New score"
                                    defaultValue={s.score?.toString()}
                                    options={SCORE_DESCRIPTORS.map((d) => ({
                                      value: String(d.score),
                                      label: `${d.score}: ${m.role === "TECHNICIAN" ? d.plain : d.label}`,
                                    }))}
                                  />
                                  <TextArea name="reason" label="Reason for the score" defaultValue={s.reason} rows={3} />
                                  <TextArea name="revisionReason" label="Why are you changing it?" rows={2} />
                                  <SubmitButton>Save revised score</SubmitButton>
                                </ActionForm>
                              </details>
                            )}
                          </li>
                        );
                      })}
                  </ul>
                </div>
              ))}
            </div>
          </section>
        ))}
    </>
  );
}
