"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** Opens the browser's print dialogue, where the letter can also be saved as a PDF. Only shown once JavaScript runs; never on paper. */
export function PrintButton({ children }: { children: string }) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="bg-slate-200 px-4 py-2 font-bold text-slate-900 shadow-[0_2px_0_#4c6272] hover:bg-slate-300 focus:bg-yellow-400 focus:outline-4 focus:outline-yellow-400 print:hidden"
    >
      {children}
    </button>
  );
}
