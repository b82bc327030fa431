import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notification-list";
import { TenderList } from "@/components/tender-table";
import { PageHeading } from "@/components/ui/page-heading";
import { listMyOutcomeLetters } from "@/server/awards/queries";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { listMyNotifications } from "@/server/notifications/queries";
import { listBidTendersAwaitingOutcome, listOpenTendersForProvider } from "@/server/tenders/queries";

export const metadata: Metadata = { title: "Open tenders" };

export default async function OpportunitiesPage() {
  const actor = await requireActor("opportunities");
  const at = now();
  const [tenders, awaiting, letters, notifications] = await Promise.all([
    listOpenTendersForProvider(actor, at),
    listBidTendersAwaitingOutcome(actor, at),
    listMyOutcomeLetters(actor),
    listMyNotifications(actor, 5),
  ]);
  return (
    <>
      <PageHeading caption="Provider">Open tenders</PageHeading>
      <NotificationList notifications={notifications} />
      <TenderList
        tenders={tenders}
        hrefFor={(id) => `/opportunities/${id}`}
        empty="There are no tenders open for bids at the moment."
        headingLevel={2}
      />
      {awaiting.length > 0 && (
        <section aria-labelledby="awaiting" className="mt-10">
          <h2 id="awaiting" className="mb-2 text-2xl font-bold">
            Your bids waiting for an outcome
          </h2>
          <p className="mb-2">
            Bids have closed on these tenders. Your bid can no longer be changed; you will get an outcome letter when the evaluation is
            complete.
          </p>
          <TenderList tenders={awaiting} hrefFor={(id) => `/opportunities/${id}`} empty="" />
        </section>
      )}
      {letters.length > 0 && (
        <section aria-labelledby="letters" className="mt-10">
          <h2 id="letters" className="mb-2 text-2xl font-bold">
            Your outcome letters
          </h2>
          <ul className="list-disc pl-6">
            {letters.map((l) => (
              <li key={l.awardDecisionId}>
                <Link href={`/letters/${l.awardDecisionId}`}>
                  {l.title} ({l.reference})
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
