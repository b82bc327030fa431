import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { getPanelWorkspace } from "@/server/evaluation/queries";
import { stepBackAction } from "../actions";
import { readable } from "@/server/page-guard";

export const metadata: Metadata = { title: "Step back from a panel" };

export default async function StepBackPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActor("panels");
  const w = await readable(getPanelWorkspace(actor, tenderId, now()));
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link href={`/panels/${w.tender.id}`}>Back</Link>
      </p>
      <PageHeading caption={w.tender.title}>Step back from this panel</PageHeading>
      <p className="mb-4 text-lg">You can stop at any time. You do not have to give a reason, and it will not count against you.</p>
      <p className="mb-6">
        Scores you have started but not sent will be deleted. You will still be paid for the time you have already logged.
      </p>
      <ActionForm action={stepBackAction.bind(null, w.tender.id)}>
        <RadioGroup
          name="keepSubmittedScores"
          legend="What should happen to the scores you have already sent?"
          options={[
            { value: "yes", label: "Keep them", hint: "They still count in the results." },
            { value: "no", label: "Take them out", hint: "They will not count. The panel will not see them." },
          ]}
        />
        <SubmitButton variant="warning">Step back</SubmitButton>
      </ActionForm>
    </div>
  );
}
