import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { requireActor } from "@/server/auth/session";
import { listOrganisations } from "@/server/organisations/queries";
import { readable } from "@/server/page-guard";
import { createOrganisationAction } from "./actions";
import { OrganisationForm } from "./organisation-form";

export const metadata: Metadata = { title: "Organisations" };

/** Administrators: every organisation with its register number, and adding one. */
export default async function OrganisationsPage() {
  const actor = await requireActor("admin");
  const organisations = await readable(listOrganisations(actor));
  return (
    <>
      <PageHeading caption="Administration">Organisations</PageHeading>
      <section aria-labelledby="list" className="mb-10">
        <h2 id="list" className="mb-2 text-2xl font-bold">
          Organisations ({organisations.length})
        </h2>
        <ScrollRegion label="Organisations (scrolls sideways)">
          <table className="w-full border-collapse text-left" data-testid="organisations">
            <TableHead columns={["Name", "What it does", "Register number", { label: "People", numeric: true }]} />
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id} className="border-b border-slate-300 align-top">
                  <td className="py-2 pr-4">
                    <Link href={`/admin/organisations/${o.id}`}>{o.name}</Link>
                  </td>
                  <td className="py-2 pr-4">{o.kind === "COMMISSIONER" ? "Commissions" : "Provides"}</td>
                  <td className="py-2 pr-4">
                    {o.identifierScheme && o.identifierId
                      ? `${o.identifierScheme}-${o.identifierId}${o.identifierIsDemo ? " (demo value)" : ""}`
                      : "Not given yet"}
                  </td>
                  <td className="py-2 pr-4 text-right">{o._count.users}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      <section aria-labelledby="add" className="mb-10 max-w-2xl">
        <h2 id="add" className="mb-4 text-2xl font-bold">
          Add an organisation
        </h2>
        <OrganisationForm action={createOrganisationAction} submit="Add organisation" />
      </section>
    </>
  );
}
