// The panel's score scale, once: every quality score is a whole number from
// SCORE_MIN to SCORE_MAX. The scoring maths (scoring.ts), the input parsers
// (server/evaluation/score-input.ts, used by scoring and moderation) and the
// database's check constraints all follow it; tests/integration/score-scale.test.ts
// holds the constraints to these numbers.

export const SCORE_MIN = 0;
export const SCORE_MAX = 5;

/** Said next to a score field that is not on the scale. */
export const SCORE_RANGE_MESSAGE = `Choose a score from ${SCORE_MIN} to ${SCORE_MAX}`;

export function isOnScale(score: number): boolean {
  return Number.isInteger(score) && score >= SCORE_MIN && score <= SCORE_MAX;
}

/** A score as typed ("3", " 4 "): the number when it is a whole number on the scale, otherwise null. */
export function scoreFromText(text: string): number | null {
  const v = text.trim();
  const n = Number(v);
  // Written plainly: no sign, decimals, exponent or leading zero.
  return /^\d+$/.test(v) && String(n) === v && isOnScale(n) ? n : null;
}
