import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { ContractTimeline, type TimelineEstablishment } from "@/components/charts/contract-timeline";
import { PageHeading } from "@/components/ui/page-heading";
import { parseRegisterStatus, REGISTER_STATUS_LABEL } from "@/domain/contract-status";
import { formatLondon, londonDateKey, utcDateKey } from "@/domain/london-time";
import { describeWholeLifePrice } from "@/domain/money";
import { termMonthsOf } from "@/domain/contract-period";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { countContracts, listContracts } from "@/server/contracts/queries";
import { ocidsForTenders } from "@/server/ocds/queries";
import { Pager } from "@/components/ui/pager";
import { paging } from "@/domain/paging";
import { ContractStatusTag } from "./status";

export const metadata: Metadata = { title: "Contracts" };

const day = (d: Date) => formatLondon(new Date(d.getTime() + 12 * 3_600_000));

export default async function ContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const query = await searchParams;
  const { status } = query;
  const page = paging(query);
  const actor = await requireActor("contracts");
  const filter = parseRegisterStatus(status);
  const at = now();
  const [contracts, total] = await Promise.all([
    listContracts(actor, at, { status: filter }, page),
    countContracts(actor, at, { status: filter }),
  ]);
  const ocids = await ocidsForTenders(contracts.map((c) => c.tender.id));
  const today = at;
  // The timeline draws the contracts on this page of the register.
  const byEstablishment = new Map<string, TimelineEstablishment>();
  for (const c of contracts) {
    const group = byEstablishment.get(c.establishment.id) ?? { name: c.establishment.name, contracts: [] };
    group.contracts.push({
      id: c.id,
      title: c.title,
      provider: c.organisation.name,
      start: c.startDate.toISOString().slice(0, 10),
      end: c.endDate.toISOString().slice(0, 10),
      statusLabel: REGISTER_STATUS_LABEL[c.registerStatus],
      expiring: c.registerStatus === "EXPIRING",
      ended: c.registerStatus === "ENDED" || c.registerStatus === "TERMINATED",
      notStarted: c.registerStatus === "NOT_STARTED",
    });
    byEstablishment.set(c.establishment.id, group);
  }
  return (
    <>
      <PageHeading caption={can(actor, "contract.readAllEstablishments") ? "All establishments" : "Your establishment"}>
        Contracts register
      </PageHeading>
      <p className="mb-6 max-w-3xl">
        Open data: every published tender, award and contract as{" "}
        <a href="/api/ocds/releases" download="ocds-releases.json">
          OCDS 1.1 releases (JSON)
        </a>
        , free to reuse without signing in (<Link href="/open-data">what is published, when, and under which licence</Link>).
      </p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="status" className="block font-bold">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={filter ?? ""}
            className="mt-1 border-2 border-slate-900 bg-white px-2 py-2 text-lg"
          >
            <option value="">All</option>
            {Object.entries(REGISTER_STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="size" value={page.size} />
        <button
          type="submit"
          className="bg-slate-200 px-4 py-2 text-lg font-bold shadow-[0_2px_0_#4c6272] focus:bg-yellow-400 focus:outline-4 focus:outline-yellow-400"
        >
          Filter
        </button>
      </form>
      {contracts.length === 0 ? (
        <p>No contracts{filter ? " with that status" : ""} yet. Contracts appear here when an award is confirmed after standstill.</p>
      ) : (
        <>
          <section aria-labelledby="timeline" className="mb-8 max-w-3xl">
            <h2 id="timeline" className="mb-2 text-2xl font-bold">
              Contract periods
            </h2>
            <ContractTimeline
              establishments={[...byEstablishment.values()].sort((a, b) => a.name.localeCompare(b.name))}
              today={londonDateKey(today)}
              id="contract-timeline"
            />
          </section>
          <ul className="space-y-4" data-testid="contracts">
            {contracts.map((c) => (
              <li key={c.id} className="border-l-4 border-slate-300 bg-white p-4">
                <h2 className="text-xl font-bold">
                  <Link href={`/contracts/${c.id}`}>{c.title}</Link>
                </h2>
                <p className="my-1">
                  <ContractStatusTag status={c.registerStatus} />
                </p>
                <p>
                  {c.organisation.name} · {c.establishment.name} ·{" "}
                  {describeWholeLifePrice(c.valuePence, termMonthsOf(utcDateKey(c.startDate), utcDateKey(c.endDate)))} · {day(c.startDate)}{" "}
                  to {day(c.endDate)}
                </p>
                <p className="text-slate-700">
                  From tender {c.tender.reference}
                  {ocids.get(c.tender.id) && (
                    <>
                      {" · "}
                      <a href={`/api/ocds/tenders/${ocids.get(c.tender.id)}`} download={`${ocids.get(c.tender.id)}.json`}>
                        Open data for this contract (OCDS record, JSON)
                      </a>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {total > page.size && (
        <Pager path="/contracts" paging={page} total={total} params={filter ? { status: filter } : {}} noun="contracts" />
      )}
    </>
  );
}
