// Issue 14: the database keeps its own check on scores (a last line of
// defence), and this holds it to the one scale in src/domain/score-scale.ts:
// change the scale and this fails until a migration changes the constraints.
import { describe, expect, it } from "vitest";
import { SCORE_MAX, SCORE_MIN } from "@/domain/score-scale";
import { db } from "@/server/db";

const bounds = (definition: string, column: string) => {
  const low = new RegExp(`\\(?"?${column}"?\\s*>=\\s*(\\d+)\\)`).exec(definition);
  const high = new RegExp(`\\(?"?${column}"?\\s*<=\\s*(\\d+)\\)`).exec(definition);
  return [Number(low?.[1]), Number(high?.[1])];
};

describe("the database's score checks", () => {
  it("allow exactly the domain's scale", async () => {
    const rows = await db.$queryRaw<{ name: string; definition: string }[]>`
      SELECT conname AS "name", pg_get_constraintdef(oid) AS "definition" FROM pg_constraint
      WHERE conname IN ('Score_score_check', 'ScoreRevision_scores_check') ORDER BY conname`;
    expect(rows.map((r) => r.name)).toEqual(["ScoreRevision_scores_check", "Score_score_check"]);
    const [revision, score] = rows.map((r) => r.definition) as [string, string];
    expect(bounds(score, "score")).toEqual([SCORE_MIN, SCORE_MAX]);
    expect(bounds(revision, "previousScore")).toEqual([SCORE_MIN, SCORE_MAX]);
    expect(bounds(revision, "newScore")).toEqual([SCORE_MIN, SCORE_MAX]);
  });
});
