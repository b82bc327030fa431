import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import { TenderList } from "@/components/tender-table";
import { PageHeading } from "@/components/ui/page-heading";
import { describeStage, TENDER_STAGES, type TenderStage } from "@/domain/tender-lifecycle";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { PanelInvitations } from "@/components/panel-invitations";
import { respondToPanelInvitationAction } from "../panels/actions";
import { Pager } from "@/components/ui/pager";
import { paging } from "@/domain/paging";
import {
  countTendersForCommissioner,
  listEstablishments,
  listMyPanelInvitations,
  listTendersForCommissioner,
} from "@/server/tenders/queries";

export const metadata: Metadata = { title: "Tenders" };

const selectClass = "mt-1 block border-2 border-slate-900 bg-white px-2 py-2 focus:outline-4 focus:outline-yellow-400";

export default async function TendersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const actor = await requireActor("tenders");
  const status = TENDER_STAGES.includes(params.status as TenderStage) ? (params.status as TenderStage) : undefined;
  const filters = { status, establishmentId: params.establishment, q: params.q };
  const page = paging(params);
  const at = now();
  const [tenders, total, establishments, invitations] = await Promise.all([
    listTendersForCommissioner(actor, filters, at, page),
    countTendersForCommissioner(actor, filters, at),
    listEstablishments(),
    listMyPanelInvitations(actor, at),
  ]);
  const keep = Object.fromEntries(
    Object.entries({ status: status ?? "", establishment: params.establishment ?? "", q: params.q ?? "" }).filter(([, v]) => v),
  );
  const filtered = Boolean(status || params.establishment || params.q);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeading caption="Commissioner">Tenders</PageHeading>
        <ButtonLink href="/tenders/new">Create a tender</ButtonLink>
      </div>
      <PanelInvitations invited={invitations} technician={false} respond={respondToPanelInvitationAction} />
      <form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-4 border border-slate-300 bg-white p-4"
        role="search"
        aria-label="Filter tenders"
      >
        <div>
          <label htmlFor="q" className="block font-bold">
            Title or reference
          </label>
          <input id="q" name="q" type="search" defaultValue={params.q} className={`${selectClass} w-64`} />
        </div>
        <div>
          <label htmlFor="status" className="block font-bold">
            Status
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className={selectClass}>
            <option value="">Any status</option>
            {TENDER_STAGES.map((s) => (
              <option key={s} value={s}>
                {describeStage(s).label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="establishment" className="block font-bold">
            Establishment
          </label>
          <select id="establishment" name="establishment" defaultValue={params.establishment ?? ""} className={selectClass}>
            <option value="">Any establishment</option>
            {establishments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="size" value={page.size} />
        <button
          type="submit"
          className="bg-slate-200 px-4 py-2 font-bold shadow-[0_2px_0_#4c6272] focus:bg-yellow-400 focus:outline-4 focus:outline-yellow-400"
        >
          Filter
        </button>
        {filtered && <Link href="/tenders">Clear filters</Link>}
      </form>
      <p className="mb-2" role="status">
        {total} {total === 1 ? "tender" : "tenders"}
        {filtered ? " match" : ""}
      </p>
      <TenderList
        tenders={tenders}
        hrefFor={(id) => `/tenders/${id}`}
        empty={filtered ? "No tenders match these filters." : "There are no tenders yet."}
        headingLevel={2}
      />
      {total > page.size && <Pager path="/tenders" paging={page} total={total} params={keep} noun="tenders" />}
    </>
  );
}
