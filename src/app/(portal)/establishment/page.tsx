import type { Metadata } from "next";
import Link from "next/link";
import { TenderList } from "@/components/tender-table";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { listMyNotifications } from "@/server/notifications/queries";
import { listGovernedEstablishments, listTendersForGovernor } from "@/server/tenders/queries";

export const metadata: Metadata = { title: "My establishment" };

export default async function EstablishmentPage() {
  const actor = await requireActor("establishment");
  const [establishments, tenders, notifications] = await Promise.all([
    listGovernedEstablishments(actor),
    listTendersForGovernor(actor),
    listMyNotifications(actor),
  ]);
  return (
    <>
      <PageHeading caption="Governor">{establishments.map((e) => e.name).join(", ") || "My establishment"}</PageHeading>
      {notifications.length > 0 && (
        <section aria-labelledby="notices" className="mb-8">
          <h2 id="notices" className="mb-2 text-2xl font-bold">
            For your attention
          </h2>
          <ul className="list-disc pl-6">
            {notifications.map((n) => (
              <li key={n.id}>
                {n.href ? <Link href={n.href}>{n.title}</Link> : n.title}
                <span className="block text-slate-700">{n.body}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="tenders">
        <h2 id="tenders" className="mb-2 text-2xl font-bold">
          Tenders for your establishment
        </h2>
        <TenderList tenders={tenders} empty="There are no tenders for your establishment yet." />
      </section>
    </>
  );
}
