import type { FormState } from "@/server/action-result";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { formatLondonDay } from "@/domain/london-time";

export interface ShapingInvitation {
  id: string;
  role: "COMMISSIONER" | "TECHNICIAN";
  isFacilitator: boolean;
  invitedBy: { name: string };
  stage: { purpose: string; gatheringFrom: Date; gatheringUntil: Date; tender: { title: string; establishment: { name: string } } };
}

const day = (d: Date) => formatLondonDay(d.toISOString().slice(0, 10));

/** Invitations to shape a service, answered where they are read: the Shaping page and young commissioners' home page. */
export function ShapingInvitations({
  invitations,
  respond,
}: {
  invitations: ShapingInvitation[];
  /** The server action that records the answer (the page passes it: components do not import from src/app). */
  respond: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="shaping-invited" className="mb-8 max-w-2xl">
      <h2 id="shaping-invited" className="mb-2 text-2xl font-bold">
        You have been asked to help shape a service
      </h2>
      <ul className="space-y-4">
        {invitations.map((i) => (
          <li key={i.id} className="border border-slate-300 bg-white p-4">
            <p className="mb-1 text-lg font-bold">Do you want to help shape {i.stage.tender.title}?</p>
            <p className="mb-1">
              {i.stage.tender.establishment.name}. Asked by {i.invitedBy.name}
              {i.isFacilitator ? ", as a facilitator (you record focus groups and check answers)" : ""}.
            </p>
            <p className="mb-1 whitespace-pre-line">{i.stage.purpose}</p>
            <p className="mb-3">
              Views are gathered from {day(i.stage.gatheringFrom)} to {day(i.stage.gatheringUntil)}.
              {i.role === "TECHNICIAN" && " You are paid for your time: log it under Paid time."}
            </p>
            <div className="flex flex-wrap gap-3">
              {(["accept", "decline"] as const).map((answer) => {
                const visible = answer === "accept" ? "Yes, I will help" : "No thanks";
                return (
                  <ActionForm key={answer} action={respond} idPrefix={`shaping-${answer}-${i.id}`}>
                    <input type="hidden" name="memberId" value={i.id} />
                    <input type="hidden" name="answer" value={answer} />
                    <SubmitButton
                      variant={answer === "accept" ? "primary" : "secondary"}
                      aria-label={`${visible}: ${i.stage.tender.title}`}
                    >
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
