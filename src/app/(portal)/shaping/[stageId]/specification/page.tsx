import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextArea } from "@/components/ui/field";
import { describeGate } from "@/domain/co-production-gate";
import { formatLondon } from "@/domain/london-time";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getSpecificationPage } from "@/server/shaping/theme-queries";
import { StageFrame } from "../stage-frame";
import { overrideGateAction, requirementCommandAction, saveRequirementAction } from "./actions";

export const metadata: Metadata = { title: "Specification" };

function Command({
  stageId,
  requirementId,
  command,
  label,
  children,
}: {
  stageId: string;
  requirementId: string;
  command: string;
  label: string;
  children: string;
}) {
  return (
    <ActionForm action={requirementCommandAction.bind(null, stageId)} idPrefix={`${command}-${requirementId}`}>
      <input type="hidden" name="requirementId" value={requirementId} />
      <input type="hidden" name="command" value={command} />
      <SubmitButton variant={command === "remove" ? "warning" : "secondary"} aria-label={label}>
        {children}
      </SubmitButton>
    </ActionForm>
  );
}

export default async function SpecificationPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requireActor();
  const page = await readable(getSpecificationPage(actor, stageId));
  const { stage, themes, gate } = page;
  const title = new Map(themes.map((t) => [t.id, t.title]));
  const high = page.priorities.filter((p) => p.highPriority);
  const themeOptions = page.priorities.map((p) => ({ value: p.themeId, label: `${p.title}${p.highPriority ? " (high priority)" : ""}` }));
  const names = (ids: string[]) => (ids.length ? ids.map((id) => title.get(id)).join(", ") : "no theme yet");
  return (
    <StageFrame stage={stage} title="From voices to the specification">
      <section aria-labelledby="gate" className="mb-8 border-l-4 border-nhs-blue bg-white p-4">
        <h2 id="gate" className="mb-2 text-xl font-bold">
          The young commissioners&apos; agreement
        </h2>
        <p data-testid="gate-state">{describeGate(gate)}</p>
        {page.changesAsked.length > 0 && (
          <>
            <p className="mt-2 font-bold">Changes asked for this version:</p>
            <ul className="list-disc pl-6">
              {page.changesAsked.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          </>
        )}
        {page.override && (
          <p className="mt-2">
            {page.override.by} recorded on {formatLondon(page.override.at, "dateTime")} why the tender goes ahead without their agreement
            {page.override.current ? "" : " (for an earlier version of the draft, so it no longer counts)"}: “{page.override.reason}”
          </p>
        )}
        {page.editable && stage.status === "CLOSED" && !gate.open && (
          <details className="mt-3">
            <summary className="cursor-pointer text-nhs-blue underline">Go ahead without their agreement</summary>
            <div className="mt-3">
              <p className="mb-3">
                Write why. The governor reads your reason when they sign off the award, and it stays in the audit trail. If the draft
                changes afterwards, the reason no longer counts.
              </p>
              <ActionForm action={overrideGateAction.bind(null, stage.id)} anchor="override-form" successMessage>
                <input type="hidden" name="contentHash" value={page.hash} />
                <TextArea name="reason" label="Why the tender goes ahead without their agreement" rows={4} maxLength={2000} />
                <SubmitButton variant="warning">Record the reason</SubmitButton>
              </ActionForm>
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="priorities" className="mb-8">
        <h2 id="priorities" className="mb-2 text-2xl font-bold">
          What young people said matters most
        </h2>
        {!page.ranked ? (
          <p>Nobody has ranked the themes yet.</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-6">
            {high.map((p) => (
              <li key={p.themeId}>
                {p.title} ({p.points} points)
              </li>
            ))}
          </ol>
        )}
        {page.unanswered.length > 0 && (
          <div className="mt-4 border-l-4 border-red-700 bg-white p-4" data-testid="unanswered">
            <p className="font-bold">Nothing answers these high-priority themes yet:</p>
            <ul className="list-disc pl-6">
              {page.unanswered.map((t) => (
                <li key={t.id}>{t.title}</li>
              ))}
            </ul>
          </div>
        )}
        {page.ranked && page.unanswered.length === 0 && <p className="mt-2">Every high-priority theme is answered.</p>}
      </section>

      <section aria-labelledby="requirements" className="mb-8">
        <h2 id="requirements" className="mb-2 text-2xl font-bold">
          Service requirements
        </h2>
        {!page.editable && (
          <p className="mb-4">
            {stage.tender.status !== "DRAFT"
              ? "The tender has been published, so its specification can no longer change."
              : "The requirements are written once the themes are being ranked."}
          </p>
        )}
        {page.requirements.length === 0 && <p className="mb-4">No requirements yet.</p>}
        <ol className="mb-6 space-y-4">
          {page.requirements.map((r, i) => (
            <li key={r.id} className="border border-slate-300 bg-white p-4">
              <p>
                <strong>{i + 1}.</strong> {r.text}
              </p>
              <p className="text-slate-700">Answers: {names(r.themeIds)}</p>
              {page.editable && (
                <>
                  <div className="mt-3 flex flex-wrap gap-2">
                    {i > 0 && (
                      <Command stageId={stage.id} requirementId={r.id} command="up" label={`Move up: requirement ${i + 1}`}>
                        Move up
                      </Command>
                    )}
                    {i < page.requirements.length - 1 && (
                      <Command stageId={stage.id} requirementId={r.id} command="down" label={`Move down: requirement ${i + 1}`}>
                        Move down
                      </Command>
                    )}
                    <Command stageId={stage.id} requirementId={r.id} command="remove" label={`Remove: requirement ${i + 1}`}>
                      Remove
                    </Command>
                  </div>
                  <details className="mt-3">
                    <summary className="cursor-pointer text-nhs-blue underline">Edit requirement {i + 1}</summary>
                    <div className="mt-3">
                      <ActionForm
                        action={saveRequirementAction.bind(null, stage.id)}
                        idPrefix={`r-${r.id}`}
                        anchor={`requirement-form-${r.id}`}
                        successMessage
                      >
                        <input type="hidden" name="requirementId" value={r.id} />
                        <TextArea name="text" label="What the service must do" defaultValue={r.text} rows={3} maxLength={2000} />
                        <CheckboxGroup
                          name="themeIds"
                          legend="Which themes does it answer?"
                          options={themeOptions}
                          defaultValues={r.themeIds}
                        />
                        <SubmitButton>Save requirement</SubmitButton>
                      </ActionForm>
                    </div>
                  </details>
                </>
              )}
            </li>
          ))}
        </ol>
        {page.editable && (
          <>
            <h3 className="mb-2 text-xl font-bold">Add a requirement</h3>
            <ActionForm action={saveRequirementAction.bind(null, stage.id)} idPrefix="new" anchor="new-requirement-form" successMessage>
              <TextArea name="text" label="What the service must do" hint="One requirement, in plain words." rows={3} maxLength={2000} />
              <CheckboxGroup name="themeIds" legend="Which themes does it answer?" options={themeOptions} />
              <SubmitButton>Add requirement</SubmitButton>
            </ActionForm>
          </>
        )}
      </section>

      <section aria-labelledby="criteria" className="mb-8">
        <h2 id="criteria" className="mb-2 text-2xl font-bold">
          The tender&apos;s criteria
        </h2>
        <ol className="mb-4 list-decimal space-y-2 pl-6">
          {page.criteria.map((c) => (
            <li key={c.id}>
              {c.name} ({c.weight}%)
              <span className="block text-slate-700">
                Answers: {c.themes.length ? c.themes.map((t) => t.title).join(", ") : "no theme yet"}
              </span>
            </li>
          ))}
        </ol>
        {page.editable && <Link href={`/tenders/${stage.tenderId}/criteria`}>Edit the criteria and the themes each answers</Link>}
      </section>
    </StageFrame>
  );
}
