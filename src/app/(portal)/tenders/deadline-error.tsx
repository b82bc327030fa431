"use client";
import { useFormStateContext } from "@/components/ui/action-form";
import { fieldId } from "@/components/ui/error-summary";

/** The error for a date-and-time pair, with the anchor the error summary links to. */
export function DeadlineError({ name }: { name: string }) {
  const ctx = useFormStateContext();
  const error = ctx.fieldErrors?.[name];
  return (
    <p id={fieldId(name, ctx.idPrefix)} tabIndex={-1} className="font-bold text-red-700">
      {error && (
        <>
          <span className="sr-only">Error: </span>
          {error}
        </>
      )}
    </p>
  );
}
