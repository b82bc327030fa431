/**
 * A data table's header row, the same everywhere: a heavy rule under column
 * headings scoped to their columns. A column may be right-aligned (numbers) or
 * heard but not seen (an actions column: "Actions" for screen readers).
 */
export type TableColumn = string | { label: string; numeric?: boolean; visuallyHidden?: boolean };

export function TableHead({ columns, spacing = "pr-4" }: { columns: (TableColumn | false)[]; spacing?: "pr-3" | "pr-4" }) {
  return (
    <thead>
      <tr className="border-b-2 border-slate-900">
        {columns
          .filter((c): c is TableColumn => c !== false)
          .map((column) => {
            const c = typeof column === "string" ? { label: column } : column;
            return (
              <th key={c.label} scope="col" className={`py-2 ${spacing}${c.numeric ? " text-right" : ""}`}>
                {c.visuallyHidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            );
          })}
      </tr>
    </thead>
  );
}
