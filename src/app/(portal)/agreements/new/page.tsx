import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { forbidden } from "next/navigation";
import { listLinkableContracts } from "@/server/agreements/queries";
import { requireActor } from "@/server/auth/session";
import { listEstablishments } from "@/server/tenders/queries";
import { createAgreementAction } from "../actions";
import { AgreementFields } from "../agreement-fields";

export const metadata: Metadata = { title: "Draft an agreement" };

export default async function NewAgreementPage({ searchParams }: { searchParams: Promise<{ establishmentId?: string }> }) {
  const { establishmentId } = await searchParams;
  const actor = await requireActor("agreements");
  if (actor.role !== "COMMISSIONER") forbidden();
  const establishments = await listEstablishments();
  const establishment = establishments.find((e) => e.id === establishmentId);
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/agreements">Back to agreements</Link>
      </p>
      <PageHeading caption="Co-commissioning agreement">Draft an agreement</PageHeading>
      {!establishment ? (
        <form method="get">
          <label htmlFor="establishmentId" className="block text-lg font-bold">
            Which establishment is it for?
          </label>
          <select id="establishmentId" name="establishmentId" className="mb-4 mt-1 block w-full max-w-xl border-2 border-slate-900 bg-white px-2 py-2 text-lg">
            {establishments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          <button type="submit" className="bg-green-700 px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] focus:bg-yellow-400 focus:text-slate-900 focus:outline-4 focus:outline-yellow-400">
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
