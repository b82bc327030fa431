import "server-only";
import { SCORE_RANGE_MESSAGE, scoreFromText } from "@/domain/score-scale";
import { Invalid } from "../errors";

/** What each point of the scale (domain/score-scale.ts) means, for the score fields; a unit test holds them to the scale. */
export const SCORE_DESCRIPTORS = [
  { score: 0, label: "No response or unacceptable", plain: "Nothing useful, or not OK at all" },
  { score: 1, label: "Very poor", plain: "Very poor: big problems" },
  { score: 2, label: "Poor", plain: "Poor: some good bits, lots missing" },
  { score: 3, label: "Satisfactory", plain: "OK: does what is needed" },
  { score: 4, label: "Good", plain: "Good: clear and convincing" },
  { score: 5, label: "Excellent", plain: "Excellent: the best it could be" },
] as const;

/** A score as typed: a whole number on the scale (domain/score-scale.ts). Null when left empty (drafts). */
export function parseScore(value: string | undefined, field: string): number | null {
  const v = (value ?? "").trim();
  if (v === "") return null;
  const score = scoreFromText(v);
  if (score === null) throw new Invalid({ [field]: SCORE_RANGE_MESSAGE });
  return score;
}

/**
 * "At least a sentence": a few words, not just "ok". `criterion` names the criterion when one form has a reason per
 * criterion, so the error summary's links say which is which (not "Write a reason for your score" three times).
 */
export function reasonProblem(reason: string, criterion?: string): string | null {
  const text = reason.trim();
  const on = criterion ? ` on “${criterion}”` : "";
  if (!text) return `Write a reason for your score${on}`;
  if (text.split(/\s+/u).length < 3 || text.length < 15) return `Write at least one full sentence explaining your score${on}`;
  if (text.length > 5000) return "Reason must be 5,000 characters or fewer";
  return null;
}
