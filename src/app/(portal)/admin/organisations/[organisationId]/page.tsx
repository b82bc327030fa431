import type { Metadata } from "next";
import Link from "next/link";
import { OrganisationDetails } from "@/components/organisations/organisation-details";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { getOrganisation } from "@/server/organisations/queries";
import { readable } from "@/server/page-guard";
import { updateOrganisationAction } from "../actions";
import { OrganisationForm } from "../organisation-form";
import { recordTitle } from "../../../record-title";

type Params = { params: Promise<{ organisationId: string }>; searchParams: Promise<{ added?: string; saved?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { organisationId } = await params;
  return recordTitle("Organisation", async (actor) => {
    const org = await getOrganisation(actor, organisationId);
    return { title: org.name };
  });
}

/** One organisation: what is published about it (register number, address, contact point), and changing it. */
export default async function OrganisationPage({ params, searchParams }: Params) {
  const [{ organisationId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor("admin");
  const org = await readable(getOrganisation(actor, organisationId));
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/admin/organisations">All organisations</Link>
      </p>
      {(query.added || query.saved) && <Panel title={query.added ? "Organisation added" : "Changes saved"}>{org.name}</Panel>}
      <PageHeading caption={`Administration · ${org.kind === "COMMISSIONER" ? "Commissions services" : "Provides services"}`}>
        {org.name}
      </PageHeading>
      <OrganisationDetails org={org} />
      <section aria-labelledby="change" className="mb-10">
        <h2 id="change" className="mb-4 text-2xl font-bold">
          Change its details
        </h2>
        <p className="mb-4">Notices and open data published before a change keep what they said.</p>
        <OrganisationForm action={updateOrganisationAction.bind(null, org.id)} values={org} submit="Save changes" />
      </section>
    </div>
  );
}
