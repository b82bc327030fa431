// CPV codes on a tender: chosen from the vendored list (cpv-health-services.ts),
// typed or picked as "85142100 Physiotherapy services". Pure.
import { CPV_HEALTH_SERVICES } from "./cpv-health-services";

const LABELS = new Map<string, string>(CPV_HEALTH_SERVICES.map(([code, label]) => [code, label]));

/** The most codes a tender carries: a main code and up to two more. */
export const MAX_CPV_CODES = 3;

/** "85142100" → "Physiotherapy services" (null for a code not on the list). */
export function cpvLabel(code: string): string | null {
  return LABELS.get(code) ?? null;
}

/** What the form shows for a code, and what picking it from the list types: "85142100 Physiotherapy services". */
export function cpvOption(code: string): string {
  return `${code} ${LABELS.get(code) ?? ""}`.trim();
}

export type ParsedCpv = { ok: true; code: string } | { ok: false; message: string };

/**
 * A CPV code as typed or picked: its 8 digits first (a check digit after a
 * hyphen, and the label after them, are ignored), and it must be on the list
 * of health and social work services.
 */
export function parseCpv(raw: string): ParsedCpv {
  const m = /^\s*(\d{8})(?:-\d)?(?:\s.*)?$/s.exec(raw);
  if (!m) return { ok: false, message: "Enter a CPV code from the list: 8 digits, like 85100000 (Health services)" };
  const code = m[1]!;
  if (!LABELS.has(code))
    return { ok: false, message: `${code} is not a health or social work services code (CPV codes starting 85): choose one from the list` };
  return { ok: true, code };
}

/**
 * OCDS tender.items for the codes: one item for the service, classified by
 * its main code (scheme CPV), the others as additional classifications.
 */
export function cpvItems(codes: readonly string[], description: string): Record<string, unknown>[] {
  if (codes.length === 0) return [];
  const classification = (code: string) => ({ scheme: "CPV", id: code, description: LABELS.get(code) ?? code });
  const [main, ...others] = codes;
  return [
    {
      id: "1",
      description,
      classification: classification(main!),
      ...(others.length > 0 ? { additionalClassifications: others.map(classification) } : {}),
    },
  ];
}
