import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { forbidden } from "next/navigation";
import { getAgreement } from "@/server/agreements/queries";
import { requireActor } from "@/server/auth/session";
import { saveVersionAction } from "../../actions";
import { AgreementFields } from "../../agreement-fields";
import { readable } from "@/server/page-guard";

export const metadata: Metadata = { title: "Edit agreement" };

export default async function EditAgreementPage({ params }: { params: Promise<{ agreementId: string }> }) {
  const { agreementId } = await params;
  const actor = await requireActor("agreements");
  if (!can(actor, "agreement.draft")) forbidden();
  const a = await readable(getAgreement(actor, agreementId));
  const signed = a.latest.signOffs.some((s) => s.voidedAt === null);
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/agreements/${a.id}`}>Back to the agreement</Link>
      </p>
      <PageHeading caption={a.title}>Make version {a.latest.version + 1}</PageHeading>
      <p className="mb-6 border-l-4 border-amber-600 bg-white p-3">
        Saving makes a new version. Version {a.latest.version} is kept as it is
        {signed ? ", and its signatures become void: both sides sign again" : ""}.
      </p>
      <ActionForm action={saveVersionAction.bind(null, a.id, a.latest.version)}>
        <AgreementFields values={a.latest} contracts={a.availableContracts} linked={a.latest.contracts.map((c) => c.contract.id)} />
        <SubmitButton>Save version {a.latest.version + 1}</SubmitButton>
      </ActionForm>
    </div>
  );
}
