import { describe, expect, it } from "vitest";
import { addMonthsToDateKey, contractPeriod, termMonthsOf } from "@/domain/contract-period";
import { parseRegisterStatus, registerStatus } from "@/domain/contract-status";

describe("contract dates", () => {
  it("a term of N months ends the day before the same date N months on", () => {
    expect(contractPeriod("2027-04-01", 36, new Date("2026-12-31T23:59:59.999Z"))).toEqual({ start: "2027-04-01", end: "2030-03-31" });
  });

  it("starts the day after standstill when the planned start has passed or was never set", () => {
    // Standstill ends 23:59:59.999 BST on 15 July 2026 (22:59:59.999 UTC): the next London day is 16 July.
    expect(contractPeriod("2026-07-01", 12, new Date("2026-07-15T22:59:59.999Z"))).toEqual({ start: "2026-07-16", end: "2027-07-15" });
    expect(contractPeriod(null, null, new Date("2026-12-31T23:59:59.999Z"))).toEqual({ start: "2027-01-01", end: "2027-12-31" });
  });

  it("adding months keeps to the last day of a shorter month", () => {
    expect(addMonthsToDateKey("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonthsToDateKey("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonthsToDateKey("2026-11-25", 12)).toBe("2027-11-25");
  });
});

describe("register status", () => {
  const today = "2026-11-25";
  it("active, expiring within 12 months, ended, terminated", () => {
    expect(registerStatus("ACTIVE", "2027-11-26", today)).toBe("ACTIVE");
    expect(registerStatus("ACTIVE", "2027-11-25", today)).toBe("EXPIRING");
    expect(registerStatus("ACTIVE", "2026-11-25", today)).toBe("EXPIRING"); // its last day is today
    expect(registerStatus("ACTIVE", "2026-11-24", today)).toBe("ENDED");
    expect(registerStatus("ENDED", "2030-01-01", today)).toBe("ENDED");
    expect(registerStatus("TERMINATED", "2030-01-01", today)).toBe("TERMINATED");
    // Not started before its first day; active from it.
    expect(registerStatus("ACTIVE", "2029-12-31", today, "2027-01-01")).toBe("NOT_STARTED");
    expect(registerStatus("ACTIVE", "2029-12-31", today, "2026-11-26")).toBe("NOT_STARTED");
    expect(registerStatus("ACTIVE", "2029-12-31", today, today)).toBe("ACTIVE");
  });
});

describe("the register's status filter from a query string", () => {
  it("accepts the four statuses and nothing else, not even an object's own property names", () => {
    expect(["ACTIVE", "EXPIRING", "ENDED", "TERMINATED"].map(parseRegisterStatus)).toEqual(["ACTIVE", "EXPIRING", "ENDED", "TERMINATED"]);
    for (const value of [undefined, "", "active", "constructor", "toString", "__proto__", ["ACTIVE"], 1]) {
      expect(parseRegisterStatus(value)).toBeUndefined();
    }
  });

  it("a contract's term in whole months, back from its dates (the reverse of contractPeriod)", () => {
    expect(termMonthsOf("2027-04-01", "2030-03-31")).toBe(36);
    expect(termMonthsOf("2027-01-31", "2027-02-27")).toBe(1);
    expect(termMonthsOf("2028-02-29", "2029-02-27")).toBe(12);
    for (const [start, months] of [
      ["2027-04-01", 36],
      ["2026-12-09", 24],
      ["2027-01-31", 60],
      ["2027-08-31", 1],
    ] as const) {
      const period = contractPeriod(start, months, new Date("2026-01-01T00:00:00Z"));
      expect(termMonthsOf(period.start, period.end), `${start} + ${months}`).toBe(months);
    }
    expect(termMonthsOf("2027-04-01", "2027-04-15")).toBeNull();
    expect(termMonthsOf("2027-04-01", "2030-04-01")).toBeNull();
  });
});
