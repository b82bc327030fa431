import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { formatLondon } from "@/domain/london-time";
import { formatPence } from "@/domain/money";
import { Pager } from "@/components/ui/pager";
import { paging, pagingKeys, type Paging } from "@/domain/paging";
import type { Actor } from "@/server/auth/actor";
import { getTimeForCommissioner } from "@/server/technicians/queries";
import { activityLabel, formatDuration } from "@/server/technicians/time-labels";
import { markPaidAction, reviewTimeEntryAction } from "./actions";
import { ClaimCheckboxes } from "./claim-checkboxes";

type Query = Record<string, string | string[] | undefined>;
const LISTS = ["pending", "returned", "approved"] as const;

/** Each list pages on its own (`?pendingPage=2&approvedSize=50`); a list's pager keeps the others where they are. */
function listPaging(query: Query) {
  const pages = Object.fromEntries(LISTS.map((list) => [list, paging(query, 20, list)])) as Record<(typeof LISTS)[number], Paging>;
  const others = (list: (typeof LISTS)[number]) => {
    const kept: Record<string, string> = {};
    for (const other of LISTS) {
      if (other === list) continue;
      const keys = pagingKeys(other);
      if (pages[other].page > 1) kept[keys.page] = String(pages[other].page);
      if (query[keys.size] !== undefined) kept[keys.size] = String(pages[other].size);
    }
    return kept;
  };
  return { pages, others };
}

/** A commissioner's paid time: young commissioners' time to check on tenders they run, and approved claims to pay. */
export async function CommissionerTime({ actor, query }: { actor: Actor; query: Query }) {
  const { pages, others } = listPaging(query);
  const { counts, pending, returned, approved, paid } = await getTimeForCommissioner(actor, pages);
  // Details on demand: the form to send time back (a note) is drawn for the entry asked for (?return=<entry>), not for all 20.
  const returning = typeof query.return === "string" ? query.return : undefined;
  const returnHref = (entryId: string) => {
    const params = new URLSearchParams(others("pending"));
    const keys = pagingKeys("pending");
    if (pages.pending.page > 1) params.set(keys.page, String(pages.pending.page));
    if (query[keys.size] !== undefined) params.set(keys.size, String(pages.pending.size));
    params.set("return", entryId);
    return `/time?${params.toString()}#return-${entryId}`;
  };
  const pager = (list: (typeof LISTS)[number], total: number, noun: string, fragment: string) =>
    (total > pages[list].size || pages[list].page > 1) && (
      <Pager path="/time" paging={pages[list]} total={total} params={others(list)} noun={noun} list={list} fragment={fragment} />
    );
  return (
    <>
      <p className="mb-8 max-w-2xl">
        Young commissioners log the time they spend on the panels of tenders you run. Approving time fixes the pay at the tender&apos;s
        hourly rate. Approved claims go to payroll; mark them as paid once they have been paid.
      </p>

      <section aria-labelledby="to-approve" className="mb-12 max-w-3xl">
        <h2 id="to-approve" className="mb-2 text-2xl font-bold">
          Time to approve ({counts.pending.toLocaleString("en-GB")})
        </h2>
        {pending.length === 0 ? (
          <p>There is no time waiting to be approved.</p>
        ) : (
          <ul className="space-y-4">
            {pending.map((e) => (
              <li key={e.id} className="border border-slate-300 bg-white p-4">
                <h3 className="break-words text-xl font-bold">
                  {e.technician.name}: {formatDuration(e.minutes)}
                </h3>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                  <dt className="font-bold">Day</dt>
                  <dd className="min-w-0 break-words">{formatLondon(e.workedOn, "weekdayDate")}</dd>
                  <dt className="font-bold">Activity</dt>
                  <dd className="min-w-0 break-words">{activityLabel(e.activity)}</dd>
                  <dt className="font-bold">Tender</dt>
                  <dd className="min-w-0 break-words">
                    {e.tender.reference}: {e.tender.title}
                  </dd>
                  <dt className="font-bold">Pay</dt>
                  <dd className="min-w-0 break-words">
                    {e.expectedPence === null
                      ? "This tender has no hourly rate yet. Set one before approving."
                      : `${formatPence(e.expectedPence)} at ${formatPence(e.tender.technicianHourlyRatePence ?? 0)} an hour`}
                  </dd>
                  {e.note && (
                    <>
                      <dt className="font-bold">Note</dt>
                      <dd className="min-w-0 whitespace-pre-line break-words">{e.note}</dd>
                    </>
                  )}
                  {e.previousReturnNote && (
                    <>
                      <dt className="font-bold">Sent back before</dt>
                      <dd className="min-w-0 whitespace-pre-line break-words">{e.previousReturnNote}</dd>
                    </>
                  )}
                </dl>
                <div className="mt-4 flex flex-col gap-4">
                  <ActionForm action={reviewTimeEntryAction.bind(null, e.id)} idPrefix={`approve-${e.id}`}>
                    <input type="hidden" name="decision" value="approve" />
                    <SubmitButton
                      aria-label={`Approve ${formatDuration(e.minutes)} for ${e.technician.name} on ${formatLondon(e.workedOn)}`}
                    >
                      Approve
                    </SubmitButton>
                  </ActionForm>
                  {returning === e.id ? (
                    <div id={`return-${e.id}`}>
                      <ActionForm action={reviewTimeEntryAction.bind(null, e.id)} idPrefix={`return-${e.id}`}>
                        <input type="hidden" name="decision" value="return" />
                        <TextArea
                          name="note"
                          label="Or send it back with a note"
                          hint="Say what needs to change. The young commissioner will see this."
                          rows={2}
                          maxLength={1000}
                        />
                        <SubmitButton
                          variant="secondary"
                          aria-label={`Send back the time for ${e.technician.name} on ${formatLondon(e.workedOn)}`}
                        >
                          Send back
                        </SubmitButton>
                      </ActionForm>
                    </div>
                  ) : (
                    <p>
                      <Link href={returnHref(e.id)}>
                        Send back with a note
                        <span className="sr-only">
                          {" "}
                          for the time {e.technician.name} logged on {formatLondon(e.workedOn)}
                        </span>
                      </Link>
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {pager("pending", counts.pending, "time to approve", "to-approve")}
      </section>

      <section aria-labelledby="returned" className="mb-12 max-w-3xl">
        <h2 id="returned" className="mb-2 text-2xl font-bold">
          Sent back, waiting for changes ({counts.returned.toLocaleString("en-GB")})
        </h2>
        {returned.length === 0 ? (
          <p>No time is waiting for a young commissioner to change it.</p>
        ) : (
          <>
            <p className="mb-4">These come back to “Time to approve” when the young commissioner sends them again.</p>
            <ul className="divide-y divide-slate-300 border-y border-slate-300" data-testid="returned-time">
              {returned.map((e) => (
                <li key={e.id} className="break-words py-3">
                  <strong>
                    {e.technician.name}: {formatDuration(e.minutes)}
                  </strong>
                  , {activityLabel(e.activity).toLowerCase()}, {formatLondon(e.workedOn)} ({e.tender.reference})
                  <span className="block text-slate-700">
                    Sent back{e.reviewedBy ? ` by ${e.reviewedBy.name}` : ""}
                    {e.reviewedAt ? ` on ${formatLondon(e.reviewedAt)}` : ""}
                    {e.reviewNote ? ":" : ""}
                  </span>
                  {e.reviewNote && <span className="block whitespace-pre-line">“{e.reviewNote}”</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {pager("returned", counts.returned, "time sent back", "returned")}
      </section>

      <section aria-labelledby="approved" className="mb-12 max-w-3xl">
        <h2 id="approved" className="mb-2 text-2xl font-bold">
          Approved claims ({counts.approved.toLocaleString("en-GB")})
        </h2>
        <p className="mb-4">
          <a href="/api/time/claims.csv?unpaid=1" download className="font-bold">
            Download claims not yet paid (CSV for payroll)
          </a>
          <br />
          <a href="/api/time/claims.csv" download>
            Download all approved claims, including paid ones (CSV)
          </a>
        </p>
        {approved.length === 0 ? (
          <p>There are no approved claims waiting to be paid.</p>
        ) : (
          <ActionForm action={markPaidAction} anchor="mark-paid">
            <p className="mb-4">
              Waiting to be paid: <strong>{formatPence(counts.approvedPence)}</strong>
            </p>
            <ClaimCheckboxes
              name="entryIds"
              legend="Choose the claims that payroll has paid"
              claims={approved.map((c) => ({
                id: c.id,
                label: (
                  <>
                    <strong>
                      {c.technician.name}: {formatPence(c.amountPence ?? 0)}
                    </strong>
                    <span className="block">
                      {formatDuration(c.minutes)}, {activityLabel(c.activity).toLowerCase()}, {formatLondon(c.workedOn)}
                    </span>
                    <span className="block text-slate-700">
                      {c.tender.reference}. Approved{c.reviewedBy ? ` by ${c.reviewedBy.name}` : ""}
                      {c.reviewedAt ? ` on ${formatLondon(c.reviewedAt)}` : ""}
                    </span>
                  </>
                ),
              }))}
            />
            <SubmitButton>Mark as paid</SubmitButton>
          </ActionForm>
        )}
        {pager("approved", counts.approved, "approved claims", "approved")}
      </section>

      {paid.length > 0 && (
        <section aria-labelledby="paid" className="max-w-3xl">
          <h2 id="paid" className="mb-2 text-2xl font-bold">
            Recently paid
          </h2>
          <ul className="divide-y divide-slate-300 border-y border-slate-300">
            {paid.map((c) => (
              <li key={c.id} className="break-words py-2">
                <strong>{c.technician.name}</strong>: {formatPence(c.amountPence ?? 0)} for {formatDuration(c.minutes)} on{" "}
                {formatLondon(c.workedOn)} ({c.tender.reference}){c.paidAt ? `, paid ${formatLondon(c.paidAt)}` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
