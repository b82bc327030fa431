import { DateInput, RadioGroup, SelectField, TextArea } from "@/components/ui/field";
import { HoursAndMinutes } from "./hours-and-minutes";
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
      <DateInput
        name="workedOn"
        legend="Which day did you do it?"
        hint={`It can be today or any day in the last 12 months. For example, ${exampleDate(today)}.`}
        defaultValue={defaults.workedOn ?? today}
      />
      <HoursAndMinutes hours={defaults.hours} minutes={defaults.minutes} />
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

/** "20 11 2026": an example in the boxes' own order, a week before today. */
function exampleDate(today: string): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const week = new Date(Date.UTC(y, m - 1, d - 7));
  return `${week.getUTCDate()} ${week.getUTCMonth() + 1} ${week.getUTCFullYear()}`;
}
