import { TenderList, type TenderRow } from "@/components/tender-table";
import { ActionForm } from "@/components/ui/action-form";
import type { FormState } from "@/server/action-result";
import { SubmitButton } from "@/components/ui/button";
import { formatPence } from "@/domain/money";

export interface PanelInvitation {
  id: string;
  tender: TenderRow & { technicianHourlyRatePence: number | null };
}

function payFor(ratePence: number | null): string {
  return ratePence === null
    ? "The hourly rate for this panel has not been set yet. You will see it here before you start."
    : `You are paid ${formatPence(ratePence)} an hour for this panel.`;
}

/** Invitations to join a panel, answered where they are read: on the landing page of everyone who can sit on a panel. */
export function PanelInvitations({
  invited,
  technician,
  respond,
}: {
  invited: PanelInvitation[];
  technician: boolean;
  /** The server action that records the answer (the page passes it: components do not import from src/app). */
  respond: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  if (invited.length === 0) return null;
  return (
    <section aria-labelledby="invited" className="mb-8">
      <h2 id="invited" className="mb-2 text-2xl font-bold">
        You have been asked to join a panel
      </h2>
      <TenderList tenders={invited.map((p) => p.tender)} empty="" />
      <ul className="mt-4 space-y-4">
        {invited.map((p) => (
          <li key={p.id} className="border border-slate-300 bg-white p-4">
            <p className="mb-2 font-bold">Do you want to join the panel for {p.tender.title}?</p>
            {technician && <p className="mb-2">{payFor(p.tender.technicianHourlyRatePence)}</p>}
            <div className="flex flex-wrap gap-3">
              {(["accept", "decline"] as const).map((answer) => {
                const visible = answer === "accept" ? "Yes, join the panel" : "No thanks";
                return (
                  <ActionForm key={answer} action={respond} idPrefix={`${answer}-${p.id}`}>
                    <input type="hidden" name="panelMemberId" value={p.id} />
                    <input type="hidden" name="answer" value={answer} />
                    {/* The accessible name starts with the visible text (WCAG 2.5.3) and adds which panel. */}
                    <SubmitButton variant={answer === "accept" ? "primary" : "secondary"} aria-label={`${visible}: ${p.tender.title}`}>
                      {visible}
                    </SubmitButton>
                  </ActionForm>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
