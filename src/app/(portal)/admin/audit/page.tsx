import type { Metadata } from "next";
import { AuditTrailView } from "@/components/audit/audit-trail-view";
import { PageHeading } from "@/components/ui/page-heading";
import { checkAuditTrail } from "@/server/audit-trail/check-trail";
import { getPortalAuditTrail, kindFilter } from "@/server/audit-trail/queries";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { paging } from "@/domain/paging";

export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const actor = await requireActor("admin");
  const p = paging(query, 50);
  const kind = kindFilter(query.kind);
  const trail = await readable(getPortalAuditTrail(actor, { kind, paging: p }));
  const check = await checkAuditTrail(query);
  return (
    <>
      <PageHeading caption="Whole portal">Audit log</PageHeading>
      <p className="mb-6 max-w-3xl">
        Every recorded change in the portal, oldest first, in London time, chained by hashes so that a change made behind the portal&apos;s
        back shows when you verify. Bids stay sealed here too until they are opened.
      </p>
      <AuditTrailView path="/admin/audit" csvHref="/api/audit.csv" trail={trail} paging={p} kind={kind} check={check} showTender />
    </>
  );
}
