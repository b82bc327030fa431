// Money is integer pence everywhere; pounds exist only at the edges (forms,
// pages, letters, exports).

/** 123456789 → "£1,234,567.89". Exact for any bigint. */
export function formatPence(pence: number | bigint): string {
  const value = BigInt(pence);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const pounds = abs / 100n;
  const rest = abs % 100n;
  const grouped = pounds.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}£${grouped}.${rest.toString().padStart(2, "0")}`;
}

/** Pence → "1234.50", for refilling a form field. */
export function penceToPoundsInput(pence: number | bigint | null | undefined): string {
  if (pence === null || pence === undefined) return "";
  const value = BigInt(pence);
  return `${value / 100n}.${(value % 100n).toString().padStart(2, "0")}`;
}

export type ParsedPounds = { ok: true; pence: number } | { ok: false; message: string };

/**
 * What a person types → pence. Accepts "1500", "1,500.5", "£1,500.50" and
 * surrounding spaces; refuses negatives, more than 2 decimal places, anything
 * non-numeric and amounts above `maxPounds`.
 */
export function parsePounds(input: string, maxPounds = 10_000_000_000): ParsedPounds {
  const cleaned = input
    .normalize("NFKC")
    .trim()
    .replace(/^£\s*/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (cleaned === "") return { ok: false, message: "Enter an amount in pounds" };
  if (cleaned.startsWith("-")) return { ok: false, message: "Amount must be £0 or more" };
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return { ok: false, message: "Enter an amount in pounds and pence, like 1500 or 1,500.50" };
  const pounds = BigInt(match[1]!);
  if (pounds > BigInt(maxPounds)) return { ok: false, message: `Amount must be ${formatPence(BigInt(maxPounds) * 100n)} or less` };
  const pence = pounds * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
  return { ok: true, pence: Number(pence) };
}

/**
 * Pay for time worked: minutes × hourly rate ÷ 60, rounded half up to the
 * nearest penny once, from the exact value.
 */
export function payForMinutes(minutes: number, hourlyRatePence: number): number {
  if (!Number.isInteger(minutes) || minutes < 0) throw new Error("minutes must be a whole number ≥ 0");
  if (!Number.isInteger(hourlyRatePence) || hourlyRatePence < 0) throw new Error("hourly rate must be whole pence ≥ 0");
  const numerator = BigInt(minutes) * BigInt(hourlyRatePence);
  return Number((numerator * 2n + 60n) / 120n);
}

/**
 * The one meaning of a bid's price, in the words the Value criterion, the bid
 * form, the outcome letters and the award pages all use: the whole-life price
 * for the full contract term (what tender.value and the published award and
 * contract values are), never a price per year.
 */
export const WHOLE_LIFE_PRICE = "The total price for the contract: the whole-life price for the full contract term, not a price per year.";

/** "The total price…" → "the total price…", for the same words inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * A whole-life price for a term of `termMonths` months as a year's equivalent:
 * whole-life × 12 ÷ term, from the exact value, rounded half up to the penny once.
 */
export function annualEquivalentPence(wholeLifePence: bigint | number | string, termMonths: number): bigint {
  if (!Number.isInteger(termMonths) || termMonths < 1) throw new RangeError("The term must be a whole number of months, at least 1");
  const pence = BigInt(wholeLifePence);
  if (pence < 0n) throw new RangeError("A price is £0 or more");
  const term = BigInt(termMonths);
  return (pence * 12n * 2n + term) / (term * 2n);
}

/** "£1,290,000.00 for the full 36-month term (£430,000.00 a year)"; without a term, the whole-life price alone. */
export function describeWholeLifePrice(wholeLifePence: bigint | number | string, termMonths: number | null | undefined): string {
  const whole = formatPence(BigInt(wholeLifePence));
  if (!termMonths || termMonths < 1) return `${whole} for the full contract term`;
  return `${whole} for the full ${termMonths}-month term (${formatPence(annualEquivalentPence(wholeLifePence, termMonths))} a year)`;
}
