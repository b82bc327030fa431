import { describe, expect, it } from "vitest";
import {
  formatCountdown,
  formatLondon,
  formatLondonStamp,
  londonDateKey,
  LondonTimeError,
  parseLondonDateTime,
  toLondonInputValues,
  utcDateKey,
} from "@/domain/london-time";

describe("London time", () => {
  it("stamps audit events to the second in London time, GMT in winter and BST in summer", () => {
    expect(formatLondonStamp(new Date("2026-12-19T09:00:05.999Z"))).toBe("2026-12-19 09:00:05");
    expect(formatLondonStamp(new Date("2026-07-01T23:30:00.000Z"))).toBe("2026-07-02 00:30:00");
  });

  it("formats in GMT in winter and BST in summer", () => {
    expect(formatLondon(new Date("2026-11-24T17:00:00Z"), "dateTime")).toBe("24 November 2026, 5:00pm");
    expect(formatLondon(new Date("2026-07-01T16:00:00Z"), "dateTime")).toBe("1 July 2026, 5:00pm");
    expect(formatLondon(new Date("2026-07-01T11:00:00Z"), "time")).toBe("12pm (midday)");
    expect(formatLondon(new Date("2026-11-24T17:00:00Z"), "weekdayDate")).toBe("Tuesday 24 November 2026");
  });

  it("the London calendar day differs from UTC's late on a summer evening", () => {
    expect(londonDateKey(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonDateKey(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });

  it("parses a London wall-clock time to the right UTC instant across the clock changes", () => {
    expect(parseLondonDateTime("2026-12-18", "17:00").toISOString()).toBe("2026-12-18T17:00:00.000Z");
    expect(parseLondonDateTime("2026-07-01", "17:00").toISOString()).toBe("2026-07-01T16:00:00.000Z");
    expect(parseLondonDateTime("2026-03-29", "00:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(parseLondonDateTime("2026-03-29", "02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 25 October 2026, 01:30 happens twice; the first (BST) is used.
    expect(parseLondonDateTime("2026-10-25", "01:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(toLondonInputValues(parseLondonDateTime("2026-07-01", "09:05"))).toEqual({ date: "2026-07-01", time: "09:05" });
  });

  it("refuses dates and times that do not exist", () => {
    expect(() => parseLondonDateTime("2026-02-30", "12:00")).toThrow(LondonTimeError);
    expect(() => parseLondonDateTime("2026-13-01", "12:00")).toThrow("Enter a real date");
    expect(() => parseLondonDateTime("2026-03-29", "01:30")).toThrow(/clocks go forward/);
    expect(() => parseLondonDateTime("2026-03-01", "24:00")).toThrow("Enter a real time, like 17:00");
    expect(() => parseLondonDateTime("tomorrow", "noon")).toThrow(LondonTimeError);
  });

  it("counts down to a deadline", () => {
    const deadline = new Date("2026-12-18T17:00:00Z");
    expect(formatCountdown(deadline, new Date("2026-12-15T13:00:00Z"))).toBe("3 days 4 hours left");
    expect(formatCountdown(deadline, new Date("2026-12-18T16:15:00Z"))).toBe("45 minutes left");
    expect(formatCountdown(deadline, new Date("2026-12-18T15:59:00Z"))).toBe("1 hour 1 minute left");
    expect(formatCountdown(deadline, new Date("2026-12-18T16:59:00Z"))).toBe("1 minute left");
    // The last minute, up to and including the deadline instant (bids are still on time then).
    expect(formatCountdown(deadline, new Date("2026-12-18T16:59:00.001Z"))).toBe("less than a minute left");
    expect(formatCountdown(deadline, new Date("2026-12-18T16:59:59.999Z"))).toBe("less than a minute left");
    expect(formatCountdown(deadline, deadline)).toBe("less than a minute left");
    expect(formatCountdown(deadline, new Date("2026-12-18T17:00:00.001Z"))).toBe("Closed");
  });

  // London's parts are worked out once per UTC hour (the clocks change only on
  // the hour): they must match Intl's own reading of every instant.
  it("reads the same wall-clock time as Intl on every clock change 1972–2040 and at random instants", () => {
    const intl = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    const expected = (d: Date) => {
      const p = Object.fromEntries(intl.formatToParts(d).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
    };
    const instants: Date[] = [new Date("1969-07-20T20:17:40Z"), new Date("1971-10-31T02:30:00Z")];
    // Around the last Sundays of March and October each year (and the 1970s' own rules), minute by minute near each change.
    for (let year = 1972; year <= 2040; year++)
      for (const month of [2, 9, 3, 10])
        for (let day = 15; day <= 31; day++) {
          // The clocks change on a Sunday.
          if (new Date(Date.UTC(year, month, day)).getUTCDay() !== 0) continue;
          for (const minutes of [-61, -1, 0, 1, 59, 60, 61, 119, 120, 121])
            instants.push(new Date(Date.UTC(year, month, day, 1, 0, 0) + minutes * 60_000 + 999));
        }
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2;
    for (let i = 0; i < 2000; i++) instants.push(new Date(Date.UTC(1970, 0, 1) + random() * Date.UTC(2045, 0, 1)));
    for (const d of instants) {
      expect(formatLondonStamp(d), d.toISOString()).toBe(expected(d));
      expect(utcDateKey(d)).toBe(d.toISOString().slice(0, 10));
    }
    for (const iso of [
      "1900-02-28T23:59:59.999Z",
      "1600-02-29T00:00:00Z",
      "2000-02-29T12:00:00Z",
      "2100-03-01T00:00:00Z",
      "0001-01-01T00:00:00Z",
    ])
      expect(utcDateKey(new Date(iso))).toBe(iso.slice(0, 10));
    expect(() => utcDateKey(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatLondonStamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});
