import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { ErrorSummary } from "@/components/ui/error-summary";
import { fieldId } from "@/components/ui/field-id";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { forbidden } from "next/navigation";
import { listLinkableContracts } from "@/server/agreements/queries";
import { requireActor } from "@/server/auth/session";
import { listEstablishments } from "@/server/tenders/queries";
import { createAgreementAction } from "../actions";
import { AgreementFields } from "../agreement-fields";

type Query = Promise<{ establishmentId?: string }>;

export async function generateMetadata({ searchParams }: { searchParams: Query }): Promise<Metadata> {
  const { establishmentId } = await searchParams;
  const chosen = establishmentId === undefined || (await listEstablishments()).some((e) => e.id === establishmentId);
  return { title: chosen ? "Draft an agreement" : "Error: Draft an agreement" };
}

export default async function NewAgreementPage({ searchParams }: { searchParams: Query }) {
  const { establishmentId } = await searchParams;
  const actor = await requireActor("agreements");
  if (!can(actor, "agreement.draft")) forbidden();
  const establishments = await listEstablishments();
  const establishment = establishments.find((e) => e.id === establishmentId);
  // Sent without a choice (or with one that is not on the list): say so, never pick one silently.
  const error = establishmentId !== undefined && !establishment ? "Select the establishment the agreement is for" : undefined;
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/agreements">Back to agreements</Link>
      </p>
      <PageHeading caption="Co-commissioning agreement">Draft an agreement</PageHeading>
      {!establishment ? (
        <form method="get" noValidate>
          {/* The shared summary: it takes focus (with JavaScript) like every other form's. */}
          <ErrorSummary fieldErrors={error ? { establishmentId: error } : undefined} />
          <div className={error ? "border-l-4 border-red-700 pl-3" : undefined}>
            <label htmlFor={fieldId("establishmentId")} className="block text-lg font-bold">
              Which establishment is it for?
            </label>
            {error && (
              <p id={`${fieldId("establishmentId")}-error`} className="font-bold text-red-700">
                <span className="sr-only">Error:</span> {error}
              </p>
            )}
            <select
              id={fieldId("establishmentId")}
              name="establishmentId"
              defaultValue=""
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fieldId("establishmentId")}-error` : undefined}
              className="mb-4 mt-1 block w-full max-w-xl border-2 border-slate-900 bg-white px-2 py-2 text-lg"
            >
              <option value="">Select…</option>
              {establishments.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="bg-green-700 px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] focus:bg-yellow-400 focus:text-slate-900 focus:outline-4 focus:outline-yellow-400"
          >
            Continue
          </button>
        </form>
      ) : (
        <>
          <p className="mb-4 text-lg">
            For <strong>{establishment.name}</strong>. <Link href="/agreements/new">Choose another establishment</Link>
          </p>
          <ActionForm action={createAgreementAction}>
            <input type="hidden" name="establishmentId" value={establishment.id} />
            <TextField name="title" label="Title" defaultValue={`${establishment.name} co-commissioning agreement`} />
            <TextField name="periodStart" label="Period starts" hint="For example, 2027-04-01" type="date" />
            <TextField name="periodEnd" label="Period ends" hint="For example, 2028-03-31" type="date" />
            <AgreementFields contracts={await listLinkableContracts(actor, establishment.id)} linked={[]} />
            <SubmitButton>Save version 1</SubmitButton>
          </ActionForm>
        </>
      )}
    </div>
  );
}
