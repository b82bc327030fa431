import type { Metadata } from "next";
import Link from "next/link";
import { AuditTrailView } from "@/components/audit/audit-trail-view";
import { PageHeading } from "@/components/ui/page-heading";
import { checkAuditTrail } from "@/server/audit-trail/check-trail";
import { getTenderAuditTrail, kindFilter } from "@/server/audit-trail/queries";
import { requireActor } from "@/server/auth/session";
import { canUseSection } from "@/server/policy";
import { readable } from "@/server/page-guard";
import { paging } from "@/domain/paging";

export const metadata: Metadata = { title: "Audit trail" };

export default async function TenderAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ tenderId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const p = paging(query, 50);
  const kind = kindFilter(query.kind);
  const trail = await readable(getTenderAuditTrail(actor, tenderId, { kind, paging: p }));
  const check = await checkAuditTrail(query);
  const back = canUseSection(actor, "tenders")
    ? { href: `/tenders/${tenderId}`, label: "Back to the tender" }
    : canUseSection(actor, "establishment")
      ? { href: "/establishment", label: "Back to my establishment" }
      : { href: "/admin/audit", label: "The whole audit log" };
  return (
    <>
      <p className="mb-4">
        <Link href={back.href}>{back.label}</Link>
      </p>
      <PageHeading caption={`${trail.tender.reference} · ${trail.tender.establishment}`}>Audit trail: {trail.tender.title}</PageHeading>
      <p className="mb-6 max-w-3xl">
        Everything that happened on this tender, oldest first, in London time. Nothing here can be changed: each event is chained to the one
        before it by a hash, and <strong>Verify</strong> checks the whole chain. Bids stay sealed here until they are opened, scores until
        moderation starts.
      </p>
      <AuditTrailView
        path={`/tenders/${tenderId}/audit`}
        csvHref={`/api/tenders/${tenderId}/audit.csv`}
        trail={trail}
        paging={p}
        kind={kind}
        check={check}
      />
    </>
  );
}
