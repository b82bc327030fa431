import { describe, expect, it } from "vitest";
import { toCsv } from "@/server/csv";

// Both CSV downloads (payroll, audit trails) are written by csv-stringify through
// src/server/csv.ts, with one set of options. What a spreadsheet reads from them:
describe("the portal's CSV format", () => {
  it("has a byte order mark, a header row, CRLF after every row and RFC 4180 quoting", () => {
    expect(
      toCsv(
        ["Name", "Minutes"],
        [
          ["plain", 90],
          ["comma, inside", 0],
          ['quote " inside', -30],
          ["crlf\r\nboth", 15],
        ],
      ),
    ).toBe('\uFEFFName,Minutes\r\nplain,90\r\n"comma, inside",0\r\n"quote "" inside",-30\r\n"crlf\r\nboth",15\r\n');
  });

  it("keeps cells a spreadsheet would run as a formula as text, ASCII or full-width", () => {
    const cells = ['=HYPERLINK("http://x")', "+44 20 7946 0000", "-1+2", "@SUM(A1)", "\tTab first", "\uFF1DFULLWIDTH", "\uFF20x"];
    const csv = toCsv(
      ["A"],
      cells.map((c) => [c]),
    );
    const lines = csv.slice(1).split("\r\n").slice(1, -1);
    expect(lines).toEqual([
      '"\'=HYPERLINK(""http://x"")"',
      "'+44 20 7946 0000",
      "'-1+2",
      "'@SUM(A1)",
      "'\tTab first",
      "'\uFF1DFULLWIDTH",
      "'\uFF20x",
    ]);
  });

  it("leaves names in any script, apostrophes and spaces as they are", () => {
    expect(toCsv(["A"], [["Zoë O'Brien-Smith"], ["名字"], [" leading space"], ["'already"]])).toBe(
      "\uFEFFA\r\nZoë O'Brien-Smith\r\n名字\r\n leading space\r\n'already\r\n",
    );
  });

  it("quotes a lone line feed or carriage return too, so a spreadsheet does not start a new row there", () => {
    expect(toCsv(["A"], [["line\nbreak"], ["carriage\rreturn"], ["\rCR first"]])).toBe(
      '\uFEFFA\r\n"line\nbreak"\r\n"carriage\rreturn"\r\n"\'\rCR first"\r\n',
    );
  });

  it("writes just the header for no rows", () => {
    expect(toCsv(["Claim ID", "Name"], [])).toBe("\uFEFFClaim ID,Name\r\n");
  });
});
