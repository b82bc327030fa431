// Organisations identified in real registers, with the scheme codes of
// org-id.guide (the list OCDS asks identifier.scheme to come from), and the
// format each register's numbers take. Pure.

export const ORG_ID_SCHEMES = ["GB-COH", "GB-CHC", "GB-NHS"] as const;
export type OrgIdScheme = (typeof ORG_ID_SCHEMES)[number];

export const ORG_ID_SCHEME_NAMES: Record<OrgIdScheme, string> = {
  "GB-COH": "Companies House",
  "GB-CHC": "Charity Commission for England and Wales",
  "GB-NHS": "NHS Organisation Data Service (ODS code)",
};

/** Where a reader checks the number in the register itself. */
export function registerUrl(scheme: OrgIdScheme, id: string): string {
  switch (scheme) {
    case "GB-COH":
      return `https://find-and-update.company-information.service.gov.uk/company/${encodeURIComponent(id)}`;
    case "GB-CHC":
      return `https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/${encodeURIComponent(id)}`;
    case "GB-NHS":
      return `https://www.odsdatasearchandexport.nhs.uk/?search=${encodeURIComponent(id)}`;
  }
}

export function isOrgIdScheme(value: unknown): value is OrgIdScheme {
  return typeof value === "string" && (ORG_ID_SCHEMES as readonly string[]).includes(value);
}

export type CheckedIdentifier = { ok: true; id: string } | { ok: false; message: string };

/**
 * A register number as typed, checked against the register's format and
 * written the register's way (capitals, no spaces; a Companies House number
 * typed without its leading zeros gets them back):
 * - Companies House: 8 characters, 8 digits or 2 letters and 6 digits (SC123456, OC301234);
 * - Charity Commission (England and Wales): a registered charity number, 6 or 7 digits;
 * - NHS ODS: an organisation code, 3 to 6 letters and digits (RJ1, QMJ, X24, 8J094, A81001).
 */
export function checkIdentifier(scheme: OrgIdScheme, raw: string): CheckedIdentifier {
  const id = raw.replace(/\s+/g, "").toUpperCase();
  if (id === "") return { ok: false, message: `Enter the ${ORG_ID_SCHEME_NAMES[scheme]} number` };
  switch (scheme) {
    case "GB-COH": {
      const padded = /^\d{1,8}$/.test(id) ? id.padStart(8, "0") : id;
      return /^(\d{8}|[A-Z]{2}\d{6})$/.test(padded)
        ? { ok: true, id: padded }
        : {
            ok: false,
            message: "A Companies House number is 8 characters: 8 digits, or 2 letters and 6 digits, like 01234567 or SC123456",
          };
    }
    case "GB-CHC":
      return /^\d{6,7}$/.test(id) ? { ok: true, id } : { ok: false, message: "A registered charity number is 6 or 7 digits, like 1123456" };
    case "GB-NHS":
      return /^[A-Z0-9]{3,6}$/.test(id) && /[A-Z]/.test(id)
        ? { ok: true, id }
        : { ok: false, message: "An ODS code is 3 to 6 letters and numbers, like RJ1 or X24" };
  }
}

/** A UK postcode, written the Royal Mail way ("sw1a 1aa" → "SW1A 1AA"), or null when it is not one. */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** A UK telephone number as typed, if it is one: 10 or 11 digits (or +44 and 9 or 10), spaces and brackets allowed. */
export function isTelephone(raw: string): boolean {
  const t = raw.replace(/[\s()-]/g, "");
  return /^(0\d{9,10}|\+44\d{9,10})$/.test(t);
}

/** "Wellington House, 133-155 Waterloo Road, London, SE1 8UG", or null when no address is known. */
export function oneLineAddress(org: { streetAddress: string | null; locality: string | null; postalCode: string | null }): string | null {
  return org.streetAddress ? [org.streetAddress, org.locality, org.postalCode].filter(Boolean).join(", ") : null;
}
