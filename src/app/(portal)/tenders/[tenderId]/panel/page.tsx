import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { requireActorForTender } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getTenderForCommissioner, listPanelCandidates } from "@/server/tenders/queries";
import { panelAction } from "../../actions";
import { recordTitle } from "../../../record-title";
import { capitalised, PANEL_ROLE_NAMES, panelSeatName } from "@/domain/roles";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Panel", (actor) => getTenderForCommissioner(actor, tenderId));
}

const STATUS = { INVITED: "Invited, not replied yet", ACCEPTED: "Accepted", DECLINED: "Declined", STEPPED_BACK: "Stepped back" } as const;

export default async function PanelPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActorForTender(tenderId);
  // Refused in the query for a commissioner not running it (403), like every page of the tender.
  const [tender, candidates] = await readable(
    Promise.all([getTenderForCommissioner(actor, tenderId), listPanelCandidates(actor, tenderId)]),
  );
  if (!tender.canManage) forbidden();
  const draft = tender.effectiveStatus === "DRAFT";
  const accepted = (role: string) => tender.panelMembers.filter((p) => p.role === role && p.status === "ACCEPTED").length;
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/tenders/${tender.id}`}>Back to the tender</Link>
      </p>
      <PageHeading caption={tender.title}>Evaluation panel</PageHeading>
      <p className="mb-6">
        {/* The rule for publishing matters only before publishing; later the page says who is on the panel. */}
        {draft
          ? "To publish, the panel needs at least 1 commissioner and at least 2 young commissioners who have accepted. Now: "
          : "On the panel: "}
        <strong>
          {accepted("COMMISSIONER")} commissioner{accepted("COMMISSIONER") === 1 ? "" : "s"}, {accepted("TECHNICIAN")} young commissioner
          {accepted("TECHNICIAN") === 1 ? "" : "s"}
        </strong>
        .
      </p>
      <ScrollRegion label="Panel members (scrolls sideways)" className="mb-10">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Panel members</caption>
          <TableHead columns={["Name", "Role on the panel", "Status", draft && { label: "Actions", visuallyHidden: true }]} />
          <tbody>
            {tender.panelMembers.map((p) => (
              <tr key={p.id} className="border-b border-slate-300 align-top">
                <td className="py-2 pr-4">{p.user.name}</td>
                <td className="py-2 pr-4">
                  {capitalised(panelSeatName(p.role, p.anonymousLabel))}
                  {p.isChair && " (chair)"}
                </td>
                <td className="py-2 pr-4">{STATUS[p.status]}</td>
                {draft && (
                  <td className="py-2">
                    {!p.isChair && (
                      <ActionForm action={panelAction.bind(null, tender.id)} idPrefix={`remove-${p.id}`}>
                        <input type="hidden" name="command" value="remove" />
                        <input type="hidden" name="panelMemberId" value={p.id} />
                        <SubmitButton variant="secondary" aria-label={`Remove ${p.user.name} from the panel`}>
                          Remove
                        </SubmitButton>
                      </ActionForm>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {draft && (
        <section aria-labelledby="invite">
          <h2 id="invite" className="mb-4 text-2xl font-bold">
            Invite someone to the panel
          </h2>
          <ActionForm action={panelAction.bind(null, tender.id)} idPrefix="invite" successMessage>
            <input type="hidden" name="command" value="invite" />
            <SelectField
              name="userId"
              label="Person"
              hint="Only commissioners and young commissioners can sit on a panel. They are told by email and on their home page."
              options={[
                { value: "", label: "Select a person" },
                ...candidates.map((c) => ({
                  value: c.id,
                  label: `${c.name} (${PANEL_ROLE_NAMES[c.role].one})`,
                })),
              ]}
            />
            <SubmitButton>Send invitation</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
