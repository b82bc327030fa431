import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActorForTender } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getTenderForCommissioner, listEstablishments } from "@/server/tenders/queries";
import { updateTenderAction } from "../../actions";
import { TenderDetailsFields } from "../../tender-details-fields";
import { forbidden } from "next/navigation";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Edit tender", (actor) => getTenderForCommissioner(actor, tenderId));
}

export default async function EditTenderPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActorForTender(tenderId);
  // Refused in the query for a commissioner not running it (403), like every page of the tender.
  const [tender, establishments] = await readable(Promise.all([getTenderForCommissioner(actor, tenderId), listEstablishments()]));
  if (!tender.canManage) forbidden();
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/tenders/${tender.id}`}>Back to the tender</Link>
      </p>
      <PageHeading caption={tender.reference}>Edit tender details</PageHeading>
      {tender.effectiveStatus !== "DRAFT" ? (
        <p>This tender has been published, so its details can no longer be changed.</p>
      ) : (
        <ActionForm action={updateTenderAction.bind(null, tender.id)}>
          <input type="hidden" name="version" value={tender.version} />
          <TenderDetailsFields tender={tender} establishments={establishments} />
          <SubmitButton>Save changes</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
