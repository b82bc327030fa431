import type { ReactNode } from "react";
import { formatLondon, formatLondonDay } from "@/domain/london-time";
import { describeWholeLifePrice } from "@/domain/money";
import { NOTICE_TITLES } from "@/domain/psr-notices";
import type { PsrNotice } from "@/server/notices/psr-notice";
import type { PartyOrganisation } from "@/server/ocds/parties";
import { oneLineAddress } from "@/domain/org-identifiers";
import { PrintButton } from "../awards/print-button";
import { ScrollRegion } from "../ui/scroll-region";
import { TableHead } from "../ui/table-head";

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="border-b border-slate-300 py-3 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="font-bold">{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** A party's name, then its address, register number and contact point where known. */
function Party({ org }: { org: PartyOrganisation }) {
  const address = oneLineAddress(org);
  const contact = [org.contactName, org.contactEmail, org.contactTelephone].filter(Boolean).join(" · ");
  return (
    <>
      <span className="block font-bold" data-testid="party-name">
        {org.name}
      </span>
      {address && <span className="block">{address}</span>}
      {org.identifierScheme && org.identifierId && (
        <span className="block">
          Register number: {org.identifierScheme}-{org.identifierId}
          {org.identifierIsDemo ? " (demo value, not a real number)" : ""}
        </span>
      )}
      {contact && <span className="block break-words">Contact: {contact}</span>}
    </>
  );
}

/** A PSR notice (intention to award, or confirmation of award) as a page that prints cleanly. */
export function PsrNoticeView({ notice, dataUrl }: { notice: PsrNotice; dataUrl: string }) {
  return (
    <article className="max-w-3xl bg-white p-4 sm:p-6 print:max-w-none print:p-0" data-testid="psr-notice">
      {notice.withdrawn && (
        <div className="mb-6 border-l-8 border-red-700 bg-white p-4" role="note" data-testid="notice-withdrawn">
          <p className="text-lg font-bold">This intention to award no longer stands.</p>
          <p>{notice.withdrawn}</p>
        </div>
      )}
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <p className="font-bold">Provider Selection Regime · {notice.service.reference}</p>
        <PrintButton>Print or save as PDF</PrintButton>
      </div>
      <h1 className="mb-4 text-3xl font-bold">
        {NOTICE_TITLES[notice.kind]}: {notice.service.title}
      </h1>
      <p className="mb-6" data-testid="notice-statement">
        {notice.statement}
      </p>

      <dl className="mb-6">
        <Row label="Published">{formatLondon(notice.publishedAt, "dateTime")}</Row>
        <Row label="Relevant authority" testId="notice-authority">
          <Party org={notice.authority} />
        </Row>
        <Row
          label={notice.kind === "intention" ? "Provider it intends to award to" : "Provider awarded the contract"}
          testId="notice-provider"
        >
          <Party org={notice.provider} />
        </Row>
        <Row label="Where the services are provided">{notice.establishment.name}</Row>
        <Row label="Services">
          {notice.service.title}. {notice.service.summary}
        </Row>
        <Row label="CPV codes" testId="notice-cpv">
          {notice.service.cpv.length > 0 ? notice.service.cpv.map((c) => `${c.code} ${c.label}`).join("; ") : "Not given"}
        </Row>
        <Row label="How the provider was chosen">{notice.service.route}</Row>
        <Row label="Lifetime value" testId="notice-value">
          {notice.value ? describeWholeLifePrice(notice.value.wholeLifePence, notice.value.termMonths) : "Not stated"}
        </Row>
        {notice.contractPeriod && (
          <Row label={notice.kind === "intention" ? "Planned contract dates" : "Contract dates"}>
            {formatLondonDay(notice.contractPeriod.start)} to {formatLondonDay(notice.contractPeriod.end)}
          </Row>
        )}
        <Row label="Standstill" testId="notice-standstill">
          {notice.standstill.sentence}
        </Row>
        {notice.awardedAt && <Row label="Contract awarded">{formatLondon(notice.awardedAt, "dateTime")}</Row>}
        <Row label="Decision-makers" testId="notice-decision-makers">
          {notice.decisionMakers.sentence} The bids were scored by an evaluation panel of {notice.decisionMakers.panel.commissioners}{" "}
          {notice.decisionMakers.panel.commissioners === 1 ? "commissioner" : "commissioners"} and{" "}
          {notice.decisionMakers.panel.youngCommissioners}{" "}
          {notice.decisionMakers.panel.youngCommissioners === 1 ? "young commissioner" : "young commissioners"} whose marks were counted.
        </Row>
        <Row label="Conflicts of interest" testId="notice-conflicts">
          {notice.conflicts.statement}
        </Row>
      </dl>

      <h2 className="mb-2 text-2xl font-bold">Reasons for the decision</h2>
      <p className="mb-3">
        The bids were evaluated against the key criteria below. {notice.reasons.rule} The successful bid ranked {notice.reasons.rank} of{" "}
        {notice.reasons.bidderCount}, with a weighted total of <strong data-testid="notice-total">{notice.reasons.total}</strong> out of
        100.
      </p>
      <ScrollRegion label="Scores of the successful bid (scrolls sideways)">
        <table className="mb-4 w-full border-collapse text-left" data-testid="notice-criteria">
          <caption className="sr-only">The successful bid&apos;s score on each key criterion</caption>
          <TableHead
            spacing="pr-3"
            columns={[
              "Key criterion",
              { label: "Weight", numeric: true },
              { label: "Score out of 5", numeric: true },
              { label: "Points", numeric: true },
            ]}
          />
          <tbody>
            {notice.reasons.criteria.map((c) => (
              <tr key={c.name} className="border-b border-slate-300">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {c.name}
                </th>
                <td className="py-2 pr-3 text-right">{c.weight}%</td>
                <td className="py-2 pr-3 text-right tabular-nums">{c.score ?? "–"}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{c.points ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {notice.reasons.justification && (
        <>
          <h3 className="mb-1 text-lg font-bold">Why the highest-scoring bid was not chosen</h3>
          <p className="mb-4 whitespace-pre-line">{notice.reasons.justification}</p>
        </>
      )}

      {notice.kind === "intention" && (
        <>
          <h2 className="mb-2 mt-6 text-2xl font-bold">Making representations</h2>
          <p className="mb-4" data-testid="notice-representations">
            {notice.representations}
          </p>
        </>
      )}

      <h2 className="mb-2 mt-6 text-2xl font-bold">Checking this notice</h2>
      <p className="mb-2">
        Audit checkpoint when this notice was issued (the audit trail&apos;s event number and hash):{" "}
        <span className="break-all font-mono" data-testid="notice-checkpoint">
          {notice.checkpoint ?? "not recorded"}
        </span>
        . Keep it: it proves that the portal&apos;s record of this decision, and everything before it, has not been changed since.
      </p>
      <p className="print:hidden">
        <a href={dataUrl}>This notice as open data (OCDS release package, JSON)</a>
      </p>
    </article>
  );
}
