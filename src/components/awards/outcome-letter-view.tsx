import { formatLondon } from "@/domain/london-time";
import { describeWholeLifePrice, lowerFirst, WHOLE_LIFE_PRICE } from "@/domain/money";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import type { OutcomeLetter } from "@/server/awards/outcome-letter";
import { PrintButton } from "./print-button";

/** An outcome letter: an HTML page that prints cleanly (or saves as PDF from the print dialogue). */
export function OutcomeLetterView({ letter }: { letter: OutcomeLetter }) {
  const corrected =
    letter.legacyStandstillEndsAt !== null && letter.legacyStandstillEndsAt.getTime() !== letter.standstill.endsAt.getTime();
  return (
    <>
      {letter.withdrawn && (
        <div className="mb-6 max-w-3xl border-l-8 border-red-700 bg-white p-4" role="note" data-testid="letter-withdrawn">
          <p className="text-lg font-bold">This decision has been withdrawn.</p>
          <p>
            After considering representations, the commissioner sent the award back to moderation. You will receive a new outcome letter.
          </p>
        </div>
      )}
      {corrected && (
        <div
          className="mb-6 max-w-3xl border-l-8 border-nhs-blue bg-white p-4"
          role="note"
          aria-labelledby="standstill-correction"
          data-testid="standstill-correction"
        >
          <h2 id="standstill-correction" className="mb-1 text-xl font-bold">
            The standstill has been corrected
          </h2>
          <p>
            The standstill date in this letter was one working day too early under regulation 12 of the Provider Selection Regime. The
            letter is shown as it was sent. {letter.standstill.sentence}
          </p>
        </div>
      )}
      <article className="max-w-3xl bg-white p-6 print:max-w-none print:p-0" data-testid="outcome-letter">
        <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="font-bold">NHS England, Health and Justice Commissioning</p>
            <p>Issued {formatLondon(letter.issuedAt, "dateTime")}</p>
          </div>
          <PrintButton>Print or save as PDF</PrintButton>
        </div>
        <p className="mb-2">To: {letter.provider}</p>
        <h1 className="mb-4 text-3xl font-bold">
          Outcome of your bid: {letter.tender.title} ({letter.tender.reference})
        </h1>
        <p className="mb-4 text-lg">
          {letter.successful
            ? `We are pleased to tell you that your bid ranked ${letter.rank} of ${letter.bidderCount} and we intend to award the contract to you.`
            : `Thank you for your bid. We are sorry to tell you that it was not successful. It ranked ${letter.rank}${letter.tiedRank ? " (tied)" : ""} of ${letter.bidderCount}. We intend to award the contract to ${letter.winner.provider}.`}
        </p>
        <p className="mb-4">
          Service for {letter.tender.establishment}. The evaluation panel of NHS England commissioners and young commissioning technicians
          scored each bid independently. {letter.rule}
        </p>

        {letter.price && (
          <p className="mb-4" data-testid="letter-price">
            Your price: <strong>{describeWholeLifePrice(letter.price.pence, letter.price.termMonths)}</strong>. This is{" "}
            {lowerFirst(WHOLE_LIFE_PRICE)}
          </p>
        )}

        <h2 className="mb-2 mt-6 text-2xl font-bold">Your scores</h2>
        <ScrollRegion label="Your scores (scrolls sideways)">
          <table className="w-full border-collapse text-left" data-testid="letter-scores">
            <TableHead
              spacing="pr-3"
              columns={[
                "Criterion",
                { label: "Weight", numeric: true },
                { label: "Your score out of 5", numeric: true },
                { label: "Your points", numeric: true },
                !letter.successful && { label: "Successful bid's score", numeric: true },
                !letter.successful && { label: "Successful bid's points", numeric: true },
              ]}
            />
            <tbody>
              {letter.criteria.map((c, i) => (
                <tr key={c.name} className="border-b border-slate-300">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {c.name}
                    {c.kind === "PRICE" ? " (scored by formula: lowest price ÷ your price × 5)" : ""}
                  </th>
                  <td className="py-2 pr-3 text-right">{c.weight}%</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{c.score ?? "–"}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{c.weightedPoints ?? "–"}</td>
                  {!letter.successful && (
                    <>
                      <td className="py-2 pr-3 text-right tabular-nums">{letter.winnerCriteria[i]?.score ?? "–"}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{letter.winnerCriteria[i]?.points ?? "–"}</td>
                    </>
                  )}
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-2 pr-3">
                  Total
                </th>
                <td />
                <td />
                <td className="py-2 pr-3 text-right tabular-nums text-lg font-bold" data-testid="letter-total">
                  {letter.total}
                </td>
                {!letter.successful && (
                  <>
                    <td />
                    <td className="py-2 pr-3 text-right tabular-nums text-lg font-bold">{letter.winner.total}</td>
                  </>
                )}
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
        <p className="mt-2">
          The successful bid, from {letter.winner.provider}, scored{" "}
          <strong className="tabular-nums" data-testid="letter-winner-total">
            {letter.winner.total}
          </strong>{" "}
          out of 100. Totals are worked out exactly and rounded once to 2 decimal places; points per criterion are rounded for display.
        </p>

        <h2 className="mb-2 mt-6 text-2xl font-bold">The panel&apos;s reasons for your scores</h2>
        {letter.criteria
          .filter((c) => c.kind === "QUALITY")
          .map((c) => (
            <section key={c.name} className="mb-4 break-inside-avoid">
              <h3 className="text-lg font-bold">{c.name}</h3>
              <ul className="list-disc pl-6">
                {c.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </section>
          ))}
        {letter.justification && (
          <>
            <h2 className="mb-2 mt-6 text-2xl font-bold">Why the highest-scoring bid was not chosen</h2>
            <p className="whitespace-pre-line">{letter.justification}</p>
          </>
        )}

        <h2 className="mb-2 mt-6 text-2xl font-bold">Standstill period</h2>
        {letter.legacyStandstillEndsAt ? (
          // Issued before the regulation 12 correction: this letter keeps the wording it was sent with.
          <>
            <p className="mb-2">
              There is a standstill period of 8 working days before the contract is awarded. It ends at the end of{" "}
              <strong data-testid="letter-standstill">{formatLondon(letter.legacyStandstillEndsAt, "dateTime")}</strong>.
            </p>
            {letter.successful ? (
              <WhatHappensNext />
            ) : (
              <p>
                If you want to make representations about this decision under the Provider Selection Regime, write to the commissioner
                before the standstill period ends, saying what you think was wrong and why.
              </p>
            )}
          </>
        ) : (
          <>
            <p className="mb-2 font-bold" data-testid="letter-standstill">
              {letter.standstill.sentence}
            </p>
            {letter.successful ? (
              <WhatHappensNext />
            ) : (
              <p data-testid="letter-representations">
                If you want to make written representations about this decision under regulation 12 of the Provider Selection Regime, make
                them before the standstill ends, from this letter&apos;s page on the portal, saying what you think was wrong and why. The
                contract will not be awarded while representations are being considered.
              </p>
            )}
          </>
        )}
        {letter.awardedAt && <p className="mt-4 font-bold">The contract was awarded on {formatLondon(letter.awardedAt, "dateTime")}.</p>}

        <h2 className="mb-2 mt-6 text-2xl font-bold">Who decided</h2>
        <p className="mb-2" data-testid="letter-decision-makers">
          {letter.decisionMakers}
        </p>
        <h2 className="mb-2 mt-6 text-2xl font-bold">Conflicts of interest</h2>
        <p className="mb-2" data-testid="letter-conflicts">
          {letter.conflicts}
        </p>
        <p className="mt-6 text-sm">
          The public <a href={`/notices/${letter.awardDecisionId}/intention`}>notice of intention to award</a>
          {letter.awardedAt && (
            <>
              {" "}
              and <a href={`/notices/${letter.awardDecisionId}/award`}>notice of confirmation of award</a>
            </>
          )}{" "}
          say the same. Audit checkpoint when this letter was issued (event number and hash):{" "}
          <span className="break-all font-mono" data-testid="letter-checkpoint">
            {letter.checkpoint ?? "not recorded"}
          </span>
          .
        </p>
      </article>
    </>
  );
}

/**
 * The successful bidder is not invited to make representations (they are for
 * the bidders who were not chosen): they are told what happens next instead.
 */
function WhatHappensNext() {
  return (
    <p data-testid="letter-next-steps">
      <strong>What happens next:</strong> the other bidders may make representations about this decision until the standstill ends, and the
      contract is not awarded while any are being considered. After that the commissioner confirms the award and the contract is entered in
      the register; you will be told on this portal when that happens, and the commissioner will contact you to agree the start of the
      service. Please do not start the service before then.
    </p>
  );
}
