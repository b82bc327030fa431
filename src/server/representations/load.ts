import "server-only";
import { lockRow } from "../locks";
import type { Tx } from "../db";
import { NotFound } from "../errors";
import { parseAwardSummary } from "../awards/award-summary";
import { isId } from "../ids";

/**
 * An award decision with its tender, the tender row locked so that changes to
 * one tender's representations and award happen one after the other.
 */
export async function lockAwardDecision(tx: Tx, awardDecisionId: string, notFound: NotFound) {
  if (!isId(awardDecisionId)) throw notFound;
  const found = await tx.awardDecision.findUnique({ where: { id: awardDecisionId }, select: { tenderId: true } });
  if (!found) throw notFound;
  await lockRow(tx, "Tender", found.tenderId);
  const decision = await tx.awardDecision.findUniqueOrThrow({
    where: { id: awardDecisionId },
    select: {
      id: true,
      status: true,
      summary: true,
      standstillStartsOn: true,
      standstillEndsAt: true,
      tender: { select: { id: true, title: true, reference: true, status: true, establishmentId: true } },
    },
  });
  return { ...decision, summary: parseAwardSummary(decision.summary) };
}

/** A representation by id, with the tender row locked. */
export async function lockRepresentation(tx: Tx, representationId: string, notFound: NotFound) {
  if (!isId(representationId)) throw notFound;
  const found = await tx.representation.findUnique({ where: { id: representationId }, select: { tenderId: true } });
  if (!found) throw notFound;
  await lockRow(tx, "Tender", found.tenderId);
  return tx.representation.findUniqueOrThrow({
    where: { id: representationId },
    select: {
      id: true,
      status: true,
      organisationId: true,
      awardDecisionId: true,
      organisation: { select: { name: true } },
      tender: { select: { id: true, title: true, status: true, establishmentId: true } },
    },
  });
}
