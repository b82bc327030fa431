import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { RadioGroup } from "@/components/ui/field";
import { withdrawConsentAction } from "./actions";

/** Taking consent back: what happens, in plain words, then one confirm box. */
export function WithdrawForm({ openPanels }: { openPanels: number }) {
  return (
    <section aria-labelledby="withdraw" className="max-w-2xl border-t-4 border-slate-300 pt-6">
      <h2 id="withdraw" className="mb-2 text-2xl font-bold">
        Withdraw my consent
      </h2>
      <p className="mb-2 text-lg">You can stop taking part at any time. You do not have to give a reason.</p>
      <ul className="mb-4 list-disc space-y-1 pl-6 text-lg">
        <li>You step back from all your panels{openPanels > 0 ? ` (${openPanels} now)` : ""}, and say no to any you were asked to join.</li>
        <li>Scores you started but did not send are deleted.</li>
        <li>Scores you already sent stay and still count, unless you choose to take them out below.</li>
        <li>If a panel has already fixed its results, your scores there stay as they are.</li>
        <li>You are still paid for time you have already logged.</li>
        <li>You can come back later by agreeing again on this page. To join a panel again, ask a commissioner to invite you.</li>
      </ul>
      <ActionForm action={withdrawConsentAction} idPrefix="withdraw">
        {openPanels > 0 && (
          <RadioGroup
            name="keepSubmittedScores"
            legend="What should happen to the scores you have already sent?"
            defaultValue="yes"
            options={[
              { value: "yes", label: "Keep them", hint: "They still count in the results." },
              { value: "no", label: "Take them out", hint: "They will not count. The panel will not see them." },
            ]}
          />
        )}
        <Checkbox name="confirm" label="I want to withdraw my consent and stop taking part" />
        <SubmitButton variant="warning">Withdraw my consent</SubmitButton>
      </ActionForm>
    </section>
  );
}
