import "server-only";
import { assertTransition, validateForPublish } from "@/domain/tender-lifecycle";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { assertVersion, loadManagedTender } from "./load-managed-tender";
import { publishOcdsRelease } from "../ocds/publish-release";

/**
 * Publishes a DRAFT tender after every rule of PRODUCT.md holds, checked here
 * on the server. All failures come back at once, keyed by field.
 */
export async function publishTender(actor: Actor, tenderId: string, input: { version?: number } = {}, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    if (tender.effectiveStatus !== "DRAFT") throw new Conflict("This tender has already been published.");
    assertVersion(tender, input.version);
    assertTransition(tender.effectiveStatus, "publish");
    const criteria = await tx.criterion.findMany({ where: { tenderId }, orderBy: { position: "asc" } });
    const problems = validateForPublish(
      {
        title: tender.title,
        reference: tender.reference,
        summary: tender.summary,
        establishmentId: tender.establishmentId,
        clarificationDeadline: tender.clarificationDeadline,
        submissionDeadline: tender.submissionDeadline,
        criteria,
        panel: tender.panelMembers.map((p) => ({ role: p.role, accepted: p.status === "ACCEPTED" })),
      },
      now,
    );
    if (problems.length > 0) {
      throw new Invalid(Object.fromEntries(problems.map((p) => [p.field, p.message])), "This tender cannot be published yet.");
    }
    await tx.tender.update({ where: { id: tenderId }, data: { status: "PUBLISHED", publishedAt: now, version: { increment: 1 } } });
    await publishOcdsRelease(tx, tenderId, "tender", now);
    await audit(tx, actor, {
      action: "tender.published",
      entityType: "Tender",
      entityId: tenderId,
      tenderId,
      establishmentId: tender.establishmentId,
      before: { status: "DRAFT" },
      after: {
        status: "PUBLISHED",
        publishedAt: now,
        submissionDeadline: tender.submissionDeadline,
        criteria: criteria.map((c) => ({ name: c.name, weight: c.weight, kind: c.kind })),
      },
    });
  });
}
