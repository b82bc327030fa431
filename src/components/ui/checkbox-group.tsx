"use client";
import type { ReactNode } from "react";
import { useFormStateContext } from "./action-form";
import { fieldId } from "./error-summary";
import { describedBy, errorFrameClass, FieldError, FieldHint } from "./field";

/**
 * GOV.UK checkboxes: several boxes under one legend, all posted with the same name (read them with
 * `formData.getAll(name)`). After a failed submit the boxes stay as the person left them, when the action returns the
 * chosen values comma-joined in `values[name]`.
 */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  defaultValues = [],
  error,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  defaultValues?: string[];
  error?: string;
}) {
  const ctx = useFormStateContext();
  const id = fieldId(name, ctx.idPrefix);
  error ??= ctx.fieldErrors?.[name];
  const remembered = ctx.values?.[name];
  const checked = new Set(remembered !== undefined ? remembered.split(",").filter(Boolean) : defaultValues);
  return (
    <div className={errorFrameClass(error)}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="text-lg font-bold">{legend}</legend>
        <FieldHint id={id} hint={hint} />
        <FieldError id={id} error={error} />
        <div className="mt-2 space-y-2">
          {options.map((o, i) => {
            const boxId = i === 0 ? id : `${id}-${i}`;
            return (
              <div key={o.value} className="flex items-start gap-3">
                <input
                  type="checkbox"
                  id={boxId}
                  name={name}
                  value={o.value}
                  defaultChecked={checked.has(o.value)}
                  className="mt-1 h-6 w-6 shrink-0 accent-slate-900 focus:outline-4 focus:outline-yellow-400"
                />
                <label htmlFor={boxId} className="cursor-pointer">
                  {o.label}
                  {o.hint && <span className="block text-slate-600">{o.hint}</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
