import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeLetterView } from "@/components/awards/outcome-letter-view";
import { PageHeading } from "@/components/ui/page-heading";
import { getOutcomeLetter, listLetters } from "@/server/awards/queries";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";

export const metadata: Metadata = { title: "Outcome letter" };

/** A provider's own outcome letter; for commissioners and governors, the list of letters sent. */
export default async function LettersPage({ params }: { params: Promise<{ awardDecisionId: string }> }) {
  const { awardDecisionId } = await params;
  const actor = await requireActor("letters");
  if (can(actor, "letter.readAsBidder")) {
    const letter = await readable(getOutcomeLetter(actor, awardDecisionId));
    return (
      <>
        <p className="mb-4 print:hidden">
          <Link href="/opportunities">Back to tenders</Link>
        </p>
        <OutcomeLetterView letter={letter} />
      </>
    );
  }
  const letters = await readable(listLetters(actor, awardDecisionId));
  return (
    <>
      <PageHeading>Outcome letters</PageHeading>
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
