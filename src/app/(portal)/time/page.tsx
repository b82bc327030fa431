import { can } from "@/server/policy";
import type { Metadata } from "next";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { needsConsent, requireActor } from "@/server/auth/session";
import { paging } from "@/domain/paging";
import { CommissionerTime } from "./commissioner-time";
import { TechnicianTime } from "./technician-time";

export const metadata: Metadata = { title: "Paid time" };

type Flash = {
  logged?: string;
  changed?: string;
  deleted?: string;
  approved?: string;
  returned?: string;
  paid?: string;
  /** Paging: `page` and `size` for a young commissioner's list; `<list>Page` and `<list>Size` for a commissioner's (commissioner-time.tsx). */
  [paging: string]: string | string[] | undefined;
};

function Message({ query }: { query: Flash }) {
  if (query.logged) return <Panel title="Time sent">Thank you. A commissioner will check it soon.</Panel>;
  if (query.changed) return <Panel title="Changes saved">A commissioner will check your time again.</Panel>;
  if (query.deleted) return <Panel title="Time deleted">That time has been deleted.</Panel>;
  if (query.approved) return <Panel title="Time approved">The young commissioner has been told, and the claim is ready for payroll.</Panel>;
  if (query.returned) return <Panel title="Time sent back">The young commissioner has been told what to change.</Panel>;
  if (query.paid && /^\d+$/.test(query.paid)) {
    const n = Number(query.paid);
    return <Panel title="Marked as paid">{n === 1 ? "1 claim has" : `${n} claims have`} been marked as paid.</Panel>;
  }
  return null;
}

export default async function PaidTimePage({ searchParams }: { searchParams: Promise<Flash> }) {
  const query = await searchParams;
  const actor = await requireActor("time");
  const technician = can(actor, "time.log");
  const canLog = technician && !(await needsConsent(actor));
  return (
    <>
      <Message query={query} />
      <PageHeading>{technician ? "Your paid time" : "Paid time for young commissioners"}</PageHeading>
      {technician ? (
        <TechnicianTime actor={actor} canLog={canLog} page={paging(query)} />
      ) : (
        <CommissionerTime actor={actor} query={query} />
      )}
    </>
  );
}
