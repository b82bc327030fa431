import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { AGREEMENT_STATE_LABEL } from "@/domain/agreement-status";
import { formatLondon } from "@/domain/london-time";
import { listAgreements } from "@/server/agreements/queries";
import { requireActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "Agreements" };

const day = (d: Date) => formatLondon(new Date(d.getTime() + 12 * 3_600_000));

export default async function AgreementsPage() {
  const actor = await requireActor("agreements");
  const agreements = await listAgreements(actor);
  return (
    <>
      <PageHeading caption="Between NHS England and each establishment">Co-commissioning agreements</PageHeading>
      {can(actor, "agreement.draft") && (
        <p className="mb-6">
          <Link href="/agreements/new" className="text-lg font-bold">
            Draft a new agreement
          </Link>
        </p>
      )}
      {agreements.length === 0 ? (
        <p className="max-w-2xl">
          There are no agreements yet.{" "}
          {can(actor, "agreement.draft") ? (
            <Link href="/agreements/new">Draft the first one</Link>
          ) : (
            "When the commissioner drafts one for your establishment, we will tell you, and it will appear here for you to read and sign."
          )}
        </p>
      ) : (
        <ul className="space-y-4" data-testid="agreements">
          {agreements.map((a) => (
            <li key={a.id} className="border-l-4 border-slate-300 bg-white p-4">
              <h2 className="text-xl font-bold">
                <Link href={`/agreements/${a.id}`}>{a.title}</Link>
              </h2>
              <p>
                {a.establishment} · {day(a.periodStart)} to {day(a.periodEnd)}
              </p>
              <p>
                <strong>{AGREEMENT_STATE_LABEL[a.state]}</strong> · latest version {a.latestVersion}
                {a.inForceVersion !== null && a.state !== "IN_FORCE" && ` · version ${a.inForceVersion} in force`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
