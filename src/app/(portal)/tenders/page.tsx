import type { Metadata } from "next";
import { TenderList } from "@/components/tender-table";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { listTendersForCommissioner } from "@/server/tenders/queries";

export const metadata: Metadata = { title: "Tenders" };

export default async function TendersPage() {
  const actor = await requireActor("tenders");
  const tenders = await listTendersForCommissioner(actor);
  return (
    <>
      <PageHeading caption="Commissioner">Tenders</PageHeading>
      <TenderList tenders={tenders} empty="There are no tenders yet." />
    </>
  );
}
