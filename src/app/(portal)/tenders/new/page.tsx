import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { listEstablishments } from "@/server/tenders/queries";
import { createTenderAction } from "../actions";
import { TenderDetailsFields } from "../tender-details-fields";

export const metadata: Metadata = { title: "New tender" };

export default async function NewTenderPage() {
  await requireActor("tenders");
  const establishments = await listEstablishments();
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/tenders">Back to tenders</Link>
      </p>
      <PageHeading caption="New tender">Tender details</PageHeading>
      <p className="mb-6">You can save a draft with deadlines left empty. Criteria and the panel come next.</p>
      <ActionForm action={createTenderAction}>
        <TenderDetailsFields establishments={establishments} />
        <SubmitButton>Save draft</SubmitButton>
      </ActionForm>
    </div>
  );
}
