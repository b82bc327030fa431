import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea, TextField } from "@/components/ui/field";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { getCriterionThemeChoices } from "@/server/shaping/theme-queries";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActorForTender } from "@/server/auth/session";
import { getTenderForCommissioner } from "@/server/tenders/queries";
import { criterionCommandAction, saveCriterionAction } from "../../actions";
import { readable } from "@/server/page-guard";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Criteria", (actor) => getTenderForCommissioner(actor, tenderId));
}

interface CriterionValues {
  id?: string;
  name?: string;
  description?: string;
  plainLanguageDescription?: string;
  weight?: number;
  kind?: string;
  wordLimit?: number | null;
}

type ThemeChoices = Awaited<ReturnType<typeof getCriterionThemeChoices>>;

function CriterionFields({ c = {}, themes }: { c?: CriterionValues; themes: ThemeChoices }) {
  return (
    <>
      {c.id && <input type="hidden" name="criterionId" value={c.id} />}
      <TextField name="name" label="Name" defaultValue={c.name} maxLength={200} />
      <TextArea name="description" label="Full description (for providers)" defaultValue={c.description} rows={4} />
      <TextArea
        name="plainLanguageDescription"
        label="Plain-language description"
        hint="Short sentences a 12-year-old could follow. Young commissioners score with this. Needed before publishing."
        defaultValue={c.plainLanguageDescription}
        rows={3}
      />
      <TextField
        name="weight"
        label="Weight (%)"
        hint="A whole number. All weights must add up to 100."
        inputMode="numeric"
        defaultValue={c.weight?.toString()}
      />
      <RadioGroup
        name="kind"
        legend="How is it scored?"
        defaultValue={c.kind ?? "QUALITY"}
        options={[
          { value: "QUALITY", label: "By the panel (quality)", hint: "Each panel member gives a score from 0 to 5 with a reason." },
          { value: "PRICE", label: "By formula (price)", hint: "Lowest fair price ÷ this bid's price × 5. At most one price criterion." },
        ]}
      />
      <TextField name="wordLimit" label="Word limit for bidders (optional)" inputMode="numeric" defaultValue={c.wordLimit?.toString()} />
      {themes && (
        <>
          <input type="hidden" name="themesShown" value="yes" />
          {themes.options.length === 0 ? (
            <p className="mb-6">The shaping stage has no themes yet to link this criterion to.</p>
          ) : (
            <CheckboxGroup
              name="themeIds"
              legend="Which themes that young people raised does it answer?"
              hint="The specification page shows the high-priority themes nothing answers yet."
              options={themes.options}
              defaultValues={c.id ? (themes.linked.get(c.id) ?? []) : []}
            />
          )}
        </>
      )}
    </>
  );
}

function CommandButton({
  tenderId,
  criterionId,
  command,
  children,
  label,
}: {
  tenderId: string;
  criterionId?: string;
  command: string;
  children: string;
  label: string;
}) {
  return (
    <ActionForm action={criterionCommandAction.bind(null, tenderId)} idPrefix={`${command}-${criterionId ?? "all"}`}>
      {criterionId && <input type="hidden" name="criterionId" value={criterionId} />}
      <input type="hidden" name="command" value={command} />
      <SubmitButton variant={command === "remove" ? "warning" : "secondary"} aria-label={label}>
        {children}
      </SubmitButton>
    </ActionForm>
  );
}

export default async function CriteriaPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActorForTender(tenderId);
  const tender = await readable(getTenderForCommissioner(actor, tenderId));
  if (!tender.canManage) forbidden();
  const themes = await getCriterionThemeChoices(tender.id);
  const total = tender.criteria.reduce((s, c) => s + c.weight, 0);
  const draft = tender.effectiveStatus === "DRAFT";
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/tenders/${tender.id}`}>Back to the tender</Link>
      </p>
      <PageHeading caption={tender.title}>Criteria</PageHeading>
      <p
        className={`mb-6 text-xl font-bold ${total === 100 ? "text-green-800" : "text-red-700"}`}
        aria-live="polite"
        data-testid="weight-total"
      >
        Total weight: {total}%{" "}
        {total === 100 ? "(ready)" : `(must be 100%, ${total < 100 ? `${100 - total}% to add` : `${total - 100}% too much`})`}
      </p>
      {!draft && <p className="mb-6">This tender has been published, so its criteria can no longer change.</p>}

      {draft && tender.criteria.length === 0 && (
        <section className="mb-8 border border-slate-300 bg-white p-4">
          <h2 className="mb-2 text-xl font-bold">Start from the PSR key criteria</h2>
          <p className="mb-4">
            Quality and innovation; value; integration, collaboration and service sustainability; improving access, reducing health
            inequalities and facilitating choice; social value. You can change every part afterwards.
          </p>
          <CommandButton tenderId={tender.id} command="template" label="Use the PSR key criteria">
            Use the PSR key criteria
          </CommandButton>
        </section>
      )}

      <ol className="mb-10 space-y-6">
        {tender.criteria.map((c, i) => (
          <li key={c.id} className="border border-slate-300 bg-white p-4">
            <h2 className="text-xl font-bold">
              {i + 1}. {c.name}{" "}
              <span className="font-normal">
                ({c.weight}%{c.kind === "PRICE" ? ", price" : ""})
              </span>
            </h2>
            <p className="mt-1">{c.plainLanguageDescription || <em className="text-red-700">No plain-language description yet</em>}</p>
            {themes && (
              <p className="mt-1 text-slate-700">
                Answers:{" "}
                {(themes.linked.get(c.id) ?? []).map((id) => themes.options.find((o) => o.value === id)?.label).join(", ") ||
                  "no theme yet"}
              </p>
            )}
            {draft && (
              <>
                <div className="mt-3 flex flex-wrap gap-2">
                  {i > 0 && (
                    <CommandButton tenderId={tender.id} criterionId={c.id} command="up" label={`Move up: ${c.name}`}>
                      Move up
                    </CommandButton>
                  )}
                  {i < tender.criteria.length - 1 && (
                    <CommandButton tenderId={tender.id} criterionId={c.id} command="down" label={`Move down: ${c.name}`}>
                      Move down
                    </CommandButton>
                  )}
                  <CommandButton tenderId={tender.id} criterionId={c.id} command="remove" label={`Remove: ${c.name}`}>
                    Remove
                  </CommandButton>
                </div>
                <details className="mt-3">
                  <summary className="cursor-pointer text-nhs-blue underline">Edit {c.name}</summary>
                  <div className="mt-3">
                    <ActionForm
                      action={saveCriterionAction.bind(null, tender.id)}
                      idPrefix={`c-${c.id}`}
                      anchor={`criterion-form-${c.id}`}
                      successMessage
                    >
                      <CriterionFields c={c} themes={themes} />
                      <SubmitButton>Save criterion</SubmitButton>
                    </ActionForm>
                  </div>
                </details>
              </>
            )}
          </li>
        ))}
      </ol>

      {draft && (
        <section aria-labelledby="add">
          <h2 id="add" className="mb-4 text-2xl font-bold">
            Add a criterion
          </h2>
          <ActionForm action={saveCriterionAction.bind(null, tender.id)} idPrefix="new" anchor="new-criterion-form" successMessage>
            <CriterionFields themes={themes} />
            <SubmitButton>Add criterion</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
