import { can } from "@/server/policy";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatLondon, utcDateKey } from "@/domain/london-time";
import { describeWholeLifePrice } from "@/domain/money";
import { termMonthsOf } from "@/domain/contract-period";
import { requireActor } from "@/server/auth/session";
import { requestNow } from "@/server/clock";
import { recordTitle } from "../../record-title";
import { getContract } from "@/server/contracts/queries";
import { startRetenderAction } from "../actions";
import { ContractStatusTag } from "../status";
import { readable } from "@/server/page-guard";
import { COMMITMENT_STATE_LABEL } from "@/domain/contract-checks";
import { getCommitments, getMeasureSeries, listPeriods } from "@/server/contract-checks/queries";
import { MeasureChart, MeasureTable } from "@/components/charts/measure-chart";
import { PeriodStateTag, periodRange, plainDay, ReviewStateText } from "./checks-ui";

export async function generateMetadata({ params }: { params: Promise<{ contractId: string }> }): Promise<Metadata> {
  const { contractId } = await params;
  return recordTitle("Contract", (actor) => getContract(actor, contractId, requestNow()));
}

const day = (d: Date) => formatLondon(new Date(d.getTime() + 12 * 3_600_000));

export default async function ContractPage({ params }: { params: Promise<{ contractId: string }> }) {
  const { contractId } = await params;
  const actor = await requireActor("contracts");
  const c = await readable(getContract(actor, contractId, requestNow()));
  const [commitments, periods, series] = await Promise.all([
    getCommitments(actor, contractId),
    listPeriods(actor, contractId, requestNow()),
    getMeasureSeries(actor, contractId),
  ]);
  const staff = can(actor, "contract.read", { establishmentId: c.establishment.id });
  const canRetender =
    can(actor, "contract.retender") && (c.registerStatus === "EXPIRING" || c.registerStatus === "ENDED") && c.retenders.length === 0;
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/contracts">Back to the register</Link>
      </p>
      <PageHeading caption={c.establishment.name}>{c.title}</PageHeading>
      <p className="mb-4">
        <ContractStatusTag status={c.registerStatus} />
      </p>
      <SummaryList
        rows={(
          [
            ["Provider", c.organisation.name],
            ["Establishment", c.establishment.name],
            [
              "Value (the total price for the contract)",
              describeWholeLifePrice(c.valuePence, termMonthsOf(utcDateKey(c.startDate), utcDateKey(c.endDate))),
            ],
            ["Runs", `${day(c.startDate)} to ${day(c.endDate)}`],
            [
              "From tender",
              can(actor, "tender.read") ? (
                <Link href={`/tenders/${c.tender.id}`}>
                  {c.tender.reference}: {c.tender.title}
                </Link>
              ) : (
                `${c.tender.reference}: ${c.tender.title}`
              ),
            ],
            [
              "Outcome letters",
              <Link key="l" href={`/letters/${c.awardDecisionId}`}>
                Letters sent to bidders
              </Link>,
            ],
            staff && [
              "In agreements",
              c.agreementLinks.length === 0
                ? "Not linked to a co-commissioning agreement yet"
                : c.agreementLinks.map((l) => `${l.agreementVersion.agreement.title} (version ${l.agreementVersion.version})`).join("\n"),
            ],
            staff && [
              "Re-tender",
              c.retenders.length === 0 ? "Not started" : c.retenders.map((r) => `${r.reference} (${r.status.toLowerCase()})`).join(", "),
            ],
          ] as ([ReactNode, ReactNode] | false)[]
        ).filter((row): row is [ReactNode, ReactNode] => row !== false)}
      />
      <section aria-labelledby="commitments" className="mt-8">
        <h2 id="commitments" className="mb-2 text-2xl font-bold">
          Commitments
        </h2>
        <p className="mb-2" data-testid="contract-commitments">
          {commitments.latest
            ? `Version ${commitments.latest.version}, ${commitments.latest.measures.length} measures: ${COMMITMENT_STATE_LABEL[commitments.latest.state].toLowerCase()}.`
            : "No commitments have been written yet."}
        </p>
        <p>
          <Link href={`/contracts/${c.id}/commitments`}>{commitments.latest ? "Read the commitments" : "Commitments"}</Link>
        </p>
      </section>
      {series.length > 0 && (
        <section aria-labelledby="how" className="mt-8">
          <h2 id="how" className="mb-2 text-2xl font-bold">
            How the service is doing
          </h2>
          <p className="mb-4">Each measure’s value in the returns, period by period, against its target.</p>
          <div className="grid gap-x-8 md:grid-cols-2">
            {series.map((s, i) => (
              <div key={s.key}>
                <h3 className="mb-1 text-lg font-bold">{s.name}</h3>
                <MeasureChart series={s} id={`measure-${i}`} />
                <details className="mb-6">
                  <summary className="cursor-pointer underline">The values as a table</summary>
                  <MeasureTable series={s} />
                </details>
              </div>
            ))}
          </div>
        </section>
      )}
      {periods.length > 0 && (
        <section aria-labelledby="periods" className="mt-8">
          <h2 id="periods" className="mb-2 text-2xl font-bold">
            Returns and reviews
          </h2>
          <ul className="space-y-2" data-testid="periods">
            {periods.map((p) => (
              <li key={p.number} className="border-b border-slate-300 pb-2">
                <Link href={`/contracts/${c.id}/periods/${p.number}`} className="font-bold">
                  Period {p.number}: {periodRange(p.start, p.end)}
                </Link>
                <span className="block">
                  <PeriodStateTag state={p.state} /> Due by {plainDay(p.due)}. Review: <ReviewStateText state={p.review} />.
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {canRetender && (
        <section aria-labelledby="retender" className="mt-8">
          <h2 id="retender" className="mb-2 text-2xl font-bold">
            Start a re-tender
          </h2>
          <p className="mb-4">
            This creates a new draft tender for {c.establishment.name} with the same criteria and weights, starting the day after this
            contract ends. You then set the deadlines and build a new panel.
          </p>
          <ActionForm action={startRetenderAction.bind(null, c.id)}>
            <SubmitButton>Start re-tender</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
