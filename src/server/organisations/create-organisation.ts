import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { isUniqueViolation } from "../db-errors";
import { Invalid } from "../errors";
import { authorize } from "../policy";
import { parseOrganisationFields, type OrganisationFields, type OrganisationFieldsInput } from "./organisation-fields";

/** A name or register number already taken: a message next to the field, nothing written. */
export async function refuseTaken(
  fields: OrganisationFields,
  exceptId: string | null,
  find: (where: object) => Promise<{ id: string } | null>,
): Promise<void> {
  const errors: Record<string, string> = {};
  const sameName = await find({ name: { equals: fields.name, mode: "insensitive" } });
  if (sameName && sameName.id !== exceptId) errors.name = "There is already an organisation with this name";
  if (fields.identifierScheme && fields.identifierId) {
    const sameNumber = await find({ identifierScheme: fields.identifierScheme, identifierId: fields.identifierId });
    if (sameNumber && sameNumber.id !== exceptId) errors.identifierId = "Another organisation already has this number";
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
}

export function organisationData(fields: OrganisationFields) {
  return {
    name: fields.name,
    kind: fields.kind,
    identifierScheme: fields.identifierScheme,
    identifierId: fields.identifierId,
    // A value typed by an administrator is taken as the register's own; only the demo seed marks its values.
    identifierIsDemo: false,
    streetAddress: fields.streetAddress,
    locality: fields.locality,
    postalCode: fields.postalCode,
    contactName: fields.contactName,
    contactEmail: fields.contactEmail,
    contactTelephone: fields.contactTelephone,
  };
}

/** An administrator adds a commissioning or provider organisation, with its register identifier, address and contact point. */
export async function createOrganisation(actor: Actor, input: OrganisationFieldsInput, now = clockNow()): Promise<{ id: string }> {
  authorize(actor, "organisation.manage");
  const parsed = parseOrganisationFields(input);
  if (!parsed.ok) throw new Invalid(parsed.errors);
  const fields = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      await refuseTaken(fields, null, (where) => tx.organisation.findFirst({ where, select: { id: true } }));
      const org = await tx.organisation.create({ data: { ...organisationData(fields), createdAt: now }, select: { id: true } });
      await audit(tx, actor, {
        action: "organisation.created",
        entityType: "Organisation",
        entityId: org.id,
        after: organisationData(fields),
      });
      return org;
    });
  } catch (error) {
    // Two administrators adding the same organisation at once: the unique indexes decide.
    if (isUniqueViolation(error)) throw new Invalid({ name: "There is already an organisation with this name or register number" });
    throw error;
  }
}
