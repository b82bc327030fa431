import type { Metadata } from "next";
import Link from "next/link";
import { rankingBarsFrom } from "@/components/charts/data";
import { RankingChart } from "@/components/charts/ranking-chart";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { Pager } from "@/components/ui/pager";
import { requireActor } from "@/server/auth/session";
import { requestNow } from "@/server/clock";
import { getModerationView, moderationSeat } from "@/server/evaluation/queries";
import { readable } from "@/server/page-guard";
import { stepTakenBy } from "@/server/tenders/step-taken";
import { formatLondon } from "@/domain/london-time";
import { pageOf, paging } from "@/domain/paging";
import { chairAction } from "../actions";
import { NotCountedList, RuleNote } from "./moderation-parts";
import { OverviewMatrix } from "./overview-matrix";
import { FreezeRanking, stillFlagged } from "./freeze-ranking";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Moderation", async (actor) => (await moderationSeat(actor, tenderId, requestNow())).tender);
}

const BANNERS: Record<string, string> = {
  started: "Moderation has started",
  frozen: "Ranking frozen. The award recommendation and the governor's sign-off come next.",
};

// Overview first, details on demand: this page shows the ranking and every
// criterion score per bid with its divergence flag; each bid's votes, reasons
// and revise forms are on /panels/<tender>/moderation/<bid>. The rows shown
// (page, size) are in the URL, so it works without JavaScript.
export default async function ModerationPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenderId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const [{ tenderId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor("panels");
  const view = await readable(getModerationView(actor, tenderId, requestNow()));
  const w = view.workspace;
  const banner = Object.keys(BANNERS).find((k) => query[k]);
  const frozenBefore = query.alreadyFrozen ? await stepTakenBy(actor, w.tender.id, "moderation.ranking_frozen") : null;
  if (!view.visible) {
    return (
      <div className="max-w-2xl">
        <p className="mb-4">
          <Link href={`/panels/${w.tender.id}`}>Back to the panel</Link>
        </p>
        <PageHeading caption={w.tender.title}>Everyone&apos;s scores</PageHeading>
        <p>
          You will see everyone&apos;s scores once you have sent all of yours, or when moderation starts. Until then, you only see your own.
        </p>
      </div>
    );
  }
  const { result, criteria, columns } = view;
  const moderation = w.tender.effectiveStatus === "MODERATION";
  // The top 10 bids by default, like the award summary: each row is drawn twice (table and chart) and sent twice (HTML and
  // the React payload); 20, 50 or 100 at a time from the pager.
  const p = paging(query, 10);
  const shown = pageOf(result.bids, p);
  const divergentCells = result.bids.reduce((n, b) => n + b.cells.filter((c) => c.divergent).length, 0);

  return (
    <>
      <p className="mb-4">
        <Link href={`/panels/${w.tender.id}`}>Back to the panel</Link>
      </p>
      {banner && <Panel title={BANNERS[banner]!}>{null}</Panel>}
      {frozenBefore && (
        <Panel title={`The ranking was already frozen by ${frozenBefore.by} at ${formatLondon(frozenBefore.at, "time")}`}>
          Your click came a moment later, so nothing more was done. The award recommendation and the governor&apos;s sign-off come next.
        </Panel>
      )}
      <PageHeading caption={w.tender.title}>{moderation ? "Moderation" : "Scores and results"}</PageHeading>
      <RuleNote description={result.ruleDescription} />

      <section aria-labelledby="panel" className="mb-6">
        <h2 id="panel" className="mb-2 mt-6 text-2xl font-bold">
          Who is counted
        </h2>
        <p data-testid="panel-members">
          Commissioners:{" "}
          {columns
            .filter((c) => c.role === "COMMISSIONER")
            .map((c) => `${c.name}${c.mine ? " (you)" : ""}`)
            .join(", ") || "none"}
          . Young commissioners:{" "}
          {columns
            .filter((c) => c.role === "TECHNICIAN")
            .map((c) => `${c.name}${c.mine ? " (you)" : ""}`)
            .join(", ") || "none"}
          .
        </p>
        <NotCountedList notCounted={view.notCounted} />
      </section>

      <section aria-labelledby="results" className="mb-10">
        <h2 id="results" className="mb-2 mt-6 text-2xl font-bold">
          Ranking
        </h2>
        <p className="mb-2">
          Open a bid to see everyone&apos;s scores and reasons{moderation ? " and to revise your own" : ""}.{" "}
          {divergentCells > 0 ? (
            <strong>
              {divergentCells} score{divergentCells === 1 ? "" : "s"} differ by 2 or more: marked “discuss”.
            </strong>
          ) : (
            "No scores differ by 2 or more."
          )}
        </p>
        <OverviewMatrix tenderId={w.tender.id} bids={shown.rows} criteria={criteria} />
        {result.bids.length > p.size && (
          <Pager path={`/panels/${w.tender.id}/moderation`} paging={p} total={result.bids.length} noun="bids" />
        )}
        <p className="mt-2 text-slate-700">Totals are worked out exactly and rounded once to 2 decimal places.</p>
        <div className="mt-6 max-w-2xl">
          <RankingChart bars={rankingBarsFrom({ ...result, bids: shown.rows }, criteria)} criteria={criteria} id="ranking-chart" />
        </div>
      </section>

      {w.seat.isChair && moderation && (
        <FreezeRanking
          path={`/panels/${w.tender.id}/moderation`}
          confirming={query.freeze === "confirm"}
          flagged={stillFlagged(result.bids, criteria)}
          action={chairAction.bind(null, w.tender.id)}
        />
      )}
    </>
  );
}
