"use client";
import type { ReactNode } from "react";
import { useFormStateContext } from "./action-form";
import { fieldId } from "./error-summary";
import { describedBy, errorFrameClass, FieldError, FieldHint } from "./field";

/**
 * GOV.UK single checkbox: a box with its label beside it, a hint under the
 * label and the error above, all tied to the box with aria-describedby.
 * After a failed submit it stays as the person left it.
 */
export function Checkbox({
  name,
  label,
  hint,
  error,
  value = "yes",
  defaultChecked,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value?: string;
  defaultChecked?: boolean;
}) {
  const ctx = useFormStateContext();
  const id = fieldId(name, ctx.idPrefix);
  error ??= ctx.fieldErrors?.[name];
  const checked = ctx.values ? ctx.values[name] === value : defaultChecked;
  return (
    <div className={errorFrameClass(error)}>
      <FieldError id={id} error={error} className="mb-2 font-bold text-red-700" />
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="mt-1 h-7 w-7 shrink-0 accent-slate-900 focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400"
        />
        <div>
          <label htmlFor={id} className="cursor-pointer text-lg font-bold">
            {label}
          </label>
          <FieldHint id={id} hint={hint} />
        </div>
      </div>
    </div>
  );
}
