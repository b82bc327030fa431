import type { Metadata } from "next";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { listClosureRequests } from "@/server/account/close-account";
import { requireActor } from "@/server/auth/session";
import { CloseAccountForm } from "./close-form";

export const metadata: Metadata = { title: "Accounts to close" };

export default async function ClosuresPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor("closures");
  const params = await searchParams;
  const requests = await listClosureRequests(actor);
  return (
    <div className="max-w-3xl">
      {params.closed === "1" && (
        <Panel title="Account closed">Their personal details are removed. Their marks and paid time are kept.</Panel>
      )}
      <PageHeading caption="My account">Accounts to close</PageHeading>
      <p className="mb-6">
        Young commissioners who asked for their account to be closed, on panels you run. Closing removes their name, email address, phone
        number, password and notices, and signs them out everywhere. Their anonymised marks, consent history and paid time are kept. Settle
        their paid time first: an account cannot close while time is waiting to be checked or paid.
      </p>
      {requests.length === 0 ? (
        <p>Nobody is waiting.</p>
      ) : (
        <ul className="border-t border-slate-300">
          {requests.map((r) => (
            <li key={r.id} className="border-b border-slate-300 py-4">
              <h2 className="text-xl font-bold">{r.name}</h2>
              <p className="break-words">{r.email}</p>
              <p>Asked {formatLondon(r.closureRequestedAt, "dateTime")}</p>
              <p className="mb-3">
                {r.timeToCheck + r.timeUnpaid === 0
                  ? "No paid time waiting."
                  : `Paid time waiting: ${r.timeToCheck} to check, ${r.timeUnpaid} approved and not yet paid.`}
              </p>
              <CloseAccountForm userId={r.id} name={r.name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
