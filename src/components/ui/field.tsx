"use client";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { useFormStateContext } from "./action-form";
import { fieldId } from "./error-summary";

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

export function describedBy(id: string, hint?: ReactNode, error?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A field's error, announced as such to screen readers; tied to the field by `${id}-error`. */
export function FieldError({ id, error, className = "font-bold text-red-700" }: { id: string; error?: string; className?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className={className}>
      <span className="sr-only">Error: </span>
      {error}
    </p>
  );
}

export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="text-slate-600">
      {hint}
    </p>
  );
}

/** The frame every field sits in: a red bar on the left when it has an error. */
export function errorFrameClass(error?: string): string {
  return `mb-6 ${error ? "border-l-4 border-red-700 pl-4" : ""}`;
}

function FieldFrame({ id, label, hint, error, children }: Omit<FieldProps, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className={errorFrameClass(error)}>
      <label htmlFor={id} className="block text-lg font-bold">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

const inputClass =
  "mt-1 block w-full max-w-xl border-2 border-slate-900 bg-white px-2 py-2 text-lg focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400 aria-invalid:border-red-700";

export function TextField({
  name,
  label,
  hint,
  error,
  id: idOverride,
  "aria-describedby": alsoDescribedBy,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const ctx = useFormStateContext();
  // An explicit id lets a pair of boxes share one error's anchor (see tenders/deadline-error.tsx).
  const id = idOverride ?? fieldId(name, ctx.idPrefix);
  error ??= ctx.fieldErrors?.[name];
  const remembered = input.type === "password" ? undefined : ctx.values?.[name];
  if (remembered !== undefined) input.defaultValue = remembered;
  const described = [describedBy(id, hint, error), alsoDescribedBy].filter(Boolean).join(" ") || undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described} className={inputClass} {...input} />
    </FieldFrame>
  );
}

export function TextArea({ name, label, hint, error, ...input }: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const ctx = useFormStateContext();
  const id = fieldId(name, ctx.idPrefix);
  error ??= ctx.fieldErrors?.[name];
  if (ctx.values?.[name] !== undefined) input.defaultValue = ctx.values[name];
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
  required,
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string; required?: boolean }) {
  const ctx = useFormStateContext();
  const id = fieldId(name, ctx.idPrefix);
  error ??= ctx.fieldErrors?.[name];
  defaultValue = ctx.values?.[name] ?? defaultValue;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {/* Keyed by the value to show: React resets a form after its action, and a
          select only takes a new defaultValue when it is mounted again. */}
      <select
        key={defaultValue}
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** GOV.UK radios: a fieldset with a legend, one labelled radio per option. */
export function RadioGroup({
  name,
  legend,
  hint,
  options,
  defaultValue,
  error,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  defaultValue?: string;
  error?: string;
}) {
  const ctx = useFormStateContext();
  const id = fieldId(name, ctx.idPrefix);
  error ??= ctx.fieldErrors?.[name];
  const checked = ctx.values?.[name] ?? defaultValue;
  return (
    <div className={errorFrameClass(error)}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="text-lg font-bold">{legend}</legend>
        <FieldHint id={id} hint={hint} />
        <FieldError id={id} error={error} />
        <div className="mt-2 space-y-2">
          {options.map((o, i) => (
            <div key={o.value} className="flex items-start gap-3">
              <input
                type="radio"
                id={i === 0 ? id : `${id}-${i}`}
                name={name}
                value={o.value}
                defaultChecked={checked === o.value}
                className="mt-1 h-6 w-6 shrink-0 accent-slate-900 focus:outline-4 focus:outline-yellow-400"
              />
              <label htmlFor={i === 0 ? id : `${id}-${i}`} className="cursor-pointer">
                {o.label}
                {o.hint && <span className="block text-slate-600">{o.hint}</span>}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * GOV.UK date input: day, month and year in three boxes under one legend, posted as `<name>.day`, `<name>.month`
 * and `<name>.year` and checked on the server. The error summary's link for `<name>` lands on the day box.
 */
export function DateInput({
  name,
  legend,
  hint,
  defaultValue,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** "YYYY-MM-DD" */
  defaultValue?: string;
}) {
  const ctx = useFormStateContext();
  const id = fieldId(name, ctx.idPrefix);
  const error = ctx.fieldErrors?.[name];
  const [year, month, day] = (defaultValue ?? "").split("-");
  const initial = { day: day?.replace(/^0/, ""), month: month?.replace(/^0/, ""), year };
  const boxes = [
    { part: "day", label: "Day", width: "w-16", maxLength: 2 },
    { part: "month", label: "Month", width: "w-16", maxLength: 2 },
    { part: "year", label: "Year", width: "w-24", maxLength: 4 },
  ] as const;
  return (
    <div className={errorFrameClass(error)}>
      <fieldset role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="text-lg font-bold">{legend}</legend>
        <FieldHint id={id} hint={hint} />
        <FieldError id={id} error={error} />
        <div className="mt-1 flex flex-wrap gap-4">
          {boxes.map((b) => {
            const boxId = b.part === "day" ? id : `${id}-${b.part}`;
            const field = `${name}.${b.part}`;
            return (
              <div key={b.part}>
                <label htmlFor={boxId} className="block">
                  {b.label}
                </label>
                <input
                  id={boxId}
                  name={field}
                  inputMode="numeric"
                  maxLength={b.maxLength}
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={ctx.values?.[field] ?? initial[b.part] ?? ""}
                  aria-invalid={error ? true : undefined}
                  className={`${b.width} border-2 border-slate-900 bg-white px-2 py-2 text-lg focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400 aria-invalid:border-red-700`}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
