import { Pager } from "@/components/ui/pager";
import { formatLondon, formatLondonStamp } from "@/domain/london-time";
import type { TrailCheck } from "@/server/audit-trail/check-trail";
import type { AuditPage } from "@/server/audit-trail/queries";
import type { Paging } from "@/domain/paging";

const buttonClass =
  "inline-block px-4 py-2 text-lg font-bold focus:bg-yellow-400 focus:text-slate-900 focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400";

/**
 * An audit trail: filter by kind, the chain check, the CSV link and the
 * events, oldest first. Everything is a plain link or GET form, so it works
 * without JavaScript and a link shows the same rows.
 */
export function AuditTrailView({
  path,
  csvHref,
  trail,
  paging,
  kind,
  check,
  showTender = false,
}: {
  path: string;
  csvHref: string;
  trail: AuditPage;
  paging: Paging;
  kind?: string;
  check: TrailCheck | null;
  showTender?: boolean;
}) {
  const params: Record<string, string> = kind ? { kind } : {};
  const csv = kind ? `${csvHref}?${new URLSearchParams({ kind })}` : csvHref;
  return (
    <>
      {check && <CheckResult check={check} />}
      <div className="mb-6 flex flex-wrap items-end gap-x-8 gap-y-4">
        <form method="get" action={path} className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="audit-kind" className="mb-1 block text-lg font-bold">
              Show
            </label>
            <select
              id="audit-kind"
              name="kind"
              defaultValue={kind ?? ""}
              className="border-2 border-slate-900 bg-white px-2 py-2 text-lg focus:outline-4 focus:outline-yellow-400"
            >
              <option value="">Every kind of event</option>
              {trail.kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <input type="hidden" name="size" value={String(paging.size)} />
          <button type="submit" className={`${buttonClass} bg-slate-200 text-slate-900 shadow-[0_2px_0_#4c6272] hover:bg-slate-300`}>
            Filter
          </button>
        </form>
        <form method="get" action={path} className="flex max-w-xl flex-wrap items-end gap-3">
          {kind && <input type="hidden" name="kind" value={kind} />}
          <input type="hidden" name="page" value={String(paging.page)} />
          <input type="hidden" name="size" value={String(paging.size)} />
          <input type="hidden" name="verify" value="1" />
          <div className="w-full">
            <label htmlFor="audit-checkpoint" className="mb-1 block text-lg font-bold">
              Checkpoint to check (optional)
            </label>
            <p id="audit-checkpoint-hint" className="mb-1 text-slate-700">
              An event number and its hash, as printed on a letter or sign-off record or kept from an earlier check, like 1234:3f5a…
            </p>
            {check?.checkpointError && (
              <p id="audit-checkpoint-error" className="mb-1 font-bold text-red-700">
                <span className="sr-only">Error:</span> {check.checkpointError}
              </p>
            )}
            <input
              id="audit-checkpoint"
              name="checkpoint"
              defaultValue={check?.checkpoint ?? ""}
              maxLength={200}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={check?.checkpointError ? "audit-checkpoint-hint audit-checkpoint-error" : "audit-checkpoint-hint"}
              aria-invalid={check?.checkpointError ? true : undefined}
              className={`w-full border-2 bg-white px-2 py-2 font-mono text-base focus:outline-4 focus:outline-yellow-400 ${check?.checkpointError ? "border-red-700" : "border-slate-900"}`}
            />
          </div>
          <button type="submit" className={`${buttonClass} bg-green-700 text-white shadow-[0_2px_0_#002d18] hover:bg-green-800`}>
            Verify the audit trail
          </button>
        </form>
        <p>
          <a href={csv} download>
            Download {kind ? "these events" : "every event"} as CSV
          </a>
        </p>
      </div>

      <Pager
        path={path}
        paging={paging}
        total={trail.total}
        params={params}
        noun="events"
        where={trail.total > paging.size ? "above" : undefined}
      />
      {trail.rows.length === 0 ? (
        <p>No events{kind ? " of this kind" : ""} yet.</p>
      ) : (
        <ol className="divide-y divide-slate-300 border-y border-slate-300" aria-label="Events, oldest first">
          {trail.rows.map((r) => (
            <li key={r.id} className="py-3" id={`event-${r.id}`}>
              <p className="flex flex-wrap gap-x-4 text-slate-700">
                <time dateTime={r.at.toISOString()} title={formatLondonStamp(r.at)}>
                  {formatLondon(r.at)} at {formatLondonStamp(r.at).slice(11)}
                </time>
                <span>Event {r.id}</span>
                {showTender && r.tender && <span>Tender {r.tender}</span>}
              </p>
              <p className="text-lg">
                <strong>{r.what}</strong>, by {r.who} <span className="text-slate-700">({r.role})</span>
              </p>
              {r.details && <p className="mt-1 break-words text-slate-800">{r.details}</p>}
            </li>
          ))}
        </ol>
      )}
      {trail.total > paging.size && <Pager path={path} paging={paging} total={trail.total} params={params} noun="events" where="below" />}
    </>
  );
}

function CheckResult({ check }: { check: TrailCheck }) {
  if (check.checkpointError || !check.chain) return null;
  const { chain, records } = check;
  if (chain.ok && records?.ok) {
    return (
      <div className="mb-6 bg-green-700 p-6 text-white" role="status">
        <h2 className="text-2xl font-bold">The audit trail is intact</h2>
        <p className="mt-2 text-lg">
          All {chain.checked.toLocaleString("en-GB")} events in the portal&apos;s audit log match their hashes and each links to the one
          before it.
          {check.checkpoint && " The history up to your checkpoint is the one it describes."} The {records.checked.toLocaleString("en-GB")}{" "}
          representations, messages, decisions and clarifications match what the audit log recorded.
        </p>
        {check.keep && (
          <p className="mt-2 break-all">
            Checkpoint to keep outside the portal, to check against later: <code className="font-bold">{check.keep}</code>
          </p>
        )}
      </div>
    );
  }
  const where = chain.ok ? null : chain.brokenAt;
  return (
    <div className="mb-6 border-4 border-red-700 bg-white p-6" role="alert">
      <h2 className="text-2xl font-bold text-red-700">The audit trail has been changed</h2>
      {where && !chain.ok ? (
        <>
          <p className="mt-2 text-lg">
            The first broken link is <strong>event {where.id}</strong>
            {where.at && ` (${formatLondonStamp(where.at)}, ${where.action})`}. {chain.reason}
          </p>
          <p className="mt-2">
            The {chain.checked.toLocaleString("en-GB")} events before it are intact. Tell your administrator:{" "}
            <code>npm run audit:verify</code> on the server gives the same answer.
          </p>
        </>
      ) : (
        records &&
        !records.ok && (
          <p className="mt-2 text-lg">
            The events are intact, but a record they fingerprint was changed: {records.reason} Tell your administrator:{" "}
            <code>npm run audit:verify</code> on the server gives the same answer.
          </p>
        )
      )}
    </div>
  );
}
