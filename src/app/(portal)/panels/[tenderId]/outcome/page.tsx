import type { Metadata } from "next";
import Link from "next/link";
import { YourMarksChart } from "@/components/charts/your-marks-chart";
import { PageHeading } from "@/components/ui/page-heading";
import { getPanelOutcome } from "@/server/awards/queries";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { ThemesFollowed } from "@/components/shaping/themes-followed";

export const metadata: Metadata = { title: "You said, we did" };

/** "You said, we did": plain words for young commissioners about what happened after they scored. */
export default async function OutcomePage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActor("panels");
  const o = await readable(getPanelOutcome(actor, tenderId));
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/panels">Back to my panels</Link>
      </p>
      <PageHeading caption={o.title}>You said, we did</PageHeading>
      <section aria-labelledby="what-happened" className="mb-8">
        <h2 id="what-happened" className="mb-2 text-2xl font-bold">
          What happened
        </h2>
        <p className="text-lg" data-testid="outcome">
          {o.cancelled
            ? `The tender was stopped, so nobody got the contract this time. ${o.winner.provider} had come ${o.winner.rank === 1 ? "first" : `number ${o.winner.rank}`} with ${o.winner.total} points out of 100.`
            : `${o.winner.provider} ${o.awarded ? "got the contract" : "will get the contract"}. They came ${o.winner.rank === 1 ? "first" : `number ${o.winner.rank}`} with ${o.winner.total} points out of 100.`}
        </p>
        {!o.awarded && !o.cancelled && o.standstill && (
          <p className="mt-2" data-testid="standstill">
            First there is a short waiting time, called the standstill, so other bidders can ask questions. {o.standstill.sentence}
          </p>
        )}
        {o.reviewed.length > 0 && (
          <div className="mt-4" data-testid="award-reviewed">
            <h3 className="text-xl font-bold">The decision was looked at again</h3>
            {o.reviewed.map((line, i) => (
              <p key={i} className="mt-1">
                {line}
              </p>
            ))}
          </div>
        )}
      </section>
      {o.shaping && (
        <ThemesFollowed
          shaping={o.shaping}
          to={o.cancelled ? { state: "CANCELLED" } : { state: o.awarded ? "AWARDED" : "PENDING", provider: o.winner.provider }}
        />
      )}
      {o.note && (
        <section aria-labelledby="note" className="mb-8 border-l-8 border-nhs-blue bg-white p-4">
          <h2 id="note" className="mb-2 text-2xl font-bold">
            A note from the commissioner
          </h2>
          <p className="whitespace-pre-line text-lg">{o.note}</p>
        </section>
      )}
      <section aria-labelledby="your-marks" className="mb-8">
        <h2 id="your-marks" className="mb-2 text-2xl font-bold">
          Your scores and the panel&apos;s scores
        </h2>
        <p className="mb-4">
          {o.counted ?? "Your scores counted. The panel's score is the average of everyone's scores that counted."} {o.rule}
        </p>
        {o.bids.map((b) => (
          <div key={b.bidId} className="mb-6 border border-slate-300 bg-white p-4">
            <h3 className="text-xl font-bold">
              {b.rank}. {b.provider}: {b.total} points
            </h3>
            {b.criteria.some((c) => c.myScore !== null) && (
              <YourMarksChart
                id={`marks-${b.bidId}`}
                provider={b.provider}
                rows={b.criteria.map((c) => ({ name: c.name, mine: c.myScore, panel: c.panelScore }))}
              />
            )}
            <ul className="mt-2 space-y-3">
              {b.criteria.map((c) => (
                <li key={c.name}>
                  <span className="font-bold">{c.name}</span>
                  <span className="block">
                    You gave <strong className="tabular-nums">{c.myScore ?? "no score"}</strong>. The panel gave{" "}
                    <strong className="tabular-nums">{c.panelScore ?? "–"}</strong> out of 5.
                  </span>
                  {c.myReason && <span className="block text-slate-700">You said: “{c.myReason}”</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
