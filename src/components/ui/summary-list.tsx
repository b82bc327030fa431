import type { ReactNode } from "react";

/** GOV.UK summary list: key and value pairs, stacked on narrow screens. */
export function SummaryList({ rows }: { rows: [ReactNode, ReactNode][] }) {
  return (
    <dl className="border-t border-slate-300">
      {rows.map(([key, value], i) => (
        <div key={i} className="border-b border-slate-300 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
          <dt className="font-bold">{key}</dt>
          <dd className="whitespace-pre-line break-words sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
