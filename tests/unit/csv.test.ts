import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/server/csv";

// The payroll export writes its CSV with src/server/csv.ts (issue 11: csv-stringify's
// per-cell work was the export's biggest cost of its own). It must write exactly
// what csv-stringify wrote with the export's options.
const header = ["Claim ID", "Name", "Minutes", "Amount (£)", "Paid on"];
const awkward = [
  "plain",
  "",
  "comma, inside",
  'quote " inside',
  "crlf\r\nboth",
  '=HYPERLINK("http://x")',
  "+44 20 7946 0000",
  "-1+2",
  "@SUM(A1)",
  "\tTab first",
  "\uFF1DFULLWIDTH",
  "\uFF0B",
  "\uFF0D1",
  "\uFF20x",
  "Zoë O'Brien-Smith",
  "名字",
  'emoji 😀, and "quotes"',
  " leading space",
  "'already",
];

describe("the CSV writer", () => {
  it("writes what csv-stringify writes: BOM, header, CRLF, RFC 4180 quoting and formula escapes", () => {
    const rows: (string | number)[][] = awkward.map((text, i) => [`id-${i}`, text, i * 15 - 30, text, i % 2 ? "" : text]);
    rows.push(["id-n", "numbers", 0, "-0.5", "12.50"]);
    const expected = stringify(rows, { bom: true, header: true, columns: header, record_delimiter: "windows", escape_formulas: true });
    expect(toCsv(header, rows)).toBe(expected);
    expect(toCsv(header, rows).startsWith("\uFEFFClaim ID,Name,")).toBe(true);
  });

  it("quotes a lone line feed or carriage return too (RFC 4180), which csv-stringify with CRLF records leaves bare", () => {
    expect(toCsv(["A"], [["line\nbreak"], ["carriage\rreturn"], ["\rCR first"]])).toBe(
      '\uFEFFA\r\n"line\nbreak"\r\n"carriage\rreturn"\r\n"\'\rCR first"\r\n',
    );
  });

  it("writes just the header for no rows", () => {
    expect(toCsv(header, [])).toBe(
      stringify([], { bom: true, header: true, columns: header, record_delimiter: "windows", escape_formulas: true }),
    );
  });
});
