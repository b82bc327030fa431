"use client";
import { useEffect, useRef } from "react";
import type { FieldErrors } from "@/server/errors";
import { fieldId } from "./field-id";

/**
 * GOV.UK error summary: at the top of the form, takes focus so screen reader
 * users hear it, and links each message to its field.
 */
export function ErrorSummary({ message, fieldErrors, idPrefix }: { message?: string; fieldErrors?: FieldErrors; idPrefix?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors ?? {});
  const show = Boolean(message) || entries.length > 0;
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, message, fieldErrors]);
  // GOV.UK: the page title starts "Error: " while the form shows errors.
  useEffect(() => {
    if (!show || document.title.startsWith("Error: ")) return;
    document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, "");
    };
  }, [show]);
  if (!show) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${idPrefix ?? ""}error-summary-title`}
      className="mb-6 border-4 border-red-700 p-4 focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400"
    >
      <h2 id={`${idPrefix ?? ""}error-summary-title`} className="text-xl font-bold">
        There is a problem
      </h2>
      {message && entries.length === 0 && <p className="mt-2">{message}</p>}
      {entries.length > 0 && (
        <ul className="mt-2 list-none space-y-1">
          {entries.map(([field, text]) => (
            <li key={field}>
              <a className="font-bold text-red-700 underline" href={`#${fieldId(field, idPrefix)}`}>
                {text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export { fieldId } from "./field-id";
