import type { Metadata } from "next";
import { TenderList } from "@/components/tender-table";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { listOpenTendersForProvider } from "@/server/tenders/queries";

export const metadata: Metadata = { title: "Open tenders" };

export default async function OpportunitiesPage() {
  const actor = await requireActor("opportunities");
  const tenders = await listOpenTendersForProvider(actor);
  return (
    <>
      <PageHeading caption="Provider">Open tenders</PageHeading>
      <TenderList tenders={tenders} hrefFor={(id) => `/opportunities/${id}`} empty="There are no tenders open for bids at the moment." />
    </>
  );
}
