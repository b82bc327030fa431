import type { Metadata } from "next";
import { lowerFirst, WHOLE_LIFE_PRICE } from "@/domain/money";
import { getOpenDataSummary, OCDS_LICENSE } from "@/server/ocds/queries";

// Anyone can read this page, signed in or not, and search engines may list it
// (public/robots.txt allows it and /api/ocds/): it is how people find the feeds.
export const metadata: Metadata = { title: "Open data", robots: { index: true, follow: true } };
export const dynamic = "force-dynamic";

const PUBLISHED_WHEN: [tag: string, when: string][] = [
  ["tender", "when the tender notice is published: the service, the estimated value, the dates and how bids are scored."],
  ["tenderUpdate", "when the answer to a clarification question is published (without saying who asked)."],
  [
    "award",
    "when the establishment's governor approves the award and standstill begins: the intention to award, the provider, its price and the standstill dates.",
  ],
  ["awardUpdate", "when an intention to award is withdrawn after representations: the award is published as cancelled."],
  ["contract", "when the commissioner confirms the award after standstill: the contract, its value and its dates."],
  ["tenderCancellation", "when a tender is cancelled, with the reason (any intention to award is published as cancelled too)."],
];

/** What is published as open data, when, under which licence, and where: the publication policy the OCDS packages point to. */
export default async function OpenDataPage() {
  const { publisher, latest } = await getOpenDataSummary();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold md:text-4xl">Open data</h1>
      <p className="mb-6 text-lg">
        {publisher} publishes what happens in every tender on CoCommission as open data, in the Open Contracting Data Standard (OCDS 1.1).
        Anyone can read it and reuse it: you do not need to sign in or ask for a key.
      </p>

      <section aria-labelledby="feeds" className="mb-8">
        <h2 id="feeds" className="mb-3 text-2xl font-bold">
          The data
        </h2>
        <ul className="list-disc space-y-3 pl-6">
          <li>
            <a href="/api/ocds/releases">Every release, in the order published (OCDS release package, JSON)</a>: up to 100 a page, the next
            page in the <code>Link</code> header. Add <code>?since=2026-11-25</code> (a date or date-time) for releases published since
            then.
          </li>
          <li>
            One tender&apos;s whole story: <code>/api/ocds/tenders/&lt;ocid&gt;</code> (OCDS record package, JSON), every release and the
            compiled current state.
            {latest && (
              <>
                {" "}
                For example, the most recently updated: <a href={`/api/ocds/tenders/${encodeURIComponent(latest.ocid)}`}>{latest.title}</a>.
              </>
            )}
          </li>
          <li>
            Provider Selection Regime notices: the notice of intention to award (published when the governor approves, which starts the
            standstill) and the notice confirming the award, each a page anyone can read and print at{" "}
            <code>/notices/&lt;award&gt;/intention</code> and <code>/notices/&lt;award&gt;/award</code>, and as an OCDS release package at{" "}
            <code>/api/ocds/notices/&lt;award&gt;/intention</code> (or <code>/award</code>).
          </li>
        </ul>
        <p className="mt-3">
          They answer JSON in UTF-8 and can be read from any website (CORS). The contracts register links to each contract&apos;s record.
        </p>
      </section>

      <section aria-labelledby="licence" className="mb-8">
        <h2 id="licence" className="mb-3 text-2xl font-bold">
          Licence
        </h2>
        <p>
          The data is published under the <a href={OCDS_LICENSE}>Open Government Licence v3.0</a>. You may copy, publish, adapt and use it,
          also commercially, if you say where it came from: &ldquo;Contains public sector information licensed under the Open Government
          Licence v3.0.&rdquo;
        </p>
      </section>

      <section aria-labelledby="publication-policy-heading" id="publication-policy" className="mb-8 scroll-mt-4">
        <h2 id="publication-policy-heading" className="mb-3 text-2xl font-bold">
          Publication policy
        </h2>
        <h3 className="mb-2 text-xl font-bold">What is published, and when</h3>
        <p className="mb-2">
          Each release is published at the moment of the event it describes, in the same transaction, and is never changed or deleted
          afterwards: a later event gets a new release. Each release says what was public at that moment.
        </p>
        <dl className="mb-4 space-y-2">
          {PUBLISHED_WHEN.map(([tag, when]) => (
            <div key={tag}>
              <dt className="inline font-mono font-bold">{tag}</dt>
              <dd className="inline">: {when}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mb-2 text-xl font-bold">What is never published</h3>
        <ul className="mb-4 list-disc space-y-1 pl-6">
          <li>Anything about bids before they are opened at the deadline: not who bid, not a price, not an answer.</li>
          <li>Bid answers, any panel member&apos;s own scores or reasons, and representations.</li>
          <li>People: organisations are named, never their staff, the panel or the young commissioners.</li>
        </ul>
        <h3 className="mb-2 text-xl font-bold">What the figures mean</h3>
        <ul className="mb-4 list-disc space-y-1 pl-6">
          <li>
            Every value is the whole-life value in pounds sterling (GBP), exact to the penny: the tender&apos;s estimated value and the
            award&apos;s and contract&apos;s value are all {lowerFirst(WHOLE_LIFE_PRICE)}
          </li>
          <li>
            <code>award.date</code> is the day of the award decision (the governor&apos;s approval); the contract has its own dates.
          </li>
          <li>
            <code>awards[].standstillPeriod</code> holds the standstill under the Provider Selection Regime (regulation 12). No extension in
            the OCDS extension registry has a standstill period, so this is a field of our own, shaped like any OCDS period.
          </li>
          <li>
            For a service shaped with young people before it was specified, <code>planning.rationale</code> says how many took part and the
            themes they ranked, <code>planning.documents</code> lists it as a needs assessment, and{" "}
            <code>planning.youngPeoplesPriorities</code> (a field of our own: no extension in the registry has it) gives the themes, their
            places and counts. Never their words, never a name; a count from 1 to 4 is left out.
          </li>
          <li>
            A withdrawn or cancelled award has status <code>cancelled</code>, with the reason in <code>statusDetails</code> (the{" "}
            <a href="https://extensions.open-contracting.org/en/extensions/statusDetails/">Status Details extension</a>); a cancelled
            tender&apos;s reason is in <code>tender.statusDetails</code>.
          </li>
          <li>
            Each package&apos;s <code>publishedDate</code> is when that package was made; each release&apos;s <code>date</code> is when it
            was published.
          </li>
        </ul>
        <h3 className="mb-2 text-xl font-bold">How often, and for how long</h3>
        <p>
          The feeds are live: a release is there as soon as the event happens (answers may be cached for up to a minute). Releases are kept
          for as long as the portal runs, and the release package always starts from the first.
        </p>
      </section>
    </div>
  );
}
