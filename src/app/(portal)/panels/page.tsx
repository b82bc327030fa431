import type { Metadata } from "next";
import { TenderList } from "@/components/tender-table";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { listMyPanels } from "@/server/tenders/queries";

export const metadata: Metadata = { title: "My panels" };

export default async function PanelsPage() {
  const actor = await requireActor("panels");
  const panels = await listMyPanels(actor);
  const invited = panels.filter((p) => p.status === "INVITED");
  const joined = panels.filter((p) => p.status === "ACCEPTED");
  return (
    <>
      <PageHeading>My panels</PageHeading>
      <p className="mb-6 max-w-2xl">
        A panel is the group of people who read the bids for a service and give them marks. Here are the panels you are on.
      </p>
      {invited.length > 0 && (
        <section aria-labelledby="invited" className="mb-8">
          <h2 id="invited" className="mb-2 text-2xl font-bold">
            You have been asked to join
          </h2>
          <TenderList tenders={invited.map((p) => p.tender)} empty="" />
        </section>
      )}
      <section aria-labelledby="joined">
        <h2 id="joined" className="mb-2 text-2xl font-bold">
          Panels you are on
        </h2>
        <TenderList tenders={joined.map((p) => p.tender)} empty="You are not on any panels yet." />
      </section>
    </>
  );
}
