"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { DateInput, TextField } from "@/components/ui/field";
import { PrintButton } from "@/components/awards/print-button";
import { CodeCards } from "@/components/shaping/code-cards";
import { makeCodesAction, type MakeCodesState } from "./actions";

/** Make a batch; the cards it returns are shown here, once, to print. */
export function MakeCodesForm({
  stageId,
  defaultLastDay,
  askName,
  place,
}: {
  stageId: string;
  defaultLastDay: string;
  askName: string;
  place: string;
}) {
  return (
    <ActionForm<MakeCodesState>
      action={makeCodesAction.bind(null, stageId)}
      success={(state) =>
        state.made && (
          <section aria-labelledby="cards-heading" className="mb-10">
            <div className="print:hidden">
              <h2 id="cards-heading" className="mb-2 text-2xl font-bold" role="status">
                Batch {state.made.batch}: {state.made.cards.length} code card{state.made.cards.length === 1 ? "" : "s"} made
              </h2>
              <div className="mb-4 border-l-4 border-red-700 bg-red-50 p-3">
                <p className="font-bold">Print these cards now. The codes are shown only this once.</p>
                <p>
                  We keep no copy we can show again, like a password. If you leave this page without printing, revoke batch{" "}
                  {state.made.batch} below and make a new one.
                </p>
              </div>
              <p className="mb-4 flex flex-wrap items-center gap-4">
                <PrintButton>Print the cards</PrintButton>
                <span>Or use your browser&apos;s Print (Ctrl+P). Choose A4 paper: 8 cards a page.</span>
              </p>
            </div>
            <CodeCards cards={state.made.cards} formUrl={state.made.formUrl} lastDay={state.made.lastDay} askName={askName} place={place} />
          </section>
        )
      }
    >
      <div className="print:hidden">
        <h2 className="mb-4 text-2xl font-bold">Make code cards</h2>
        <TextField
          name="count"
          label="How many cards?"
          hint="From 1 to 200. One card for each young person: each code works once."
          inputMode="numeric"
          className="mt-1 block w-24 border-2 border-slate-900 bg-white px-2 py-2 text-lg focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400 aria-invalid:border-red-700"
          autoComplete="off"
        />
        <DateInput
          name="expiresOn"
          legend="Last day the codes work"
          hint="Leave it as it is for the last day of gathering views."
          defaultValue={defaultLastDay}
        />
        <SubmitButton>Make the cards</SubmitButton>
      </div>
    </ActionForm>
  );
}
