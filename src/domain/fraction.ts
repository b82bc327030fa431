// Exact rational numbers (bigint numerator / denominator), so scores, totals
// and ranks never drift: 1/3 + 1/3 + 1/3 is exactly 1.

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Whole numbers up to 2^31: their sums and products below stay exact in doubles. */
const SMALL = 2 ** 31;
const SMALL_BIG = BigInt(SMALL);

export class Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;

  private constructor(numerator: bigint, denominator: bigint, reduced = false) {
    if (reduced) {
      this.numerator = numerator;
      this.denominator = denominator;
      return;
    }
    if (denominator === 0n) throw new RangeError("Division by zero");
    const sign = denominator < 0n ? -1n : 1n;
    const divisor = gcd(numerator, denominator) || 1n;
    this.numerator = (sign * numerator) / divisor;
    this.denominator = (sign * denominator) / divisor;
  }

  /**
   * The same value as Fraction.of(numerator, denominator) for whole numbers of
   * at most 2^31 (a cell's sums and counts of votes): reduced with number
   * arithmetic, which is exact there, instead of bigint division.
   */
  static ofSmall(numerator: number, denominator: number): Fraction {
    if (
      !Number.isInteger(numerator) ||
      !Number.isInteger(denominator) ||
      Math.abs(numerator) > SMALL ||
      denominator <= 0 ||
      denominator > SMALL
    )
      return Fraction.of(numerator, denominator);
    let x = Math.abs(numerator);
    let y = denominator;
    while (y !== 0) [x, y] = [y, x % y];
    const divisor = x || 1;
    return new Fraction(BigInt(numerator / divisor), BigInt(denominator / divisor), true);
  }

  static of(numerator: bigint | number, denominator: bigint | number = 1n): Fraction {
    if (typeof numerator === "number" && !Number.isInteger(numerator)) throw new RangeError("Fractions are built from integers");
    if (typeof denominator === "number" && !Number.isInteger(denominator)) throw new RangeError("Fractions are built from integers");
    return new Fraction(BigInt(numerator), BigInt(denominator));
  }

  static readonly ZERO = Fraction.of(0);

  /** Reads back what toString() wrote: "7", "-3" or "17/4". */
  static parse(text: string): Fraction {
    const m = /^(-?\d+)(?:\/(\d+))?$/.exec(text);
    if (!m) throw new RangeError(`Not a fraction: ${text}`);
    return new Fraction(BigInt(m[1]!), BigInt(m[2] ?? "1"));
  }

  add(other: Fraction): Fraction {
    return new Fraction(this.numerator * other.denominator + other.numerator * this.denominator, this.denominator * other.denominator);
  }

  sub(other: Fraction): Fraction {
    return new Fraction(this.numerator * other.denominator - other.numerator * this.denominator, this.denominator * other.denominator);
  }

  mul(other: Fraction): Fraction {
    return new Fraction(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  div(other: Fraction): Fraction {
    return new Fraction(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  compare(other: Fraction): -1 | 0 | 1 {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Fraction): boolean {
    return this.compare(other) === 0;
  }

  /** The mean of a non-empty list. */
  static mean(values: Fraction[]): Fraction {
    if (values.length === 0) throw new RangeError("The mean of nothing is undefined");
    return values.reduce((sum, v) => sum.add(v), Fraction.ZERO).div(Fraction.of(values.length));
  }

  /**
   * Rounded ONCE to 2 decimal places, half up (a value exactly halfway, like
   * 2.345, goes up to 2.35; 2.3449… goes down to 2.34). Negative values round
   * half away from zero. This is the only rounding in the scoring.
   */
  toFixed2(): string {
    if (this.numerator >= -SMALL_BIG && this.numerator <= SMALL_BIG && this.denominator <= SMALL_BIG) {
      // The same sums in numbers: every value below stays under 2^40, where
      // whole-number arithmetic in doubles is exact (a - a % b is a multiple of b).
      const n = Number(this.numerator);
      const d = Number(this.denominator);
      const a = Math.abs(n) * 200 + d;
      const hundredths = (a - (a % (2 * d))) / (2 * d);
      const rest = hundredths % 100;
      return `${n < 0 && hundredths !== 0 ? "-" : ""}${(hundredths - rest) / 100}.${rest < 10 ? "0" : ""}${rest}`;
    }
    const negative = this.numerator < 0n;
    const abs = negative ? -this.numerator : this.numerator;
    const hundredths = (abs * 200n + this.denominator) / (2n * this.denominator);
    const whole = hundredths / 100n;
    const rest = (hundredths % 100n).toString().padStart(2, "0");
    return `${negative && hundredths !== 0n ? "-" : ""}${whole}.${rest}`;
  }

  toString(): string {
    return this.denominator === 1n ? this.numerator.toString() : `${this.numerator}/${this.denominator}`;
  }

  /** For logs and charts only: never for comparisons or display of results. */
  toNumber(): number {
    return Number(this.numerator) / Number(this.denominator);
  }
}
