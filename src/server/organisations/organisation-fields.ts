import "server-only";
import { z } from "zod";
import { checkIdentifier, isOrgIdScheme, isTelephone, normalisePostcode } from "@/domain/org-identifiers";
import { fieldErrorsOf } from "../validation";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || null);

/**
 * What an administrator gives about an organisation, in the form's order (the
 * error summary follows it): its name and kind, its identifier in a real
 * register (scheme and number, format-checked; or none, said on purpose), its
 * address and its contact point. Every field a clear message next to it.
 */
export const organisationFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter the organisation's name").max(200, "Name must be 200 characters or fewer"),
  kind: z.enum(["COMMISSIONER", "PROVIDER"], "Select whether it commissions or provides services"),
  identifierScheme: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isOrgIdScheme(v), "Select a register from the list, or none"),
  identifierId: z.string().trim().max(40, "The number must be 40 characters or fewer").optional(),
  streetAddress: optionalText(200, "Street address"),
  locality: optionalText(100, "Town or city"),
  postalCode: z
    .string()
    .trim()
    .max(10, "Enter a postcode like SE1 8UG")
    .optional()
    .transform((v) => v || null),
  contactName: optionalText(120, "Contact name"),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "Email address must be 254 characters or fewer")
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || z.email().safeParse(v).success, "Enter an email address in the correct format, like name@example.org"),
  contactTelephone: z
    .string()
    .trim()
    .max(30, "Enter a UK telephone number, like 020 7946 0000")
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isTelephone(v), "Enter a UK telephone number, like 020 7946 0000"),
});

export type OrganisationFieldsInput = z.input<typeof organisationFieldsSchema>;
export interface OrganisationFields extends Omit<z.output<typeof organisationFieldsSchema>, "identifierScheme" | "identifierId"> {
  identifierScheme: string | null;
  identifierId: string | null;
}

const FORM_ORDER = [
  "name",
  "kind",
  "identifierScheme",
  "identifierId",
  "streetAddress",
  "locality",
  "postalCode",
  "contactName",
  "contactEmail",
  "contactTelephone",
];

/**
 * Every field checked at once, so the form shows all its problems together
 * (each next to its field, the summary in the form's order): the fields, then
 * the register number against its register's format and the address whole.
 */
export function parseOrganisationFields(
  input: OrganisationFieldsInput,
): { ok: true; data: OrganisationFields } | { ok: false; errors: Record<string, string> } {
  const parsed = organisationFieldsSchema.safeParse(input);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const scheme = text(input.identifierScheme);
  const number = text(input.identifierId);
  let identifierId: string | null = null;
  if (scheme && isOrgIdScheme(scheme)) {
    const checked = checkIdentifier(scheme, number);
    if (checked.ok) identifierId = checked.id;
    else errors.identifierId ??= checked.message;
  } else if (!scheme && number) errors.identifierScheme ??= "Select the register this number is from";
  let postalCode: string | null = null;
  if (text(input.postalCode)) {
    postalCode = normalisePostcode(text(input.postalCode));
    if (!postalCode) errors.postalCode ??= "Enter a real UK postcode, like SE1 8UG";
  }
  const street = text(input.streetAddress);
  const town = text(input.locality);
  if ((street || town || text(input.postalCode)) && !(street && town && text(input.postalCode))) {
    const missing = !street ? "streetAddress" : !town ? "locality" : "postalCode";
    errors[missing] ??= "Enter the whole address: street, town or city and postcode (or leave all three empty)";
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    const ordered: Record<string, string> = {};
    for (const key of [...FORM_ORDER, ...Object.keys(errors)]) if (errors[key] && !ordered[key]) ordered[key] = errors[key];
    return { ok: false, errors: ordered };
  }
  return { ok: true, data: { ...parsed.data, identifierScheme: identifierId ? scheme : null, identifierId, postalCode } };
}
