import "server-only";
import { chairSeat } from "../evaluation/chair";
import { authorize } from "../policy";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { parseTenderDetails, type TenderDetailsInput } from "./tender-details";

/** A commissioner starts a tender in DRAFT; they chair its panel. */
export async function createTender(actor: Actor, input: TenderDetailsInput, now = clockNow()): Promise<{ id: string }> {
  authorize(actor, "tender.create");
  const details = parseTenderDetails(input);
  try {
    return await db.$transaction(async (tx) => {
      if (!(await tx.establishment.findUnique({ where: { id: details.establishmentId }, select: { id: true } }))) {
        throw new Invalid({ establishmentId: "Select an establishment from the list" });
      }
      const tender = await tx.tender.create({
        data: {
          ...details,
          createdById: actor.id,
          createdAt: now,
          panelMembers: { create: chairSeat(actor, now) },
        },
      });
      await audit(tx, actor, {
        action: "tender.created",
        entityType: "Tender",
        entityId: tender.id,
        tenderId: tender.id,
        establishmentId: tender.establishmentId,
        after: details,
      });
      return { id: tender.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ reference: "A tender with this reference already exists" });
    throw error;
  }
}
