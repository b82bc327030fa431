import { describe, expect, it } from "vitest";
import { formatPence, parsePounds, payForMinutes, penceToPoundsInput } from "@/domain/money";

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
});
