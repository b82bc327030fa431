// The exact fractions behind every score. Issue 28 gave them number fast paths
// (a cell's means reduced with number arithmetic, rounding for display without
// bigint division): each must give exactly what the bigint path gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Fraction } from "@/domain/fraction";

/** The rounding rule, written out in bigints: half up, 2 decimal places, half away from zero below 0. */
function reference(n: bigint, d: bigint): string {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const hundredths = (abs * 200n + d) / (2n * d);
  return `${negative && hundredths !== 0n ? "-" : ""}${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}`;
}

describe("Fraction", () => {
  it("ofSmall is the same value, reduced the same way, as of()", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.integer({ min: 1, max: 2 ** 31 }), (n, d) => {
        const fast = Fraction.ofSmall(n, d);
        const slow = Fraction.of(n, d);
        expect([fast.numerator, fast.denominator]).toEqual([slow.numerator, slow.denominator]);
      }),
      { numRuns: 2000 },
    );
    // Outside the fast path's range it falls back to the bigint path.
    expect(Fraction.ofSmall(2 ** 40, 6).toString()).toBe(Fraction.of(2 ** 40, 6).toString());
    expect(Fraction.ofSmall(3, -6).toString()).toBe("-1/2");
    expect(() => Fraction.ofSmall(1, 0)).toThrow(RangeError);
  });

  it("rounds once, half up, to 2 decimal places, exactly as the bigint rule does, small and huge", () => {
    const small = fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.integer({ min: 1, max: 2 ** 31 }));
    fc.assert(
      fc.property(small, ([n, d]) => {
        const f = Fraction.of(n, d);
        expect(f.toFixed2()).toBe(reference(f.numerator, f.denominator));
      }),
      { numRuns: 5000 },
    );
    const huge = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }));
    fc.assert(
      fc.property(huge, ([n, d]) => {
        const f = Fraction.of(n, d);
        expect(f.toFixed2()).toBe(reference(f.numerator, f.denominator));
      }),
      { numRuns: 2000 },
    );
  });

  it("halfway values go up, just-below values go down, and a tiny negative is 0.00", () => {
    expect(Fraction.of(2345, 1000).toFixed2()).toBe("2.35");
    expect(Fraction.of(23449, 10000).toFixed2()).toBe("2.34");
    expect(Fraction.of(-2345, 1000).toFixed2()).toBe("-2.35");
    expect(Fraction.of(-1, 1000).toFixed2()).toBe("0.00");
    expect(Fraction.of(1, 3).toFixed2()).toBe("0.33");
    expect(Fraction.of(2, 3).toFixed2()).toBe("0.67");
    expect(Fraction.of(5).toFixed2()).toBe("5.00");
    expect(Fraction.of(1999, 200).toFixed2()).toBe("10.00");
    expect(Fraction.of(2 ** 31, 1).toFixed2()).toBe("2147483648.00");
  });
});
