import { Checkbox } from "@/components/ui/checkbox";
import { RadioGroup, SelectField, TextArea, TextField } from "@/components/ui/field";
import { toLondonInputValues } from "@/domain/london-time";
import { penceToPoundsInput } from "@/domain/money";
import { DeadlineInputs } from "./deadline-error";
import { AGGREGATION_RULES, RULE_NAMES } from "@/domain/scoring";
import { cpvOption } from "@/domain/cpv";
import { CPV_HEALTH_SERVICES } from "@/domain/cpv-health-services";

interface TenderValues {
  title?: string;
  reference?: string;
  summary?: string;
  description?: string;
  establishmentId?: string;
  estimatedValuePence?: bigint | null;
  contractStartDate?: Date | null;
  contractTermMonths?: number | null;
  cpvCodes?: string[];
  procurementRoute?: string;
  aggregationRule?: string;
  anonymiseBids?: boolean;
  technicianHourlyRatePence?: number | null;
  clarificationDeadline?: Date | null;
  submissionDeadline?: Date | null;
}

/** The fields of the tender details form, for creating and for editing a draft. */
export function TenderDetailsFields({
  tender = {},
  establishments,
}: {
  tender?: TenderValues;
  establishments: { id: string; name: string }[];
}) {
  const clarification = tender.clarificationDeadline ? toLondonInputValues(tender.clarificationDeadline) : null;
  const submission = tender.submissionDeadline ? toLondonInputValues(tender.submissionDeadline) : null;
  return (
    <>
      <TextField name="title" label="Title" defaultValue={tender.title} maxLength={200} />
      <TextField
        name="reference"
        label="Reference"
        hint="For example NHSE-LDN-2026-014. It must be unique."
        defaultValue={tender.reference}
        maxLength={50}
        spellCheck={false}
      />
      <TextArea
        name="summary"
        label="Summary in plain language"
        hint="Two or three short sentences a 12-year-old could follow. Young commissioners and providers read this first."
        defaultValue={tender.summary}
        rows={4}
      />
      <TextArea
        name="description"
        label="Full description"
        hint="The service, who it is for, and what the contract covers."
        defaultValue={tender.description}
        rows={8}
      />
      <SelectField
        name="establishmentId"
        label="Establishment"
        options={[{ value: "", label: "Select an establishment" }, ...establishments.map((e) => ({ value: e.id, label: e.name }))]}
        defaultValue={tender.establishmentId ?? ""}
      />
      <TextField
        name="estimatedValue"
        label="Estimated total value (£)"
        hint="For the whole contract term, in pounds. For example 14,500,000."
        inputMode="decimal"
        defaultValue={penceToPoundsInput(tender.estimatedValuePence)}
      />
      <TextField
        name="contractStartDate"
        label="Contract start date"
        type="date"
        defaultValue={tender.contractStartDate?.toISOString().slice(0, 10)}
      />
      <TextField
        name="contractTermMonths"
        label="Contract term in months"
        inputMode="numeric"
        defaultValue={tender.contractTermMonths?.toString()}
      />
      <fieldset className="mb-6" aria-describedby="cpv-hint">
        <legend className="text-lg font-bold">What is bought: CPV codes</legend>
        <p id="cpv-hint" className="text-slate-600">
          From the official list (CPV 2008, health and social work services). Type a word or a number, such as physiotherapy or 851, and
          pick from the list; the first code is the main one. They go in the notices and the open data.
        </p>
        <datalist id="cpv-codes">
          {CPV_HEALTH_SERVICES.map(([code, label]) => (
            <option key={code} value={`${code} ${label}`} />
          ))}
        </datalist>
        {(["cpvCode1", "cpvCode2", "cpvCode3"] as const).map((name, i) => (
          <TextField
            key={name}
            name={name}
            label={i === 0 ? "Main CPV code" : `Another CPV code (optional)`}
            list="cpv-codes"
            autoComplete="off"
            spellCheck={false}
            defaultValue={tender.cpvCodes?.[i] ? cpvOption(tender.cpvCodes[i]) : ""}
          />
        ))}
      </fieldset>
      <SelectField
        name="procurementRoute"
        label="Procurement route"
        options={[
          { value: "PSR_COMPETITIVE_PROCESS", label: "Provider Selection Regime: competitive process" },
          { value: "PSR_MOST_SUITABLE_PROVIDER", label: "Provider Selection Regime: most suitable provider" },
          { value: "PSR_DIRECT_AWARD_C", label: "Provider Selection Regime: direct award process C" },
        ]}
        defaultValue={tender.procurementRoute ?? "PSR_COMPETITIVE_PROCESS"}
      />
      <TextField
        name="technicianHourlyRate"
        label="Hourly rate for young commissioners (£)"
        hint="What young commissioners are paid for their time on this tender. For example 15.00."
        inputMode="decimal"
        defaultValue={penceToPoundsInput(tender.technicianHourlyRatePence)}
      />
      <RadioGroup
        name="aggregationRule"
        legend="How are panel votes combined?"
        hint="Chosen before publishing and shown on every results page."
        defaultValue={tender.aggregationRule ?? "EQUAL_VOTES"}
        options={AGGREGATION_RULES.map((rule) => ({ value: rule, label: RULE_NAMES[rule].label, hint: RULE_NAMES[rule].hint }))}
      />
      <Checkbox
        name="anonymiseBids"
        label="Score anonymised bids"
        hint={
          'The panel sees "Bid A", "Bid B"… instead of the bidders\' names while they score. Names show from moderation on. Panel members still see who is bidding when they declare conflicts of interest.'
        }
        defaultChecked={tender.anonymiseBids ?? false}
      />
      <fieldset className="mb-6">
        <legend className="text-lg font-bold">Clarification deadline (UK time)</legend>
        <p className="text-slate-600">Providers can ask questions until then. It must be before the submission deadline.</p>
        <DeadlineInputs name="clarificationDeadline" date={clarification?.date} time={clarification?.time ?? "12:00"} />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="text-lg font-bold">Submission deadline (UK time)</legend>
        <p className="text-slate-600">Bids stay sealed until this moment. A bid 1 millisecond late is refused.</p>
        <DeadlineInputs name="submissionDeadline" date={submission?.date} time={submission?.time ?? "17:00"} />
      </fieldset>
    </>
  );
}
