import "server-only";
import { isOrgIdScheme, ORG_ID_SCHEME_NAMES } from "@/domain/org-identifiers";

/** What is published about an organisation besides its name: its register number, address and contact point. */
export const partyOrganisationSelect = {
  id: true,
  name: true,
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

export interface PartyOrganisation {
  id: string;
  name: string;
  identifierScheme: string | null;
  identifierId: string | null;
  identifierIsDemo: boolean;
  streetAddress: string | null;
  locality: string | null;
  postalCode: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactTelephone: string | null;
}

/**
 * OCDS Organization fields for a party: identifier (org-id.guide scheme and
 * the register's number), address and contactPoint, each only when known. A
 * demo value says so in `details` (the demo's identifiers are made up).
 */
export function ocdsPartyDetails(org: PartyOrganisation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isOrgIdScheme(org.identifierScheme) && org.identifierId) {
    out.identifier = { scheme: org.identifierScheme, id: org.identifierId, legalName: org.name };
    if (org.identifierIsDemo)
      out.details = { identifierNote: `Demo value: not a real ${ORG_ID_SCHEME_NAMES[org.identifierScheme]} number.` };
  }
  if (org.streetAddress)
    out.address = {
      streetAddress: org.streetAddress,
      ...(org.locality ? { locality: org.locality } : {}),
      ...(org.postalCode ? { postalCode: org.postalCode } : {}),
      countryName: "United Kingdom",
    };
  if (org.contactName || org.contactEmail || org.contactTelephone)
    out.contactPoint = {
      ...(org.contactName ? { name: org.contactName } : {}),
      ...(org.contactEmail ? { email: org.contactEmail } : {}),
      ...(org.contactTelephone ? { telephone: org.contactTelephone } : {}),
    };
  return out;
}
