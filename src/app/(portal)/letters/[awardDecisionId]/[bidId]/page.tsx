import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeLetterView } from "@/components/awards/outcome-letter-view";
import { getOutcomeLetter } from "@/server/awards/queries";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ awardDecisionId: string; bidId: string }> }): Promise<Metadata> {
  const { awardDecisionId, bidId } = await params;
  return recordTitle("Outcome letter", async (actor) => {
    const letter = await getOutcomeLetter(actor, awardDecisionId, bidId);
    return { ...letter.tender, what: `Outcome letter to ${letter.provider}` };
  });
}

/** One bidder's letter, as sent (commissioners; governors of the establishment; a provider only ever gets their own). */
export default async function LetterPage({ params }: { params: Promise<{ awardDecisionId: string; bidId: string }> }) {
  const { awardDecisionId, bidId } = await params;
  const actor = await requireActor("letters");
  const letter = await readable(getOutcomeLetter(actor, awardDecisionId, bidId));
  return (
    <>
      <p className="mb-4 print:hidden">
        <Link href={`/letters/${awardDecisionId}`}>All letters for this award</Link>
      </p>
      <OutcomeLetterView letter={letter} />
    </>
  );
}
