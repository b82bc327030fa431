import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { SelectField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { shapingAllows } from "@/domain/shaping-stage";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { readable } from "@/server/page-guard";
import { getStage, getStageOverview, listStageCandidates } from "@/server/shaping/queries";
import { recordTitle } from "../../../record-title";
import { stageMemberAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ stageId: string }> }): Promise<Metadata> {
  const { stageId } = await params;
  return recordTitle("People shaping", async (actor) => (await getStage(actor, stageId)).tender);
}

const STATUS = {
  INVITED: "Invited, not replied yet",
  ACCEPTED: "Taking part",
  DECLINED: "Declined",
  STEPPED_BACK: "Stepped back",
} as const;

/** Who shapes the service: invite young commissioners and commissioners (a commissioner may facilitate), and see who said yes. */
export default async function StagePeoplePage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requireActor("shaping");
  const [stage, candidates] = await readable(Promise.all([getStageOverview(actor, stageId, now()), listStageCandidates(actor, stageId)]));
  if (!stage.viewer.manages) forbidden();
  const open = shapingAllows.invite(stage.status);
  return (
    <div className="max-w-3xl">
      <PageHeading caption={stage.tender.title}>People shaping this service</PageHeading>
      <p className="mb-6">
        Young commissioners answer the questions and rank the themes, and are paid for their time. Commissioners rank the themes too; a
        commissioner marked as a facilitator records focus groups and checks answers. The commissioners running the tender do all of this
        already. Gathering can open once at least one young commissioner has accepted.
      </p>
      {stage.members.length === 0 ? (
        <p className="mb-8">Nobody has been invited yet.</p>
      ) : (
        <ScrollRegion label="People invited (scrolls sideways)" className="mb-10">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">People invited to shape this service</caption>
            <TableHead columns={["Name", "Role", "Status"]} />
            <tbody>
              {stage.members.map((m) => (
                <tr key={m.id} className="border-b border-slate-300 align-top">
                  <td className="py-2 pr-4">{m.user.name}</td>
                  <td className="py-2 pr-4">
                    {m.role === "TECHNICIAN" ? "Young commissioner" : m.isFacilitator ? "Commissioner, facilitator" : "Commissioner"}
                  </td>
                  <td className="py-2 pr-4">{STATUS[m.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {open && (
        <section aria-labelledby="invite">
          <h2 id="invite" className="mb-4 text-2xl font-bold">
            Invite someone
          </h2>
          <ActionForm action={stageMemberAction.bind(null, stage.id)} idPrefix="invite" successMessage>
            <SelectField
              name="userId"
              label="Person"
              hint="Commissioners and young commissioners. They are told by email and on their home page, and say yes or no."
              options={[
                { value: "", label: "Select a person" },
                ...candidates.map((c) => ({
                  value: c.id,
                  label: `${c.name} (${c.role === "TECHNICIAN" ? "young commissioner" : "commissioner"})`,
                })),
              ]}
            />
            <Checkbox
              name="facilitator"
              label="Facilitator"
              hint="For a commissioner only: they record focus groups and workshops and check every answer before anyone else reads it."
            />
            <SubmitButton>Send invitation</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
