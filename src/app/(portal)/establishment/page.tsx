import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notification-list";
import { TenderList } from "@/components/tender-table";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { formatLondon } from "@/domain/london-time";
import { listAgreements } from "@/server/agreements/queries";
import { listPendingAwardSignOffs } from "@/server/awards/queries";
import { listMyNotifications } from "@/server/notifications/queries";
import { listGovernedEstablishments, listTendersForGovernor } from "@/server/tenders/queries";

export const metadata: Metadata = { title: "My establishment" };

export default async function EstablishmentPage() {
  const actor = await requireActor("establishment");
  const [establishments, tenders, notifications, signOffs, agreements] = await Promise.all([
    listGovernedEstablishments(actor),
    listTendersForGovernor(actor),
    listMyNotifications(actor),
    listPendingAwardSignOffs(actor),
    listAgreements(actor),
  ]);
  const agreementsToSign = agreements.filter((a) => a.state === "AWAITING_GOVERNOR");
  return (
    <>
      <PageHeading caption="Governor">{establishments.map((e) => e.name).join(", ") || "My establishment"}</PageHeading>
      <section aria-labelledby="signoffs" className="mb-8">
        <h2 id="signoffs" className="mb-2 text-2xl font-bold">
          Waiting for your sign-off
        </h2>
        {signOffs.length === 0 && agreementsToSign.length === 0 ? (
          <p>Nothing is waiting for your sign-off.</p>
        ) : (
          <ul className="list-disc pl-6" data-testid="pending-signoffs">
            {signOffs.map((s) => (
              <li key={s.id}>
                <Link href={`/establishment/sign-offs/${s.id}`}>
                  Award of {s.tender.title} ({s.tender.reference}) to {s.recommendedBid.organisation.name}
                </Link>
                <span className="block text-slate-700">
                  {s.tender.establishment.name}. Sent {formatLondon(s.createdAt, "dateTime")}.
                </span>
              </li>
            ))}
            {agreementsToSign.map((a) => (
              <li key={a.id}>
                <Link href={`/agreements/${a.id}`}>
                  {a.title}, version {a.latestVersion}
                </Link>
                <span className="block text-slate-700">Co-commissioning agreement signed by the commissioner.</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NotificationList notifications={notifications} />
      <section aria-labelledby="tenders">
        <h2 id="tenders" className="mb-2 text-2xl font-bold">
          Tenders for your establishment
        </h2>
        <p className="mb-2">Select a tender to read its audit trail: who did what, and when.</p>
        <TenderList tenders={tenders} hrefFor={(id) => `/tenders/${id}/audit`} empty="There are no tenders for your establishment yet." />
      </section>
    </>
  );
}
