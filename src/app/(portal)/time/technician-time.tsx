import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import { SummaryList } from "@/components/ui/summary-list";
import { formatLondon } from "@/domain/london-time";
import { formatPence } from "@/domain/money";
import type { Actor } from "@/server/auth/actor";
import { Pager } from "@/components/ui/pager";
import type { Paging } from "@/domain/paging";
import { getMyTime } from "@/server/technicians/queries";
import { activityLabel, formatDuration, STATUS_FOR_TECHNICIAN } from "@/server/technicians/time-labels";

const STATUS_STYLE = {
  PENDING: "bg-slate-200 text-slate-900",
  RETURNED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-blue-100 text-blue-900",
  PAID: "bg-green-100 text-green-900",
} as const;

/** A young commissioner's paid time: what they are owed, what has been paid, and each time they logged. */
export async function TechnicianTime({ actor, canLog, page }: { actor: Actor; canLog: boolean; page: Paging }) {
  const mine = await getMyTime(actor, page);
  return (
    <>
      <p className="mb-6 max-w-2xl text-lg">
        You get paid for the time you spend on a panel. Each time you do some work, write it down here. A commissioner checks it, and then
        it is paid.
      </p>
      <div className="mb-8 max-w-2xl">
        <SummaryList
          rows={[
            [
              "Owed to you",
              <span key="owed" className="text-xl font-bold">
                {formatPence(mine.owedPence)}
              </span>,
            ],
            ["Paid to you so far", formatPence(mine.paidPence)],
            ["Time waiting to be checked", mine.waitingMinutes > 0 ? formatDuration(mine.waitingMinutes) : "None"],
          ]}
        />
      </div>
      {canLog ? (
        <p className="mb-10">
          <ButtonLink href="/time/new">Log time</ButtonLink>
        </p>
      ) : (
        <p className="mb-10 max-w-2xl border-l-4 border-slate-500 bg-white p-3">
          You are not taking part at the moment, so you cannot log new time. Time you logged before is still checked and paid.{" "}
          <Link href="/welcome">Read about your role again</Link>
        </p>
      )}

      <section aria-labelledby="your-time" className="max-w-2xl">
        <h2 id="your-time" className="mb-2 text-2xl font-bold">
          Time you have logged
        </h2>
        {mine.entries.length === 0 ? (
          <p>You have not logged any time yet.</p>
        ) : (
          <ul className="space-y-4">
            {mine.entries.map((e) => (
              <li key={e.id} className="border border-slate-300 bg-white p-4">
                <p className="mb-1 flex flex-wrap items-center justify-between gap-2">
                  <strong className="text-lg">{formatLondon(e.workedOn, "weekdayDate")}</strong>
                  <strong className={`inline-block px-2 py-0.5 text-sm font-bold ${STATUS_STYLE[e.status]}`}>
                    {STATUS_FOR_TECHNICIAN[e.status]}
                  </strong>
                </p>
                <p className="break-words">
                  {formatDuration(e.minutes)}: {activityLabel(e.activity).toLowerCase()}
                </p>
                <p className="break-words text-slate-700">{e.tender.title}</p>
                {e.note && <p className="mt-1 whitespace-pre-line break-words">Your note: {e.note}</p>}
                {e.amountPence !== null && (e.status === "APPROVED" || e.status === "PAID") && (
                  <p className="mt-1 font-bold">
                    {e.status === "PAID" ? `Paid ${formatPence(e.amountPence)}` : `You will be paid ${formatPence(e.amountPence)}`}
                    {e.status === "PAID" && e.paidAt ? ` on ${formatLondon(e.paidAt)}` : ""}
                  </p>
                )}
                {e.reviewNote && (
                  <div className="mt-2 border-l-4 border-amber-600 bg-amber-50 p-3">
                    <p className="font-bold">What the commissioner said</p>
                    <p className="whitespace-pre-line break-words">{e.reviewNote}</p>
                  </div>
                )}
                {e.editable && (
                  <p className="mt-2">
                    <Link href={`/time/${e.id}/edit`} className="font-bold">
                      {e.status === "RETURNED" ? "Change it and send it again" : "Change or delete"}
                      <span className="sr-only"> the time on {formatLondon(e.workedOn)}</span>
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {mine.total > page.size && <Pager path="/time" paging={page} total={mine.total} noun="times logged" />}
      </section>
    </>
  );
}
