"use client";
import { useFormStateContext } from "@/components/ui/action-form";
import { fieldId } from "@/components/ui/error-summary";
import { describedBy, errorFrameClass, FieldError } from "@/components/ui/field";

/**
 * "How long did you spend?": hours and minutes in two narrow boxes. Their errors read across the screen above
 * both boxes, not squeezed into a box's narrow column (at 360 px a message was a word a line).
 */
export function HoursAndMinutes({ hours, minutes }: { hours?: string; minutes?: string }) {
  const ctx = useFormStateContext();
  const error = ctx.fieldErrors?.hours ?? ctx.fieldErrors?.minutes;
  return (
    <div className={errorFrameClass(error)}>
      <fieldset>
        <legend className="text-lg font-bold">How long did you spend?</legend>
        <p className="mb-2 text-slate-600">For example, 1 hour and 30 minutes. You can log up to 12 hours at a time.</p>
        <FieldError id={fieldId("hours", ctx.idPrefix)} error={ctx.fieldErrors?.hours} />
        <FieldError id={fieldId("minutes", ctx.idPrefix)} error={ctx.fieldErrors?.minutes} />
        <div className="flex flex-wrap gap-4">
          <TimeBox name="hours" label="Hours" defaultValue={hours} />
          <TimeBox name="minutes" label="Minutes" defaultValue={minutes} />
        </div>
      </fieldset>
    </div>
  );
}

function TimeBox({ name, label, defaultValue }: { name: "hours" | "minutes"; label: string; defaultValue?: string }) {
  const ctx = useFormStateContext();
  const id = fieldId(name, ctx.idPrefix);
  const error = ctx.fieldErrors?.[name];
  return (
    <div className="w-32">
      <label htmlFor={id} className="block text-lg font-bold">
        {label}
      </label>
      <input
        id={id}
        name={name}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={ctx.values?.[name] ?? defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        className="mt-1 block w-full border-2 border-slate-900 bg-white px-2 py-2 text-lg focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400 aria-invalid:border-red-700"
      />
    </div>
  );
}
