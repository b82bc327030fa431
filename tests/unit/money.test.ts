import { describe, expect, it } from "vitest";
import { annualEquivalentPence, describeWholeLifePrice, formatPence, parsePounds, payForMinutes, penceToPoundsInput } from "@/domain/money";

describe("money", () => {
  it("formats pence as pounds, exactly, even beyond 2^53", () => {
    expect(formatPence(0)).toBe("£0.00");
    expect(formatPence(5)).toBe("£0.05");
    expect(formatPence(123456789)).toBe("£1,234,567.89");
    expect(formatPence(1_450_000_000n)).toBe("£14,500,000.00");
    expect(formatPence(900719925474099312n)).toBe("£9,007,199,254,740,993.12");
    expect(penceToPoundsInput(150050)).toBe("1500.50");
    expect(penceToPoundsInput(null)).toBe("");
  });

  it("parses what people type", () => {
    expect(parsePounds("1500")).toEqual({ ok: true, pence: 150000 });
    expect(parsePounds(" £1,500.5 ")).toEqual({ ok: true, pence: 150050 });
    expect(parsePounds("£ 14,500,000.00")).toEqual({ ok: true, pence: 1_450_000_000 });
    expect(parsePounds("０.９９")).toEqual({ ok: true, pence: 99 }); // full-width digits
    expect(parsePounds("0")).toEqual({ ok: true, pence: 0 });
  });

  it("refuses what is not an amount", () => {
    expect(parsePounds("")).toEqual({ ok: false, message: "Enter an amount in pounds" });
    expect(parsePounds("-5")).toEqual({ ok: false, message: "Amount must be £0 or more" });
    expect(parsePounds("1.234").ok).toBe(false);
    expect(parsePounds("12abc").ok).toBe(false);
    expect(parsePounds("1e6").ok).toBe(false);
    expect(parsePounds("1,50").ok).toBe(false);
    expect(parsePounds("20000000000")).toEqual({ ok: false, message: "Amount must be £10,000,000,000.00 or less" });
    expect(parsePounds("101", 100)).toEqual({ ok: false, message: "Amount must be £100.00 or less" });
  });

  it("pays minutes at an hourly rate, rounding half up once", () => {
    expect(payForMinutes(60, 1500)).toBe(1500);
    expect(payForMinutes(90, 1500)).toBe(2250);
    // 1 minute at £12.21/h = 20.35p → 20p; 3 minutes = 61.05p → 61p
    expect(payForMinutes(1, 1221)).toBe(20);
    expect(payForMinutes(3, 1221)).toBe(61);
    // 1 minute at £0.30/h = 0.5p exactly → rounds up to 1p
    expect(payForMinutes(1, 30)).toBe(1);
    expect(payForMinutes(0, 1500)).toBe(0);
    expect(() => payForMinutes(-1, 1500)).toThrow();
    expect(() => payForMinutes(1.5, 1500)).toThrow();
  });

  it("a whole-life price's annual equivalent: × 12 ÷ term, exact, rounded half up to the penny once", () => {
    expect(annualEquivalentPence(129_000_000n, 36)).toBe(43_000_000n);
    expect(annualEquivalentPence(1_375_000_000n, 60)).toBe(275_000_000n);
    // £1.00 over 7 months = 171.428…p a year → 171p; 1p over 24 months = 0.5p → 1p (half up); 1p over 25 months = 0.48p → 0p.
    expect(annualEquivalentPence(100n, 7)).toBe(171n);
    expect(annualEquivalentPence(1n, 24)).toBe(1n);
    expect(annualEquivalentPence(1n, 25)).toBe(0n);
    // Rounded once from the exact value, not from a rounded monthly price: £1,000,000.01 over 36 months.
    expect(annualEquivalentPence(100_000_001n, 36)).toBe(33_333_334n);
    // Exact beyond 2^53.
    expect(annualEquivalentPence(900719925474099312n, 12)).toBe(900719925474099312n);
    expect(() => annualEquivalentPence(100n, 0)).toThrow(RangeError);
    expect(() => annualEquivalentPence(100n, 1.5)).toThrow(RangeError);
    expect(() => annualEquivalentPence(-1n, 12)).toThrow(RangeError);
    expect(describeWholeLifePrice(129_000_000n, 36)).toBe("£1,290,000.00 for the full 36-month term (£430,000.00 a year)");
    expect(describeWholeLifePrice("45800000", 24)).toBe("£458,000.00 for the full 24-month term (£229,000.00 a year)");
    expect(describeWholeLifePrice(129_000_000n, null)).toBe("£1,290,000.00 for the full contract term");
  });
});
