import { RadioGroup, SelectField, TextArea, TextField } from "@/components/ui/field";
import { londonDateKey } from "@/domain/london-time";
import { TIME_ACTIVITIES } from "@/server/technicians/time-labels";

export interface TimeEntryDefaults {
  tenderId?: string;
  workedOn?: string;
  hours?: string;
  minutes?: string;
  activity?: string;
  note?: string;
}

/** The fields of the "log time" and "change time" forms, inside an ActionForm. */
export function TimeEntryFields({
  tenders,
  now,
  defaults = {},
}: {
  tenders: { id: string; reference: string; title: string }[];
  now: Date;
  defaults?: TimeEntryDefaults;
}) {
  const today = londonDateKey(now);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const earliest = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
  return (
    <>
      {tenders.length === 1 ? (
        <>
          <input type="hidden" name="tenderId" value={tenders[0]!.id} />
          <p className="mb-6">
            <strong className="block text-lg">Panel</strong>
            {tenders[0]!.title}
          </p>
        </>
      ) : (
        <SelectField
          name="tenderId"
          label="Which panel was it for?"
          defaultValue={defaults.tenderId ?? ""}
          options={[{ value: "", label: "Choose a panel" }, ...tenders.map((t) => ({ value: t.id, label: `${t.title} (${t.reference})` }))]}
        />
      )}
      <TextField
        name="workedOn"
        type="date"
        label="Which day did you do it?"
        hint="Use the calendar, or type the date like 2026-11-20. It can be today or any day in the last 12 months."
        defaultValue={defaults.workedOn ?? today}
        min={earliest}
        max={today}
        className="mt-1 block w-full max-w-[14rem] border-2 border-slate-900 bg-white px-2 py-2 text-lg focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400 aria-invalid:border-red-700"
      />
      <fieldset className="mb-2">
        <legend className="text-lg font-bold">How long did you spend?</legend>
        <p className="mb-2 text-slate-600">For example, 1 hour and 30 minutes. You can log up to 12 hours at a time.</p>
        <div className="flex flex-wrap gap-4">
          <div className="w-32">
            <TextField name="hours" label="Hours" inputMode="numeric" autoComplete="off" defaultValue={defaults.hours ?? ""} />
          </div>
          <div className="w-32">
            <TextField name="minutes" label="Minutes" inputMode="numeric" autoComplete="off" defaultValue={defaults.minutes ?? ""} />
          </div>
        </div>
      </fieldset>
      <RadioGroup
        name="activity"
        legend="What were you doing?"
        defaultValue={defaults.activity}
        options={TIME_ACTIVITIES.map((a) => ({ value: a.value, label: a.label, hint: a.description }))}
      />
      <TextArea
        name="note"
        label="Note (optional)"
        hint="Anything the commissioner should know. If you chose “Something else”, tell us what you did."
        rows={3}
        maxLength={1000}
        defaultValue={defaults.note ?? ""}
      />
    </>
  );
}
