// A CSV writer for large exports: the same output as csv-stringify with the
// options the exports use (`bom`, `header`, `record_delimiter: "windows"`,
// `escape_formulas`), in one pass of plain string work. A payroll export of
// thousands of claims spent more time in csv-stringify's per-cell options and
// casting than in anything of its own (tests/unit/csv.test.ts checks the two agree).

const NEEDS_QUOTES = /[",\r\n]/;
// Cells a spreadsheet would read as a formula, ASCII or full-width (csv-stringify's list).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell: a number as written; text with a leading apostrophe when it would start a formula, quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (value === "") return "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 byte order mark, a header row, CRLF after every row (RFC 4180). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = header.map(csvCell).join(",");
  for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i]!.map(csvCell).join(",");
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
