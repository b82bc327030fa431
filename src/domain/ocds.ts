// Open Contracting Data Standard 1.1: the codelists this portal uses, money
// without float drift, and merging releases into a compiled release. Pure.
import type { AggregationRule } from "./scoring";
import { SCORE_MAX, SCORE_MIN } from "./score-scale";

/** The release tags the portal publishes, one per public event. */
export type OcdsTag = "tender" | "tenderUpdate" | "award" | "awardUpdate" | "contract" | "implementation" | "tenderCancellation";

/** OCDS Value.amount from integer pence, exactly: the decimal is written from the digits, never divided. */
export function penceToAmount(pence: bigint | number | string): number {
  const p = BigInt(pence);
  const negative = p < 0n;
  const digits = (negative ? -p : p).toString().padStart(3, "0");
  // A double holds every decimal of up to 15 significant digits exactly (and
  // JSON.stringify writes it back the same): up to £9,999,999,999,999.99.
  if (digits.length > 15) throw new RangeError(`${pence} pence is too large to publish exactly as an OCDS amount`);
  const decimal = `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return Number(decimal);
}

export function gbp(pence: bigint | number | string): { amount: number; currency: "GBP" } {
  return { amount: penceToAmount(pence), currency: "GBP" };
}

/** method codelist (closed): PSR competitive process is advertised to every provider; the other routes are direct. */
export function procurementMethod(route: string): "open" | "direct" {
  return route === "PSR_COMPETITIVE_PROCESS" ? "open" : "direct";
}

export const PROCUREMENT_ROUTE_DETAILS: Record<string, string> = {
  PSR_COMPETITIVE_PROCESS:
    "Provider Selection Regime (Health Care Services (Provider Selection Regime) Regulations 2023): competitive process",
  PSR_MOST_SUITABLE_PROVIDER: "Provider Selection Regime: most suitable provider process",
  PSR_DIRECT_AWARD_C: "Provider Selection Regime: direct award process C",
};

/** tenderStatus codelist (closed) for a release of the given tag. */
export function tenderStatusFor(tag: OcdsTag): "active" | "complete" | "cancelled" {
  if (tag === "tenderCancellation") return "cancelled";
  if (tag === "contract" || tag === "implementation") return "complete";
  return "active";
}

const SCALE = `${SCORE_MIN}–${SCORE_MAX}`;
/** Each rule as the published award criteria say it (a new rule does not compile until it is here). */
const OCDS_RULE_METHOD: Record<AggregationRule, string> = {
  EQUAL_VOTES: `Each quality criterion is scored ${SCALE} by the panel; the score is the mean of every panel member's vote, each vote weighing the same.`,
  PANEL_PARITY: `Each quality criterion is scored ${SCALE} by the panel; the score is the mean of the young commissioners' mean and the commissioners' mean (panel parity).`,
};

/** "Quality 50%; Working together 30%; Price 20% (scored by formula: …)". */
export function awardCriteriaDetails(criteria: { name: string; weight: number; kind: string }[], rule: AggregationRule): string {
  const list = criteria
    .map(
      (c) =>
        `${c.name} ${c.weight}%${c.kind === "PRICE" ? " (price, scored by formula: lowest compliant price ÷ this bid's price × 5)" : ""}`,
    )
    .join("; ");
  return `Weights: ${list}. ${OCDS_RULE_METHOD[rule]} Weighted total out of 100 = sum of weight × criterion score ÷ ${SCORE_MAX}.`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Compiles releases (oldest first) into the current state, per the OCDS
 * merging rules: objects merge field by field, a later value replaces an
 * earlier one, arrays of objects with an `id` merge item by item on that id,
 * other arrays are replaced whole; a null removes the field. The compiled
 * release gets its own id, the newest date and the tag "compiled".
 */
export function compileReleases(ocid: string, releases: Record<string, Json>[]): Record<string, Json> {
  let merged: Record<string, Json> = {};
  for (const r of releases) {
    // id, date and tag describe one release (omitWhenMerged), not the process.
    const rest = Object.fromEntries(Object.entries(r).filter(([k]) => k !== "id" && k !== "date" && k !== "tag"));
    merged = mergeObject(merged, rest);
  }
  const last = releases.at(-1);
  return { ...merged, ocid, id: `${ocid}-compiled`, date: last?.date ?? null, tag: ["compiled"] };
}

function mergeObject(a: Record<string, Json>, b: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === null) delete out[k];
    else out[k] = mergeValue(out[k], v);
  }
  return out;
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v);
const hasIds = (v: Json[]) => v.length > 0 && v.every((x) => isObject(x) && (typeof x.id === "string" || typeof x.id === "number"));

function mergeValue(a: Json | undefined, b: Json): Json {
  if (isObject(a) && isObject(b)) return mergeObject(a, b);
  if (Array.isArray(a) && Array.isArray(b) && hasIds(a) && hasIds(b)) {
    const out = [...a] as { [key: string]: Json }[];
    for (const item of b as { [key: string]: Json }[]) {
      const at = out.findIndex((x) => String(x.id) === String(item.id));
      if (at >= 0) out[at] = mergeObject(out[at]!, item);
      else out.push(item);
    }
    return out;
  }
  return b;
}
