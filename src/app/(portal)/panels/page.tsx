import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { PanelInvitations } from "@/components/panel-invitations";
import { ShapingInvitations } from "@/components/shaping-invitations";
import { listStagesForActor } from "@/server/shaping/queries";
import { respondToStageInvitationAction } from "../shaping/actions";
import { respondToPanelInvitationAction } from "./actions";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { formatPence } from "@/domain/money";
import { requireActor } from "@/server/auth/session";
import { requestNow } from "@/server/clock";
import { listMyPanels } from "@/server/tenders/queries";
import { PanelList } from "./panel-list";

export const metadata: Metadata = { title: "My panels" };

export default async function PanelsPage({ searchParams }: { searchParams: Promise<{ answered?: string; welcome?: string }> }) {
  const { answered, welcome } = await searchParams;
  const actor = await requireActor("panels");
  const [panels, shaping] = await Promise.all([listMyPanels(actor, requestNow()), listStagesForActor(actor)]);
  const invited = panels.filter((p) => p.status === "INVITED");
  const joined = panels.filter((p) => p.status === "ACCEPTED");
  const technician = can(actor, "time.log");
  return (
    <>
      {welcome === "1" && (
        <Panel title="Thank you, you are ready to start">
          You can now join panels. You can read about your role and your data again at any time.
        </Panel>
      )}
      {answered === "yes" && <Panel title="You have joined the panel">Thank you. We will tell you when there are bids to read.</Panel>}
      {answered === "no" && <p className="mb-4 border-l-4 border-slate-500 bg-white p-3">You said no to that panel. That is fine.</p>}
      <PageHeading>My panels</PageHeading>
      {technician && (
        <p className="mb-4">
          <Link href="/welcome" className="font-bold">
            About your role and your data
          </Link>
        </p>
      )}
      <p className="mb-6 max-w-2xl">
        A panel is the group of people who read the bids for a service and give them scores. Here are the panels you are on, and what each
        one needs from you now.
      </p>
      <PanelInvitations invited={invited} technician={technician} respond={respondToPanelInvitationAction} />
      <ShapingInvitations invitations={shaping.invitations} respond={respondToStageInvitationAction} />
      <section aria-labelledby="joined">
        <h2 id="joined" className="mb-2 text-2xl font-bold">
          Panels you are on
        </h2>
        <PanelList panels={joined} />
      </section>
      {technician && joined.length > 0 && (
        <section aria-labelledby="pay" className="mt-8 max-w-2xl">
          <h2 id="pay" className="mb-2 text-2xl font-bold">
            Your pay
          </h2>
          <ul className="mb-2 list-disc space-y-1 pl-6">
            {joined.map((p) => (
              <li key={p.id}>
                <strong>{p.tender.title}</strong>:{" "}
                {p.tender.technicianHourlyRatePence === null
                  ? "the hourly rate has not been set yet"
                  : `${formatPence(p.tender.technicianHourlyRatePence)} an hour`}
              </li>
            ))}
          </ul>
          <p>
            <Link href="/time">Log the time you spend</Link> and a commissioner will check it.
          </p>
        </section>
      )}
    </>
  );
}
