import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { fieldId } from "./error-summary";

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function describedBy(name: string, hint?: ReactNode, error?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldFrame({ name, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-red-700 pl-4" : ""}`}>
      <label htmlFor={fieldId(name)} className="block text-lg font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${fieldId(name)}-hint`} className="text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${fieldId(name)}-error`} className="font-bold text-red-700">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
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
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <input
        id={fieldId(name)}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={inputClass}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextArea({
  name,
  label,
  hint,
  error,
  ...input
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
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
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
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
