import "server-only";
import { lockRow } from "../locks";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { isUniqueViolation } from "../db-errors";
import { Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { organisationData, refuseTaken } from "./create-organisation";
import { parseOrganisationFields, type OrganisationFieldsInput } from "./organisation-fields";

/**
 * An administrator corrects an organisation's details or adds its register
 * identifier. Its kind stays (its users, bids and contracts depend on it).
 * Releases already published keep what they said (they are never changed).
 */
export async function updateOrganisation(actor: Actor, organisationId: string, input: OrganisationFieldsInput): Promise<void> {
  authorize(actor, "organisation.manage");
  if (!isId(organisationId)) throw new NotFound("We could not find that organisation.");
  const parsed = parseOrganisationFields(input);
  if (!parsed.ok) throw new Invalid(parsed.errors);
  const fields = parsed.data;
  try {
    await db.$transaction(async (tx) => {
      await lockRow(tx, "Organisation", organisationId);
      const current = await tx.organisation.findUnique({ where: { id: organisationId } });
      if (!current) throw new NotFound("We could not find that organisation.");
      if (current.kind !== fields.kind)
        throw new Invalid({ kind: "An organisation's kind cannot change: its users, bids and contracts depend on it" });
      await refuseTaken(fields, organisationId, (where) => tx.organisation.findFirst({ where, select: { id: true } }));
      const data = {
        ...organisationData(fields),
        identifierIsDemo: current.identifierIsDemo && current.identifierId === fields.identifierId,
      };
      await tx.organisation.update({ where: { id: organisationId }, data });
      const was = { ...organisationData(current), identifierIsDemo: current.identifierIsDemo };
      await audit(tx, actor, {
        action: "organisation.updated",
        entityType: "Organisation",
        entityId: organisationId,
        before: was,
        after: data,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ name: "There is already an organisation with this name or register number" });
    throw error;
  }
}
