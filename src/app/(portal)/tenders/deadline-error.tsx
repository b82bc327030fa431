"use client";
import { useFormStateContext } from "@/components/ui/action-form";
import { fieldId } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";

/**
 * A deadline as a date box and a time box with one error for the pair. The
 * date box carries the deadline's id, so the error summary's link lands on
 * it; both boxes are marked invalid and described by the error.
 */
export function DeadlineInputs({ name, date, time }: { name: string; date?: string; time: string }) {
  const ctx = useFormStateContext();
  const error = ctx.fieldErrors?.[name];
  const errorId = `${fieldId(name, ctx.idPrefix)}-error`;
  const invalid = error ? { "aria-invalid": true, "aria-describedby": errorId } : {};
  return (
    <>
      <div className="flex flex-wrap gap-4">
        <TextField name={`${name}Date`} id={fieldId(name, ctx.idPrefix)} label="Date" type="date" defaultValue={date} {...invalid} />
        <TextField name={`${name}Time`} label="Time" type="time" defaultValue={time} {...invalid} />
      </div>
      <p id={errorId} className="font-bold text-red-700">
        {error && (
          <>
            <span className="sr-only">Error: </span>
            {error}
          </>
        )}
      </p>
    </>
  );
}
