import "server-only";
import { lockRow } from "../locks";
import type { AuditInput } from "../audit";
import { z } from "zod";
import { validateForPublish } from "@/domain/tender-lifecycle";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid } from "../errors";
import { assertVersion, loadManagedTender } from "./load-managed-tender";
import { publishOcdsRelease } from "../ocds/publish-release";
import { moveTender } from "./move-tender";
import { fieldErrorsOf } from "../validation";
import { describeGate } from "@/domain/co-production-gate";
import { loadGate } from "../shaping/draft-specification";

/** Publishing takes no form fields: only the tender version the page showed, so a stale page is refused. */
export const publishTenderSchema = z.object({
  version: z.number("Reload the page and try again").int("Reload the page and try again").optional(),
});

export type PublishTenderInput = z.input<typeof publishTenderSchema>;

/**
 * Publishes a DRAFT tender after every rule of PRODUCT.md holds, checked here
 * on the server. All failures come back at once, keyed by field.
 */
export async function publishTender(actor: Actor, tenderId: string, form: PublishTenderInput = {}, now = clockNow()): Promise<void> {
  const parsed = publishTenderSchema.safeParse(form);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  await db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    const move = {
      tenderId,
      action: "publish" as const,
      now,
      set: { publishedAt: now },
      refused: () => "This tender has already been published.",
    };
    await moveTender(tx, actor, move, async ({ from, to }) => {
      assertVersion(tender, input.version);
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
      // Co-production gate (issue 24): a tender shaped with young people waits for their agreement to this draft.
      const stage = await tx.shapingStage.findUnique({ where: { tenderId } });
      let coProduction: Record<string, unknown> | undefined;
      if (stage) {
        await lockRow(tx, "ShapingStage", stage.id);
        const { gate, hash } = await loadGate(tx, stage);
        if (!gate.open) problems.push({ field: "shaping", message: describeGate(gate) });
        coProduction = {
          state: gate.state,
          contentHash: hash,
          agree: gate.agree,
          youngCommissioners: gate.members,
          ...(gate.state === "OVERRIDDEN" && { overrideReason: stage.gateOverrideReason }),
        };
      }
      if (problems.length > 0) {
        throw new Invalid(Object.fromEntries(problems.map((p) => [p.field, p.message])), "This tender cannot be published yet.");
      }
      await publishOcdsRelease(tx, tenderId, "tender", now);
      const audit = {
        action: "tender.published",
        entityType: "Tender",
        entityId: tenderId,
        tenderId,
        establishmentId: tender.establishmentId,
        before: { status: from },
        after: {
          status: to,
          publishedAt: now,
          submissionDeadline: tender.submissionDeadline,
          criteria: criteria.map((c) => ({ name: c.name, weight: c.weight, kind: c.kind })),
          ...(coProduction && { coProduction }),
        },
      } satisfies AuditInput;
      return { audit, result: undefined };
    });
  });
}
