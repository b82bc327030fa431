import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import {
  DIRECTION_LABEL,
  FREQUENCY_LABEL,
  MEASURE_DIRECTIONS,
  MEASURE_UNITS,
  REPORTING_FREQUENCIES,
  UNIT_LABEL,
} from "@/domain/contract-checks";
import { requireActor } from "@/server/auth/session";
import { MAX_MEASURES } from "@/server/contract-checks/commitment-input";
import { getCommitments } from "@/server/contract-checks/queries";
import { readable } from "@/server/page-guard";
import { can } from "@/server/policy";
import { saveCommitmentsAction } from "../../actions";

export const metadata: Metadata = { title: "Write the commitments" };

/** Empty rows under the current measures (a form that works without JavaScript cannot add rows). */
const EMPTY_ROWS = 3;

export default async function EditCommitmentsPage({ params }: { params: Promise<{ contractId: string }> }) {
  const { contractId } = await params;
  const actor = await requireActor("contracts");
  if (!can(actor, "commitments.draft")) forbidden();
  const c = await readable(getCommitments(actor, contractId));
  const current = c.latest?.measures ?? [];
  const rowCount = Math.min(MAX_MEASURES, current.length + EMPTY_ROWS);
  const next = (c.latest?.version ?? 0) + 1;
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/contracts/${contractId}/commitments`}>Back to the commitments</Link>
      </p>
      <PageHeading caption={`${c.contract.title} · ${c.contract.organisation.name}`}>
        {c.latest ? `Make version ${next} of the commitments` : "Write the commitments"}
      </PageHeading>
      <p className="mb-6 border-l-4 border-amber-600 bg-white p-3">
        Write each measure from the specification and the winning bid, for example “First health assessment within 24 hours of arrival: at
        least 95%”. Leave a row empty to leave it out.
        {c.latest && ` Saving makes version ${next}; version ${c.latest.version} is kept, and its signatures become void.`}
      </p>
      <ActionForm action={saveCommitmentsAction.bind(null, contractId, c.latest?.version ?? 0)} idPrefix="commitments">
        {Array.from({ length: rowCount }, (_, i) => {
          const m = current[i];
          return (
            <fieldset key={i} className="mb-8 border-2 border-slate-300 p-4">
              <legend className="px-1 text-xl font-bold">Measure {i + 1}</legend>
              {m && <input type="hidden" name={`measures.${i}.key`} value={m.key} />}
              <TextField name={`measures.${i}.name`} label="What is measured" defaultValue={m?.name} maxLength={200} />
              <SelectField
                name={`measures.${i}.unit`}
                label="Unit"
                defaultValue={m?.unit ?? "PERCENT"}
                options={MEASURE_UNITS.map((u) => ({ value: u, label: UNIT_LABEL[u] }))}
              />
              <SelectField
                name={`measures.${i}.direction`}
                label="The value should be"
                hint="For a yes-or-no measure, the answer should be the target."
                defaultValue={m?.direction ?? "AT_LEAST"}
                options={MEASURE_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABEL[d] }))}
              />
              <TextField
                name={`measures.${i}.target`}
                label="Target"
                hint="A number in the unit, like 95 or 24. For yes or no, type yes or no."
                defaultValue={m ? (m.unit === "YES_NO" ? (m.target === 1 ? "yes" : "no") : String(m.target)) : ""}
                inputMode="decimal"
              />
              <SelectField
                name={`measures.${i}.frequency`}
                label="How often it is reported"
                defaultValue={m?.frequency ?? "QUARTERLY"}
                options={REPORTING_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABEL[f] }))}
              />
              {c.themes.length > 0 && (
                <SelectField
                  name={`measures.${i}.themeId`}
                  label="The shaping theme it answers (optional)"
                  defaultValue={m?.themeId ?? ""}
                  options={[{ value: "", label: "None" }, ...c.themes.map((t) => ({ value: t.id, label: t.title }))]}
                />
              )}
            </fieldset>
          );
        })}
        <SubmitButton>{c.latest ? `Save version ${next}` : "Save version 1"}</SubmitButton>
      </ActionForm>
    </div>
  );
}
