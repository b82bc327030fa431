import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { getModerationView } from "@/server/evaluation/queries";
import { SCORE_DESCRIPTORS } from "@/server/evaluation/score-input";
import { chairAction, reviseScoreAction } from "../actions";
import { readable } from "@/server/page-guard";

export const metadata: Metadata = { title: "Moderation" };

const BANNERS: Record<string, string> = {
  started: "Moderation has started",
  revised: "Your score has been revised. The original is kept.",
  frozen: "Ranking frozen. The award recommendation and the governor's sign-off come next.",
};

export default async function ModerationPage({ params, searchParams }: { params: Promise<{ tenderId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ tenderId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor("panels");
  const view = await readable(getModerationView(actor, tenderId, now()));
  const w = view.workspace;
  const banner = Object.keys(BANNERS).find((k) => query[k]);
  if (!view.visible) {
    return (
      <div className="max-w-2xl">
        <p className="mb-4">
          <Link href={`/panels/${w.tender.id}`}>Back to the panel</Link>
        </p>
        <PageHeading caption={w.tender.title}>Everyone&apos;s scores</PageHeading>
        <p>You will see everyone&apos;s scores once you have sent all of yours, or when moderation starts. Until then, you only see your own.</p>
      </div>
    );
  }
  const { result, criteria, columns, scores } = view;
  const moderation = w.tender.effectiveStatus === "MODERATION";
  const criterion = (id: string) => criteria.find((c) => c.id === id)!;
  const scoreOf = (memberId: string, bidId: string, criterionId: string) => scores.find((s) => s.panelMemberId === memberId && s.bidId === bidId && s.criterionId === criterionId);

  return (
    <>
      <p className="mb-4">
        <Link href={`/panels/${w.tender.id}`}>Back to the panel</Link>
      </p>
      {banner && <Panel title={BANNERS[banner]!}>{null}</Panel>}
      <PageHeading caption={w.tender.title}>{moderation ? "Moderation" : "Scores and results"}</PageHeading>
      <p className="mb-2 max-w-3xl border-l-4 border-nhs-blue bg-white p-3" data-testid="rule">
        <strong>How votes are combined: </strong>
        {result.ruleDescription}
      </p>

      <section aria-labelledby="results" className="mb-10">
        <h2 id="results" className="mb-2 mt-6 text-2xl font-bold">
          Ranking
        </h2>
        <table className="w-full border-collapse text-left" data-testid="ranking">
          <thead>
            <tr className="border-b-2 border-slate-900">
              <th scope="col" className="py-2 pr-4">Rank</th>
              <th scope="col" className="py-2 pr-4">Bidder</th>
              <th scope="col" className="py-2 pr-4 text-right">Total out of 100</th>
            </tr>
          </thead>
          <tbody>
            {result.bids.map((b) => (
              <tr key={b.bidId} className="border-b border-slate-300">
                <td className="py-2 pr-4">{b.rank ?? "–"}</td>
                <td className="py-2 pr-4">
                  {b.label}
                  {b.tie && <strong className="ml-2 bg-amber-200 px-1">Tie: the panel must decide</strong>}
                  {b.incomplete && <span className="ml-2">(not every criterion has a counted score yet)</span>}
                </td>
                <td className="py-2 pr-4 text-right font-mono text-lg">{b.totalDisplay ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(view.notCounted.excluded.length > 0 || view.notCounted.withdrawn.length > 0 || view.notCounted.absent.length > 0) && (
          <ul className="mt-4 list-disc pl-6">
            {view.notCounted.excluded.length > 0 && <li>Not counted (declared a conflict): {view.notCounted.excluded.join(", ")}</li>}
            {view.notCounted.withdrawn.length > 0 && <li>Not counted (stepped back): {view.notCounted.withdrawn.join(", ")}</li>}
            {view.notCounted.absent.length > 0 && <li>Not counted (absent): {view.notCounted.absent.join(", ")}</li>}
          </ul>
        )}
        <p className="mt-2 text-slate-700">Totals are worked out exactly and rounded once to 2 decimal places.</p>
      </section>

      {result.bids.map((b) => (
        <section key={b.bidId} aria-labelledby={`bid-${b.bidId}`} className="mb-10">
          <h2 id={`bid-${b.bidId}`} className="mb-4 text-2xl font-bold">
            {b.label}: {b.totalDisplay ?? "incomplete"}
          </h2>
          {[...b.cells]
            .filter((c) => c.kind === "QUALITY")
            .sort((x, y) => Number(y.divergent) - Number(x.divergent))
            .map((cell) => (
              <div key={cell.criterionId} className={`mb-4 border bg-white p-4 ${cell.divergent ? "border-amber-600 border-l-8" : "border-slate-300"}`}>
                <h3 className="text-lg font-bold">
                  {criterion(cell.criterionId).name} ({criterion(cell.criterionId).weight}%)
                  {cell.divergent && <span className="ml-2 bg-amber-200 px-1 text-base">Scores differ by {cell.max! - cell.min!}: discuss</span>}
                </h3>
                <p className="mb-2">
                  Counted score: <strong className="font-mono">{cell.scoreDisplay ?? "–"}</strong> from {cell.voteCount} vote{cell.voteCount === 1 ? "" : "s"}.
                  Commissioners&apos; average: <span className="font-mono">{cell.commissionerMeanDisplay ?? "–"}</span>. Young commissioners&apos; average:{" "}
                  <span className="font-mono">{cell.technicianMeanDisplay ?? "–"}</span>.
                  {cell.parityFallback && " Only one group scored this, so its average is used."}
                </p>
                <div className="grid gap-3 md:grid-cols-2">
                  {(["COMMISSIONER", "TECHNICIAN"] as const).map((role) => (
                    <div key={role}>
                      <h4 className="font-bold">{role === "COMMISSIONER" ? "Commissioners" : "Young commissioners"}</h4>
                      <ul className="space-y-2">
                        {columns
                          .filter((m) => m.role === role)
                          .map((m) => {
                            const s = scoreOf(m.id, b.bidId, cell.criterionId);
                            return (
                              <li key={m.id} className="border-l-4 border-slate-300 pl-2">
                                <span className="font-bold">{m.name}{m.mine ? " (you)" : ""}</span>: <span className="font-mono">{s?.score ?? "no score"}</span>
                                {s && <span className="block text-slate-700">{s.reason}</span>}
                                {s?.revisions.map((r, i) => (
                                  <span key={i} className="block text-sm text-slate-600">
                                    Revised {r.previousScore} → {r.newScore} on {formatLondon(r.revisedAt, "dateTime")}: {r.revisionReason}
                                  </span>
                                ))}
                                {s && m.mine && moderation && (
                                  <details className="mt-1">
                                    <summary className="cursor-pointer text-nhs-blue underline">Revise my score</summary>
                                    <ActionForm action={reviseScoreAction.bind(null, w.tender.id, b.bidId, cell.criterionId)} idPrefix={`revise-${s.id}`}>
                                      <RadioGroup
                                        name="score"
                                        legend="New score"
                                        defaultValue={s.score?.toString()}
                                        options={SCORE_DESCRIPTORS.map((d) => ({ value: String(d.score), label: `${d.score}: ${m.role === "TECHNICIAN" ? d.plain : d.label}` }))}
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
              </div>
            ))}
        </section>
      ))}

      {w.seat.isChair && moderation && (
        <section aria-labelledby="freeze" className="mb-10 max-w-2xl">
          <h2 id="freeze" className="mb-2 text-2xl font-bold">
            Freeze the ranking
          </h2>
          <p className="mb-4">When the panel has finished discussing, freeze the ranking. Scores can then no longer be revised, and the award goes to the governor for sign-off.</p>
          <ActionForm action={chairAction.bind(null, w.tender.id)} idPrefix="freeze">
            <input type="hidden" name="command" value="freeze" />
            <SubmitButton>Freeze the ranking</SubmitButton>
          </ActionForm>
        </section>
      )}
    </>
  );
}
