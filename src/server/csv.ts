import { stringify } from "csv-stringify/sync";

// The portal's CSV downloads (payroll, audit trails) in one format, written by
// csv-stringify: UTF-8 with a byte order mark (spreadsheet apps then read names
// in any script correctly), a header row, CRLF after every row and RFC 4180
// quoting. A cell that a spreadsheet would read as a formula (= + - @ tab CR,
// ASCII or full-width) gets a leading apostrophe, so "=HYPERLINK(…)" stays text.
// A lone line feed or carriage return inside a cell is quoted too: with CRLF
// records csv-stringify would otherwise leave it bare, and a spreadsheet would
// start a new row there.
//
// `continued`: rows that follow an earlier part of the same file (a download
// written in batches), so without the byte order mark and header row.
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
  { continued = false }: { continued?: boolean } = {},
): string {
  return stringify(rows as (string | number | null | undefined)[][], {
    bom: !continued,
    header: !continued,
    columns: [...header],
    record_delimiter: "windows",
    escape_formulas: true,
    quoted_match: /[\r\n]/,
  });
}
