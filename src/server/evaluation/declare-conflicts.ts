import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, Forbidden } from "../errors";
import { bidderOrganisationIds, loadMySeat } from "./panel-membership";

export interface ConflictAnswer {
  organisationId: string;
  hasConflict: boolean | null;
  details?: string;
}

/**
 * Before seeing any bid, a panel member declares, for every bidding
 * organisation, whether they have a conflict of interest. Any conflict
 * excludes them from scoring this tender; the chair sees it.
 */
export async function declareConflicts(
  actor: Actor,
  tenderId: string,
  answers: ConflictAnswer[],
  now = clockNow(),
): Promise<{ excluded: boolean }> {
  return db.$transaction(async (tx) => {
    const seat = await loadMySeat(tx, actor, tenderId);
    if (seat.status === "STEPPED_BACK") throw new Forbidden("You have stepped back from this panel.");
    if (seat.tender.status !== "EVALUATION") throw new Conflict("Declarations open when the bids are opened.");
    const scored = await tx.score.count({ where: { panelMemberId: seat.id } });
    if (scored > 0)
      throw new Conflict("You have started scoring, so your declarations can no longer change. Tell the chair if something has changed.");

    const organisations = await bidderOrganisationIds(tx, tenderId);
    const names = new Map(
      (await tx.organisation.findMany({ where: { id: { in: organisations } }, select: { id: true, name: true } })).map((o) => [
        o.id,
        o.name,
      ]),
    );
    const errors: Record<string, string> = {};
    // In the form's order (bidders by name, evaluation/queries.ts), so the error summary lists them as the form does.
    const byName = [...organisations].sort((a, b) => (names.get(a) ?? "").localeCompare(names.get(b) ?? ""));
    for (const organisationId of byName) {
      const answer = answers.find((a) => a.organisationId === organisationId);
      const details = answer?.details?.trim() ?? "";
      if (answer?.hasConflict === null || answer?.hasConflict === undefined)
        // In the words of the question the member was asked (the panel page): young commissioners are asked whether they know anyone there.
        errors[`conflict.${organisationId}`] =
          seat.role === "TECHNICIAN"
            ? `Say whether you know anyone at ${names.get(organisationId)} or have worked with them`
            : `Say whether you have a conflict of interest with ${names.get(organisationId)}`;
      else if (answer.hasConflict && !details)
        errors[`details.${organisationId}`] = `Describe your link to ${names.get(organisationId)} in a few words`;
      else if (details.length > 2000) errors[`details.${organisationId}`] = "Details must be 2,000 characters or fewer";
    }
    if (Object.keys(errors).length > 0) throw new Invalid(errors);

    await tx.conflictDeclaration.deleteMany({ where: { panelMemberId: seat.id } });
    let excluded = false;
    for (const organisationId of organisations) {
      const answer = answers.find((a) => a.organisationId === organisationId)!;
      excluded ||= answer.hasConflict === true;
      await tx.conflictDeclaration.create({
        data: {
          panelMemberId: seat.id,
          organisationId,
          hasConflict: answer.hasConflict === true,
          details: answer.hasConflict ? answer.details!.trim() : null,
          declaredAt: now,
        },
      });
    }
    await audit(tx, actor, {
      action: excluded ? "evaluation.conflict_declared" : "evaluation.no_conflict_declared",
      entityType: "PanelMember",
      entityId: seat.id,
      tenderId,
      establishmentId: seat.tender.establishmentId,
      after: { organisations: organisations.length, excluded },
    });
    return { excluded };
  });
}
