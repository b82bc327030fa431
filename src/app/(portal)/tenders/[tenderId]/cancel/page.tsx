import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActorForTender } from "@/server/auth/session";
import { getTenderForCommissioner } from "@/server/tenders/queries";
import { cancelTenderAction } from "../../actions";
import { readable } from "@/server/page-guard";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Cancel tender", (actor) => getTenderForCommissioner(actor, tenderId));
}

export default async function CancelTenderPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActorForTender(tenderId);
  const tender = await readable(getTenderForCommissioner(actor, tenderId));
  if (!tender.canManage) forbidden();
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link href={`/tenders/${tender.id}`}>Back to the tender</Link>
      </p>
      <PageHeading caption={tender.title}>Cancel this tender</PageHeading>
      <p className="mb-6">
        Cancelling cannot be undone. Every provider with a bid is told, with your reason. The panel&apos;s work so far is kept in the audit
        log.
      </p>
      <ActionForm action={cancelTenderAction.bind(null, tender.id)}>
        <TextArea name="reason" label="Why are you cancelling it?" hint="Providers will read this." rows={4} />
        <SubmitButton variant="warning">Cancel the tender</SubmitButton>
      </ActionForm>
    </div>
  );
}
