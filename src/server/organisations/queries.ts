import "server-only";
import { cache } from "react";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";
import { isId } from "../ids";
import { can } from "../policy";

export const organisationSelect = {
  id: true,
  name: true,
  kind: true,
  identifierScheme: true,
  identifierId: true,
  identifierIsDemo: true,
  streetAddress: true,
  locality: true,
  postalCode: true,
  contactName: true,
  contactEmail: true,
  contactTelephone: true,
} as const;

/** Every organisation, for administrators. */
export async function listOrganisations(actor: Actor) {
  if (!can(actor, "organisation.manage")) throw new NotFound("We could not find that page.");
  return db.organisation.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { ...organisationSelect, _count: { select: { users: true } } },
  });
}

/** One organisation's page, for administrators. Once per request. */
export const getOrganisation = cache(async function getOrganisation(actor: Actor, organisationId: string) {
  const notFound = new NotFound("We could not find that organisation.");
  if (!can(actor, "organisation.manage") || !isId(organisationId)) throw notFound;
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { ...organisationSelect, createdAt: true } });
  if (!org) throw notFound;
  return org;
});
