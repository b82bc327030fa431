import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea, TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { AgeBandBoxes } from "./age-band-boxes";
import { formatLondonDay } from "@/domain/london-time";
import { PARTICIPANTS_MAX, SESSION_VIEWS_PER_QUESTION_MAX } from "@/domain/shaping-gather";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { readable } from "@/server/page-guard";
import { getStage, getStageSessions } from "@/server/shaping/queries";
import { recordTitle } from "../../../../record-title";
import { recordSessionAction } from "../../../actions";

export async function generateMetadata({ params }: { params: Promise<{ stageId: string }> }): Promise<Metadata> {
  const { stageId } = await params;
  return recordTitle("Record a focus group", async (actor) => (await getStage(actor, stageId)).tender);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A facilitator records a focus group or workshop: no names, nothing that identifies a child. */
export default async function NewSessionPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requireActor("shaping");
  const stage = await readable(getStageSessions(actor, stageId, now()));
  const latest = stage.today < day(stage.gatheringUntil) ? stage.today : day(stage.gatheringUntil);
  return (
    <div className="max-w-3xl">
      <PageHeading caption={stage.tender.title}>Record a focus group or workshop</PageHeading>
      <div className="mb-6 border-l-8 border-red-700 bg-white p-4" role="note" data-testid="no-names">
        <p className="text-lg font-bold">No names. Nothing that could identify a child.</p>
        <p>
          Write what was said, not who said it: no names, nicknames, cell or room numbers, dates of birth, offences or anything that would
          tell a reader who it was. If a young person told you something that worries you about their safety, do not write it here: follow
          your safeguarding procedure.
        </p>
      </div>
      {!stage.open ? (
        <p>Sessions can be recorded only while gathering views is open.</p>
      ) : (
        <ActionForm action={recordSessionAction.bind(null, stage.id)}>
          <RadioGroup
            name="kind"
            legend="What kind of session was it?"
            options={[
              { value: "FOCUS_GROUP", label: "Focus group" },
              { value: "WORKSHOP", label: "Workshop" },
            ]}
            defaultValue="FOCUS_GROUP"
          />
          <TextField
            name="heldOn"
            type="date"
            label="Date it was held"
            hint={`Between ${formatLondonDay(day(stage.gatheringFrom))} and ${formatLondonDay(latest)}.`}
            min={day(stage.gatheringFrom)}
            max={latest}
          />
          <TextField name="setting" label="Where it was held" hint="For example, “Heron unit association room”." maxLength={200} />
          <TextField
            name="participantCount"
            label="How many young people took part"
            hint={`A whole number from 1 to ${PARTICIPANTS_MAX}.`}
            inputMode="numeric"
            className="w-24"
          />
          <AgeBandBoxes />
          <h2 className="mb-2 text-2xl font-bold">What they said</h2>
          <p className="mb-4">
            Put each view on its own line, in their words where you can. Up to {SESSION_VIEWS_PER_QUESTION_MAX} views for each question;
            leave a question empty if it was not discussed.
          </p>
          {stage.questions.map((q) => (
            <TextArea key={q.id} name={`views.${q.id}`} label={`${q.position}. ${q.text}`} rows={5} />
          ))}
          <SubmitButton>Record the session</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
