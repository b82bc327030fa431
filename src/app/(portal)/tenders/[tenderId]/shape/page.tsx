import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { PURPOSE_MAX } from "@/domain/shaping-gather";
import { DEFAULT_SHAPING_QUESTIONS } from "@/domain/shaping-stage";
import { requireActorForTender } from "@/server/auth/session";
import { now } from "@/server/clock";
import { readable } from "@/server/page-guard";
import { getTenderForCommissioner } from "@/server/tenders/queries";
import { openStageAction } from "../../../shaping/actions";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Shape this service with young people", (actor) => getTenderForCommissioner(actor, tenderId));
}

/** Opening a shaping stage on a draft tender: its purpose in plain words and the dates for gathering views. */
export default async function ShapePage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActorForTender(tenderId);
  const tender = await readable(getTenderForCommissioner(actor, tenderId, now()));
  if (!tender.canManage) forbidden();
  if (tender.shapingStage) redirect(`/shaping/${tender.shapingStage.id}`);
  const draft = tender.effectiveStatus === "DRAFT";
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/tenders/${tender.id}`}>Back to the tender</Link>
      </p>
      <PageHeading caption={tender.title}>Shape this service with young people</PageHeading>
      <p className="mb-4">
        Before you write the specification, young people say what needs to change, which services matter most, what the staff should be like
        and what stops them asking for help. Young commissioners answer in the portal, you record focus groups, and young people without an
        account answer an easy-read form with a one-time code. Then everyone ranks the themes, and you write the tender from them. The
        tender stays a draft until you publish it.
      </p>
      {!draft ? (
        <p className="border-l-4 border-red-700 bg-white p-4">This tender has been published, so it can no longer be shaped.</p>
      ) : (
        <ActionForm action={openStageAction.bind(null, tender.id)}>
          <TextArea
            name="purpose"
            label="What is the service for, and what do you want to learn?"
            hint={`In plain words a 12-year-old can read: young people see this first. Up to ${PURPOSE_MAX.toLocaleString("en-GB")} characters.`}
            maxLength={PURPOSE_MAX}
          />
          <TextField name="gatheringFrom" type="date" label="First day of gathering views" hint="London date. Today or later." />
          <TextField name="gatheringUntil" type="date" label="Last day of gathering views" hint="The same day as the first, or later." />
          <h2 className="mb-2 text-xl font-bold">The questions</h2>
          <p className="mb-2">
            The stage starts with these four questions. You can change, add, remove and reorder them until gathering opens.
          </p>
          <ol className="mb-6 list-decimal space-y-1 pl-6">
            {DEFAULT_SHAPING_QUESTIONS.map((q) => (
              <li key={q.text}>{q.text}</li>
            ))}
          </ol>
          <SubmitButton>Start shaping</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
