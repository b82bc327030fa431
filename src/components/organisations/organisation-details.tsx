import { isOrgIdScheme, oneLineAddress, ORG_ID_SCHEME_NAMES, registerUrl } from "@/domain/org-identifiers";

export interface OrganisationDetailsData {
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

/** An organisation's register number (with a link to check it, or "demo value"), address and contact point. */
export function OrganisationDetails({ org }: { org: OrganisationDetailsData }) {
  const scheme = isOrgIdScheme(org.identifierScheme) ? org.identifierScheme : null;
  return (
    <dl className="mb-6" data-testid="organisation-details">
      <div className="border-b border-slate-300 py-2 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
        <dt className="font-bold">Register number</dt>
        <dd data-testid="organisation-identifier">
          {scheme && org.identifierId ? (
            <>
              {ORG_ID_SCHEME_NAMES[scheme]}: <span className="font-mono">{org.identifierId}</span> ({scheme}-{org.identifierId})
              {org.identifierIsDemo ? (
                <strong className="block">Demo value: made up for the demonstration, not the register&apos;s.</strong>
              ) : (
                <a className="block" href={registerUrl(scheme, org.identifierId)}>
                  Check it in the register
                </a>
              )}
            </>
          ) : (
            "Not given yet"
          )}
        </dd>
      </div>
      <div className="border-b border-slate-300 py-2 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
        <dt className="font-bold">Address</dt>
        <dd data-testid="organisation-address">{oneLineAddress(org) ?? "Not given yet"}</dd>
      </div>
      <div className="border-b border-slate-300 py-2 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
        <dt className="font-bold">Contact point</dt>
        <dd>{[org.contactName, org.contactEmail, org.contactTelephone].filter(Boolean).join(" · ") || "Not given yet"}</dd>
      </div>
    </dl>
  );
}
