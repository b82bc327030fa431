"use client";
import type { ReactNode } from "react";
import { useFormStateContext } from "@/components/ui/action-form";
import { fieldId } from "@/components/ui/error-summary";
import { errorFrameClass, FieldError } from "@/components/ui/field";

/** Checkboxes for choosing claims, inside an ActionForm: shows the field's error and keeps the ticks after an error. */
export function ClaimCheckboxes({ name, legend, claims }: { name: string; legend: ReactNode; claims: { id: string; label: ReactNode }[] }) {
  const ctx = useFormStateContext();
  const id = fieldId(name, ctx.idPrefix);
  const error = ctx.fieldErrors?.[name];
  const ticked = new Set((ctx.values?.[name] ?? "").split(",").filter(Boolean));
  return (
    <div className={errorFrameClass(error)}>
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="mb-2 text-lg font-bold">{legend}</legend>
        <FieldError id={id} error={error} />
        <ul className="divide-y divide-slate-300 border-y border-slate-300">
          {claims.map((c, i) => (
            <li key={c.id} className="flex items-start gap-3 py-3">
              <input
                type="checkbox"
                id={i === 0 ? id : `${id}-${i}`}
                name={name}
                value={c.id}
                defaultChecked={ticked.has(c.id)}
                className="mt-1 h-6 w-6 shrink-0 accent-slate-900 focus:outline-4 focus:outline-yellow-400"
              />
              <label htmlFor={i === 0 ? id : `${id}-${i}`} className="min-w-0 cursor-pointer break-words">
                {c.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}
