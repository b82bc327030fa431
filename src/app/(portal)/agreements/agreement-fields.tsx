import { TextArea } from "@/components/ui/field";

const HEADINGS_HINT = "Start a line with ## to make a heading.";

/** The content of a version: the same fields when drafting and when editing. */
export function AgreementFields({
  values,
  contracts,
  linked,
}: {
  values?: { priorities: string; servicesInScope: string; youngPeopleInvolvement: string; otherTerms: string };
  contracts: { id: string; title: string; organisation: { name: string } }[];
  linked: string[];
}) {
  return (
    <>
      <TextArea name="priorities" label="Priorities for the period" hint={HEADINGS_HINT} rows={6} defaultValue={values?.priorities} />
      <TextArea name="servicesInScope" label="Services in scope" rows={4} defaultValue={values?.servicesInScope} />
      <TextArea
        name="youngPeopleInvolvement"
        label="How young people are involved"
        hint={HEADINGS_HINT}
        rows={6}
        defaultValue={values?.youngPeopleInvolvement}
      />
      <TextArea name="otherTerms" label="Other terms (optional)" rows={3} defaultValue={values?.otherTerms} />
      <fieldset className="mb-6">
        <legend className="text-lg font-bold">Linked contracts</legend>
        {contracts.length === 0 ? (
          <p className="text-slate-700">There are no contracts for this establishment yet.</p>
        ) : (
          contracts.map((c) => (
            <div key={c.id} className="mt-2 flex items-start gap-2">
              <input
                type="checkbox"
                id={`contract-${c.id}`}
                name="contractIds"
                value={c.id}
                defaultChecked={linked.includes(c.id)}
                className="mt-1 h-6 w-6"
              />
              <label htmlFor={`contract-${c.id}`}>
                {c.title} ({c.organisation.name})
              </label>
            </div>
          ))
        )}
      </fieldset>
    </>
  );
}
