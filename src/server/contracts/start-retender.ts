import "server-only";
import { lockRow } from "../locks";
import { registerStatus } from "@/domain/contract-status";
import { londonDateKey } from "@/domain/london-time";
import { nextDay } from "@/domain/working-days";
import { authorize } from "../policy";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, NotFound } from "../errors";
import { chairSeat } from "../evaluation/chair";
import { isId } from "../ids";

/**
 * From a contract that is expiring (or has ended), a commissioner starts a
 * re-tender: a new DRAFT copying its establishment, criteria, rule, route,
 * rate and term, starting the day after the contract ends. The panel and the
 * deadlines are new decisions, so they are not copied.
 */
export async function startRetender(actor: Actor, contractId: string, now = clockNow()): Promise<{ tenderId: string }> {
  authorize(actor, "contract.retender");
  if (!isId(contractId)) throw new NotFound("We could not find that contract.");
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Contract", contractId);
    const contract = await tx.contract.findUnique({
      where: { id: contractId },
      include: {
        tender: { include: { criteria: { orderBy: { position: "asc" } } } },
        retenders: { where: { status: { not: "CANCELLED" } }, select: { id: true } },
      },
    });
    if (!contract) throw new NotFound("We could not find that contract.");
    const endDate = contract.endDate.toISOString().slice(0, 10);
    const status = registerStatus(contract.status, endDate, londonDateKey(now), contract.startDate.toISOString().slice(0, 10));
    if (status === "NOT_STARTED") throw new Conflict("This contract has not started yet, so it is too early to re-tender it.");
    if (status === "ACTIVE")
      throw new Conflict("This contract is not due to end within the next 12 months, so it is too early to re-tender it.");
    if (status === "TERMINATED") throw new Conflict("This contract was terminated; start a new tender instead.");
    if (contract.retenders.length > 0) throw new Conflict("A re-tender of this contract has already been started.");
    const old = contract.tender;
    const existing = await tx.tender.count({ where: { reference: { startsWith: `${old.reference}-R` } } });
    const reference = `${old.reference}-R${existing + 1}`;
    const tender = await tx.tender.create({
      data: {
        reference,
        title: old.title.endsWith("(re-tender)") ? old.title : `${old.title} (re-tender)`,
        summary: old.summary,
        description: old.description,
        establishmentId: contract.establishmentId,
        estimatedValuePence: contract.valuePence,
        contractStartDate: new Date(`${nextDay(endDate)}T00:00:00Z`),
        contractTermMonths: old.contractTermMonths,
        procurementRoute: old.procurementRoute,
        aggregationRule: old.aggregationRule,
        technicianHourlyRatePence: old.technicianHourlyRatePence,
        retenderOfContractId: contract.id,
        createdById: actor.id,
        createdAt: now,
        criteria: {
          create: old.criteria.map((c) => ({
            position: c.position,
            name: c.name,
            description: c.description,
            plainLanguageDescription: c.plainLanguageDescription,
            weight: c.weight,
            kind: c.kind,
            wordLimit: c.wordLimit,
          })),
        },
        panelMembers: { create: chairSeat(actor, now) },
      },
    });
    await audit(tx, actor, {
      action: "tender.retender_started",
      entityType: "Tender",
      entityId: tender.id,
      tenderId: tender.id,
      establishmentId: contract.establishmentId,
      after: { fromContractId: contract.id, fromTenderId: old.id, reference, criteria: old.criteria.length },
    });
    return { tenderId: tender.id };
  });
}
