"use client";
import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";

const styles = {
  primary: "bg-green-700 text-white shadow-[0_2px_0_#002d18] hover:bg-green-800",
  secondary: "bg-slate-200 text-slate-900 shadow-[0_2px_0_#4c6272] hover:bg-slate-300",
  warning: "bg-red-700 text-white shadow-[0_2px_0_#6b140e] hover:bg-red-800",
};

/** A submit button that disables itself while its form is sending (no double submits). */
export function SubmitButton({
  children,
  variant = "primary",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof styles }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-block px-4 py-2 text-lg font-bold focus:bg-yellow-400 focus:text-slate-900 focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400 disabled:opacity-60 ${styles[variant]}`}
      {...rest}
    >
      {children}
    </button>
  );
}
