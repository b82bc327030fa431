"use client";
import { usePathname } from "next/navigation";
import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { FormState } from "@/server/action-result";
import { ErrorSummary } from "./error-summary";

const FormStateContext = createContext<FormState & { idPrefix?: string }>({ status: "idle" });

/** The state of the enclosing ActionForm: field components read their error and last value here. */
export function useFormStateContext(): FormState & { idPrefix?: string } {
  return useContext(FormStateContext);
}

type Action<S extends FormState> = (state: S, formData: FormData) => Promise<S>;

/**
 * A form bound to a server action that works without JavaScript. Fields
 * inside it (TextField, TextArea, SelectField, RadioGroup) show their own
 * error and keep what was typed; the error summary sits at the top.
 */
export function ActionForm<S extends FormState = FormState>({
  action,
  children,
  className,
  successMessage,
  success,
  encType,
  idPrefix,
  anchor,
}: {
  action: Action<S>;
  children: ReactNode;
  className?: string;
  successMessage?: boolean;
  /** What to show at the top after the action succeeded, from its state (e.g. a link it made). */
  success?: (state: S) => ReactNode;
  encType?: "multipart/form-data";
  /** Needed when a page has several forms with the same field names, so ids stay unique. */
  idPrefix?: string;
  /**
   * For a form low on a long page: its id. Without JavaScript the form posts to this page's path with `#anchor`
   * (React's permalink), so the page that comes back with errors opens at the form and its error summary, not at the
   * top; the path has no query, so an earlier success banner (?paid=1) does not linger over the new errors.
   */
  anchor?: string;
}) {
  const pathname = usePathname();
  const [state, formAction] = useActionState<S, FormData>(
    action,
    { status: "idle" } as Awaited<S>,
    anchor ? `${pathname}#${anchor}` : undefined,
  );
  return (
    <FormStateContext.Provider value={{ ...state, idPrefix }}>
      <form id={anchor} action={formAction} noValidate className={className} encType={encType}>
        <ErrorSummary message={state.status === "error" ? state.message : undefined} fieldErrors={state.fieldErrors} idPrefix={idPrefix} />
        {successMessage && state.status === "success" && state.message && (
          <p role="status" className="mb-4 border-l-4 border-green-700 bg-green-50 p-3 font-bold">
            {state.message}
          </p>
        )}
        {success && state.status === "success" && success(state)}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}
