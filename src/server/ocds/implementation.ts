import "server-only";
import { reviewState } from "@/domain/contract-checks";
import { utcDateKey } from "@/domain/london-time";
import type { Tx } from "../db";

/**
 * A contract's OCDS `implementation` (issue 25): one milestone per reporting
 * period (its review: met when signed, late when the return is overdue) and
 * one document per signed review, by title and date only. No personal data
 * and no free text: no names, no narrative, no comments, no action wording.
 */
export async function contractImplementation(tx: Tx, contractId: string) {
  const periods = await tx.contractPeriod.findMany({
    where: { contractId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      startDate: true,
      endDate: true,
      dueDate: true,
      review: {
        select: {
          id: true,
          contentHash: true,
          signOffs: { select: { signerRole: true, decision: true, contentHash: true, voidedAt: true, signedAt: true } },
        },
      },
    },
  });
  const title = (p: (typeof periods)[number]) => `Review of period ${p.number} (${utcDateKey(p.startDate)} to ${utcDateKey(p.endDate)})`;
  const signedAt = (p: (typeof periods)[number]) => {
    if (!p.review || reviewState(p.review) !== "SIGNED") return null;
    const governor = p.review.signOffs.filter((s) => s.signerRole === "GOVERNOR" && s.decision === "APPROVED" && s.voidedAt === null);
    return governor.at(-1)?.signedAt ?? null;
  };
  const milestones = periods.map((p) => {
    const signed = signedAt(p);
    return {
      id: `review-${p.id}`,
      title: title(p),
      type: "reporting",
      description: "The provider's return for the period, reviewed by the commissioner and co-signed by the establishment's governor.",
      dueDate: `${utcDateKey(p.dueDate)}T23:59:59Z`,
      status: signed ? "met" : "scheduled",
      ...(signed ? { dateMet: signed.toISOString() } : {}),
    };
  });
  const documents = periods.flatMap((p) => {
    const signed = signedAt(p);
    return signed
      ? [
          {
            id: `review-document-${p.review!.id}`,
            documentType: "physicalProgressReport",
            title: `${title(p)}: signed`,
            datePublished: signed.toISOString(),
            language: "en",
          },
        ]
      : [];
  });
  return { milestones, ...(documents.length > 0 ? { documents } : {}) };
}
