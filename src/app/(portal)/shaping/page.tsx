import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { ShapingInvitations } from "@/components/shaping-invitations";
import { formatLondonDay } from "@/domain/london-time";
import { SHAPING_STATUS_LABELS } from "@/domain/shaping-stage";
import { requireActor } from "@/server/auth/session";
import { can } from "@/server/policy";
import { listStagesForActor } from "@/server/shaping/queries";
import { respondToStageInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Shaping services" };

const dateKey = (d: Date) => d.toISOString().slice(0, 10);

/** Every shaping stage the person takes part in (or, for a governor, of their establishments), and invitations to answer. */
export default async function ShapingListPage({ searchParams }: { searchParams: Promise<{ answered?: string }> }) {
  const { answered } = await searchParams;
  const actor = await requireActor("shaping");
  const { stages, invitations } = await listStagesForActor(actor);
  const governor = !can(actor, "shaping.menu");
  return (
    <>
      {answered === "no" && (
        <p className="mb-4 border-l-4 border-slate-500 bg-white p-3">You said no to shaping that service. That is fine.</p>
      )}
      {answered === "steppedBack" && (
        <p className="mb-4 border-l-4 border-slate-500 bg-white p-3">
          You have stepped back from shaping that service. What you already said stays with it. Thank you for your help.
        </p>
      )}
      <PageHeading>Shaping services</PageHeading>
      <p className="mb-6 max-w-2xl">
        {governor
          ? "Young people shaping the services for your establishments: what they said matters most, and how the tender answers it."
          : "Before a service is bought, young people say what it should be like. Here are the services you are helping to shape."}
      </p>
      <ShapingInvitations invitations={invitations} respond={respondToStageInvitationAction} />
      <section aria-labelledby="stages">
        <h2 id="stages" className="mb-2 text-2xl font-bold">
          {governor ? "Your establishments' shaping stages" : "Services you are shaping"}
        </h2>
        {stages.length === 0 ? (
          <p>{governor ? "No service for your establishments is being shaped yet." : "You are not shaping any service yet."}</p>
        ) : (
          <ul className="space-y-3" data-testid="shaping-stages">
            {stages.map((s) => (
              <li key={s.id} className="border border-slate-300 bg-white p-4">
                <p className="text-lg font-bold">
                  <Link href={`/shaping/${s.id}`}>{s.tender.title}</Link>
                </p>
                <p>
                  {s.tender.establishment.name} · <strong>{SHAPING_STATUS_LABELS[s.status]}</strong>
                </p>
                <p className="text-slate-700">
                  Gathering views: {formatLondonDay(dateKey(s.gatheringFrom))} to {formatLondonDay(dateKey(s.gatheringUntil))}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
