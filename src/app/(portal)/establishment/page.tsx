import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notification-list";
import { StatusTag } from "@/components/ui/status-tag";
import { describeStage } from "@/domain/tender-lifecycle";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { formatLondon } from "@/domain/london-time";
import { listAgreements } from "@/server/agreements/queries";
import { listPendingAwardSignOffs } from "@/server/awards/queries";
import { listMyNotifications } from "@/server/notifications/queries";
import { contractReviewsForGovernor } from "@/server/contract-checks/queries";
import { RATING_LABEL, REVIEW_STATE_LABEL } from "@/domain/contract-checks";
import { listGovernedEstablishments, listTendersForGovernor } from "@/server/tenders/queries";

export const metadata: Metadata = { title: "My establishment" };

export default async function EstablishmentPage() {
  const actor = await requireActor("establishment");
  const [establishments, tenders, notifications, signOffs, agreements, reviews] = await Promise.all([
    listGovernedEstablishments(actor),
    listTendersForGovernor(actor),
    listMyNotifications(actor),
    listPendingAwardSignOffs(actor),
    listAgreements(actor),
    contractReviewsForGovernor(actor),
  ]);
  const agreementsToSign = agreements.filter((a) => a.state === "AWAITING_GOVERNOR");
  const waiting = new Set([
    ...signOffs.map((s) => `/establishment/sign-offs/${s.id}`),
    ...agreementsToSign.map((a) => `/agreements/${a.id}`),
    ...reviews.toCosign.map((r) => `/contracts/${r.id}/periods/${r.latest!.period}`),
  ]);
  return (
    <>
      <PageHeading caption="Governor">{establishments.map((e) => e.name).join(", ") || "My establishment"}</PageHeading>
      <section aria-labelledby="signoffs" className="mb-8">
        <h2 id="signoffs" className="mb-2 text-2xl font-bold">
          Waiting for your sign-off
        </h2>
        {signOffs.length === 0 && agreementsToSign.length === 0 && reviews.toCosign.length === 0 ? (
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
            {reviews.toCosign.map((r) => (
              <li key={r.id}>
                <Link href={`/contracts/${r.id}/periods/${r.latest!.period}`}>
                  Review of {r.title}, period {r.latest!.period}
                </Link>
                <span className="block text-slate-700">Signed by the commissioner: co-sign it for your establishment.</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Not twice: a notice about a sign-off already listed above is left out, and a notice pointing at this page is not a link. */}
      <NotificationList notifications={notifications.filter((n) => !waiting.has(n.href ?? ""))} here="/establishment" />
      {reviews.contracts.length > 0 && (
        <section aria-labelledby="contract-reviews" className="mb-8">
          <h2 id="contract-reviews" className="mb-2 text-2xl font-bold">
            How your contracts are doing
          </h2>
          <ul className="divide-y divide-slate-300 border-y border-slate-300" data-testid="contract-reviews">
            {reviews.contracts.map((c) => (
              <li key={c.id} className="py-3">
                <Link href={`/contracts/${c.id}`} className="font-bold">
                  {c.title}
                </Link>{" "}
                ({c.provider})
                <span className="block">
                  {c.latest
                    ? `Latest review: period ${c.latest.period}, ${REVIEW_STATE_LABEL[c.latest.state].toLowerCase()}. ${c.latest.met} ${RATING_LABEL.MET.toLowerCase()}, ${c.latest.partly} ${RATING_LABEL.PARTLY_MET.toLowerCase()}, ${c.latest.notMet} ${RATING_LABEL.NOT_MET.toLowerCase()}; ${c.latest.actions} ${c.latest.actions === 1 ? "action" : "actions"} agreed.`
                    : "No review yet."}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mb-8 max-w-2xl" data-testid="shaping-link">
        <Link href="/shaping" className="font-bold">
          Services being shaped with young people
        </Link>
        : what young people said matters most, before each tender is written (results only).
      </p>
      <section aria-labelledby="tenders">
        <h2 id="tenders" className="mb-2 text-2xl font-bold">
          Tenders for your establishment
        </h2>
        {tenders.length === 0 ? (
          <p>
            There are no tenders for your establishment yet. When a commissioner starts one, it appears here and we will tell you when there
            is something for you to sign off.
          </p>
        ) : (
          <ul className="divide-y divide-slate-300 border-y border-slate-300">
            {tenders.map((t) => (
              <li key={t.id} className="py-4">
                <p className="text-sm text-slate-600">{t.reference}</p>
                {/* The title opens the recommendation when there is one (the governor's part), else the audit trail. */}
                <h3 id={`tender-${t.id}`} className="text-xl font-bold">
                  <Link href={t.latestAwardDecisionId ? `/establishment/sign-offs/${t.latestAwardDecisionId}` : `/tenders/${t.id}/audit`}>
                    {t.title}
                  </Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1">
                  <StatusTag stage={t.stage} />
                  <span>{t.establishment.name}</span>
                </p>
                <p className="mt-1">
                  {t.latestAwardDecisionId ? (
                    <>
                      The title opens the recommendation and your sign-off.{" "}
                      <Link href={`/tenders/${t.id}/audit`} aria-describedby={`tender-${t.id}`}>
                        Audit trail: who did what, and when
                      </Link>
                    </>
                  ) : (
                    `${describeStage(t.stage).whatsNext} The title opens its audit trail: who did what, and when.`
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
