"use client";
import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { FormState } from "@/server/action-result";
import { ErrorSummary } from "./error-summary";

const FormStateContext = createContext<FormState & { idPrefix?: string }>({ status: "idle" });

/** The state of the enclosing ActionForm: field components read their error and last value here. */
export function useFormStateContext(): FormState & { idPrefix?: string } {
  return useContext(FormStateContext);
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form bound to a server action that works without JavaScript. Fields
 * inside it (TextField, TextArea, SelectField, RadioGroup) show their own
 * error and keep what was typed; the error summary sits at the top.
 */
export function ActionForm({
  action,
  children,
  className,
  successMessage,
  encType,
  idPrefix,
}: {
  action: Action;
  children: ReactNode;
  className?: string;
  successMessage?: boolean;
  encType?: "multipart/form-data";
  /** Needed when a page has several forms with the same field names, so ids stay unique. */
  idPrefix?: string;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as FormState);
  return (
    <FormStateContext.Provider value={{ ...state, idPrefix }}>
      <form action={formAction} noValidate className={className} encType={encType}>
        <ErrorSummary message={state.status === "error" ? state.message : undefined} fieldErrors={state.fieldErrors} idPrefix={idPrefix} />
        {successMessage && state.status === "success" && state.message && (
          <p role="status" className="mb-4 border-l-4 border-green-700 bg-green-50 p-3 font-bold">
            {state.message}
          </p>
        )}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}
