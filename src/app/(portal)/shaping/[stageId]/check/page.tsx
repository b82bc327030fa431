import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { formatLondon } from "@/domain/london-time";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { Forbidden } from "@/server/errors";
import { readable } from "@/server/page-guard";
import { checkQueue, type QueueView } from "@/server/shaping/views-queries";
import { CheckViewForm, WithdrawQuoteForm } from "./check-forms";

export const metadata: Metadata = { title: "Check answers" };

const DONE: Record<string, string> = {
  accepted: "Answer accepted.",
  "set-aside": "Answer set aside. Your reason is kept in the audit trail.",
  flagged: "Answer flagged as a disclosure. Only you can read it now: follow the steps below today.",
  "quote-withdrawn": "Quote withdrawn. The answer stays; its words will not be quoted anywhere.",
};

function ViewText({ view }: { view: QueueView }) {
  return (
    <>
      <p className="text-slate-700">{view.question}</p>
      <blockquote className="my-2 border-l-4 border-slate-400 bg-white p-3 text-lg break-words whitespace-pre-wrap">{view.text}</blockquote>
      <p className="text-sm text-slate-700">
        Sent {formatLondon(view.createdAt, "dateTime")}
        {view.ageBand ? ` · Age: ${view.ageBand}` : ""} ·{" "}
        {view.quoteConsent
          ? view.quoteWithdrawn
            ? "Agreed to be quoted, since withdrawn"
            : "Agreed to be quoted"
          : "Did not agree to be quoted"}
      </p>
    </>
  );
}

/** What a facilitator does with a disclosure. Read with the establishment's own safeguarding procedure, which comes first. */
function DisclosureSteps() {
  return (
    <div className="mb-6 border-l-8 border-red-700 bg-red-50 p-4">
      <h3 className="mb-2 text-xl font-bold">What to do with a disclosure</h3>
      <p className="mb-2">
        A disclosure is an answer that tells you a young person may be at risk of harm, or may harm someone else. It is not a survey answer.
      </p>
      <ol className="list-decimal space-y-2 pl-6">
        <li>
          <strong>Act today.</strong> If anyone may be in immediate danger, tell the staff on duty now.
        </li>
        <li>
          <strong>Follow your establishment&apos;s safeguarding procedure.</strong> Tell the designated safeguarding lead (out of hours, the
          duty governor or manager) in the way the procedure says. They decide what happens next.
        </li>
        <li>
          <strong>Pass on what you know</strong>: the answer&apos;s words, when it was sent, and which batch of cards it came from (where
          and when you handed them out). Record it where the procedure says, and nowhere else.
        </li>
        <li>
          <strong>Do not try to find out yourself who wrote it</strong>, and do not talk about it with the panel or other facilitators.
        </li>
        <li>
          Flagged answers leave the stage: nobody else here reads them (not the panel, other facilitators or the governor). They only see
          how many were flagged.
        </li>
      </ol>
      <p className="mt-2">Reading something like this can be hard. Talk to your manager or your staff support service.</p>
    </div>
  );
}

export default async function CheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ stageId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { stageId } = await params;
  const done = DONE[(await searchParams).done ?? ""];
  const actor = await requireActor();
  const queue = await readable(checkQueue(actor, stageId).catch((e: unknown) => (e instanceof Forbidden ? null : Promise.reject(e))));
  if (!queue) forbidden();
  const { stage, groups, counts, myDisclosures, quotes } = queue;
  const waiting = groups.reduce((n, g) => n + g.views.length, 0);
  return (
    <div>
      <PageHeading caption={stage.tender.title}>Check answers</PageHeading>
      {done && (
        <p role="status" className="mb-6 border-l-4 border-green-700 bg-green-50 p-3 font-bold">
          {done}
        </p>
      )}
      <p className="mb-2 max-w-3xl">
        Every answer from a code card or a young commissioner waits here until a facilitator checks it. Until then nobody else reads it.
      </p>
      <p className="mb-6">
        Waiting: <strong>{counts.waiting}</strong> · Accepted: <strong>{counts.accepted}</strong> · Set aside:{" "}
        <strong>{counts.setAside}</strong> · Flagged as disclosures: <strong>{counts.flagged}</strong>
      </p>

      {myDisclosures.length > 0 && (
        <section aria-labelledby="disclosures-heading" className="mb-10">
          <h2 id="disclosures-heading" className="mb-2 text-2xl font-bold">
            Disclosures you flagged ({myDisclosures.length})
          </h2>
          <p className="mb-4">Only you can read these.</p>
          <DisclosureSteps />
          <ul className="space-y-4">
            {myDisclosures.map((v) => (
              <li key={v.id}>
                <ViewText view={v} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="waiting-heading" className="mb-10">
        <h2 id="waiting-heading" className="mb-2 text-2xl font-bold">
          Waiting for a check ({waiting})
        </h2>
        {!queue.open ? (
          <p>Ranking has closed: answers can no longer be checked.</p>
        ) : groups.length === 0 ? (
          <p>Nothing is waiting. New answers appear here, oldest first.</p>
        ) : (
          <>
            <details className="mb-6">
              <summary className="cursor-pointer font-bold text-nhs-blue underline">What to do if an answer is a disclosure</summary>
              <DisclosureSteps />
            </details>
            <ol className="space-y-8">
              {groups.map((g, i) => (
                <li key={i} className="border-2 border-slate-300 bg-slate-50 p-4">
                  <h3 className="mb-2 text-xl font-bold">
                    {g.label}, sent {formatLondon(g.since, "dateTime")}
                  </h3>
                  <ul className="space-y-6">
                    {g.views.map((v) => (
                      <li key={v.id} className="border-t border-slate-300 pt-4">
                        <ViewText view={v} />
                        <div className="mt-3">
                          <CheckViewForm stageId={stage.id} viewId={v.id} />
                        </div>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="quotes-heading" className="mb-10">
        <h2 id="quotes-heading" className="mb-2 text-2xl font-bold">
          Answers that may be quoted
        </h2>
        <p className="mb-4 max-w-3xl">
          These young people agreed to their words being used without their name. If one asks you to stop, or the words could tell someone
          who wrote them, withdraw the quote for them. The answer itself stays.
        </p>
        {quotes.length === 0 ? (
          <p>No accepted answers agreed to be quoted yet.</p>
        ) : (
          <ul className="space-y-6">
            {quotes.map((v) => (
              <li key={v.id} className="border-t border-slate-300 pt-4">
                <ViewText view={v} />
                {!v.quoteWithdrawn && (
                  <div className="mt-2">
                    <WithdrawQuoteForm stageId={stage.id} viewId={v.id} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
