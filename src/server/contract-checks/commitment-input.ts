import "server-only";
import { randomUUID } from "node:crypto";
import {
  MEASURE_DIRECTIONS,
  MEASURE_UNITS,
  REPORTING_FREQUENCIES,
  parseMeasureValue,
  type MeasureDirection,
  type MeasureUnit,
  type ReportingFrequency,
} from "@/domain/contract-checks";
import { contentHash } from "../content-hash";
import type { Tx } from "../db";
import { Invalid } from "../errors";
import { isId } from "../ids";

/** At most this many measures in one version (the form shows the current ones and a few empty rows). */
export const MAX_MEASURES = 20;
const MAX_NAME = 200;

/** One row of the commitments form, as typed. A row left empty is ignored. */
export interface MeasureRowInput {
  key?: string;
  name?: string;
  target?: string;
  unit?: string;
  direction?: string;
  frequency?: string;
  themeId?: string;
}

export interface MeasureContent {
  key: string;
  position: number;
  name: string;
  target: number;
  unit: MeasureUnit;
  direction: MeasureDirection;
  frequency: ReportingFrequency;
  themeId: string | null;
}

const field = (i: number, name: string) => `measures.${i}.${name}`;
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | null => list.find((x) => x === value) ?? null;

/**
 * Checks the rows: each filled row needs a name (unique in the version), a unit,
 * a direction and a target in the unit's range; the theme must be one of the
 * shaping themes of the contract's tender. Errors are keyed by row and field.
 */
export async function parseMeasures(
  tx: Tx,
  shapingStageId: string | null,
  rows: MeasureRowInput[],
  previousKeys: ReadonlySet<string>,
): Promise<MeasureContent[]> {
  if (rows.length > MAX_MEASURES * 2) throw new Invalid({ "measures.0.name": `A contract can have at most ${MAX_MEASURES} measures` });
  const themeIds = shapingStageId
    ? new Set((await tx.shapingTheme.findMany({ where: { stageId: shapingStageId }, select: { id: true } })).map((t) => t.id))
    : new Set<string>();
  const errors: Record<string, string> = {};
  const measures: MeasureContent[] = [];
  const names = new Set<string>();
  const keys = new Set<string>();
  rows.forEach((row, i) => {
    const name = (row.name ?? "").trim().replace(/\s+/g, " ");
    const filled = name !== "" || (row.target ?? "").trim() !== "";
    if (!filled) return;
    if (!name) errors[field(i, "name")] = "Enter the measure's name";
    else if (name.length > MAX_NAME) errors[field(i, "name")] = `Must be ${MAX_NAME} characters or fewer`;
    else if (names.has(name.toLowerCase())) errors[field(i, "name")] = "Another measure has this name";
    names.add(name.toLowerCase());
    const unit = oneOf(MEASURE_UNITS, row.unit);
    if (!unit) errors[field(i, "unit")] = "Choose the unit";
    const direction = unit === "YES_NO" ? "AT_LEAST" : oneOf(MEASURE_DIRECTIONS, row.direction);
    if (!direction) errors[field(i, "direction")] = "Choose whether the value should be at least or at most the target";
    const frequency = oneOf(REPORTING_FREQUENCIES, row.frequency || "QUARTERLY");
    if (!frequency) errors[field(i, "frequency")] = "Choose how often it is reported";
    let target = 0;
    if (unit) {
      const parsed = parseMeasureValue(unit, row.target ?? "");
      if ("error" in parsed) errors[field(i, "target")] = parsed.error;
      else target = parsed.value;
    }
    const themeId = row.themeId ? row.themeId : null;
    if (themeId !== null && !themeIds.has(themeId)) errors[field(i, "themeId")] = "Choose a theme from the list";
    // A row that came from the previous version keeps its key (charts follow the measure across versions).
    const key = row.key && isId(row.key) && previousKeys.has(row.key) && !keys.has(row.key) ? row.key : randomUUID();
    keys.add(key);
    if (unit && direction && frequency) {
      measures.push({ key, position: measures.length + 1, name, target, unit, direction, frequency, themeId });
    }
  });
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  if (measures.length === 0) throw new Invalid({ [field(0, "name")]: "Add at least one measure" });
  if (measures.length > MAX_MEASURES) throw new Invalid({ [field(0, "name")]: `A contract can have at most ${MAX_MEASURES} measures` });
  return measures;
}

/** What each signer binds to: the contract, the version number and every measure as stored. */
export function commitmentsHash(contractId: string, version: number, measures: MeasureContent[]): string {
  return contentHash({
    contractId,
    version,
    measures: measures.map(({ key, position, name, target, unit, direction, frequency, themeId }) => ({
      key,
      position,
      name,
      target,
      unit,
      direction,
      frequency,
      themeId,
    })),
  });
}

/** The same measures (their keys aside): did anything change? */
export function sameMeasures(a: MeasureContent[], b: MeasureContent[]): boolean {
  const strip = (m: MeasureContent[]) => m.map((x) => [x.position, x.name, x.target, x.unit, x.direction, x.frequency, x.themeId]);
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
