import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeLetterView } from "@/components/awards/outcome-letter-view";
import { ProviderRepresentation } from "@/components/representations/provider-representation";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { getOutcomeLetter, listLetters } from "@/server/awards/queries";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { readable } from "@/server/page-guard";
import { recordTitle } from "../../record-title";
import { getMyRepresentation } from "@/server/representations/queries";
import { answerClarificationAction, makeRepresentationAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ awardDecisionId: string }> }): Promise<Metadata> {
  const { awardDecisionId } = await params;
  return recordTitle("Outcome letter", async (actor) =>
    can(actor, "letter.readAsBidder")
      ? (await getOutcomeLetter(actor, awardDecisionId)).tender
      : { ...(await listLetters(actor, awardDecisionId)).tender, what: "Outcome letters" },
  );
}

const DONE: Record<string, string> = {
  representation: "Your representation has been sent. The commissioner will consider it before the award is confirmed.",
  answered: "Your answer has been sent to the commissioner.",
};

/** A provider's own outcome letter, and its representation; for commissioners and governors, the list of letters sent. */
export default async function LettersPage({
  params,
  searchParams,
}: {
  params: Promise<{ awardDecisionId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ awardDecisionId }, { done }] = await Promise.all([params, searchParams]);
  const actor = await requireActor("letters");
  if (can(actor, "letter.readAsBidder")) {
    const [letter, representation] = await Promise.all([
      readable(getOutcomeLetter(actor, awardDecisionId)),
      readable(getMyRepresentation(actor, awardDecisionId, now())),
    ]);
    const rep = representation.representation;
    return (
      <>
        <p className="mb-4 print:hidden">
          <Link href="/opportunities">Back to open tenders</Link>
        </p>
        {done && DONE[done] && <Panel title={DONE[done]}>{null}</Panel>}
        <OutcomeLetterView letter={letter} />
        <ProviderRepresentation
          view={representation}
          makeAction={makeRepresentationAction.bind(null, awardDecisionId)}
          answerAction={rep ? answerClarificationAction.bind(null, awardDecisionId, rep.id) : null}
        />
      </>
    );
  }
  const { tender, letters } = await readable(listLetters(actor, awardDecisionId));
  return (
    <>
      <PageHeading caption={`${tender.reference} · ${tender.title}`}>Outcome letters</PageHeading>
      <ul className="list-disc pl-6">
        {letters.map((l) => (
          <li key={l.bidId}>
            <Link href={`/letters/${awardDecisionId}/${l.bidId}`}>Letter to {l.provider}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
