// What young people shaped, as every later stage of a tender shows it (issue 24, "everywhere after"): how many took
// part, said without ever letting a small number of anonymous answers be worked out. Pure.
import { privateCount, SMALL_COUNT_THRESHOLD } from "./shaping-stage";

/** Who took part in shaping a service. Only checked, accepted answers count. */
export interface ShapingParticipation {
  /** Young people in the focus groups and workshops (as the facilitators recorded them). */
  focusGroups: number;
  focusGroupSessions: number;
  /** Young people who answered the anonymous form (one per code) and whose answer was accepted. */
  anonymous: number;
  /** Young commissioners who took part (accepted members of the stage). */
  youngCommissioners: number;
}

/**
 * How many young people took part, in words. The anonymous answers are a breakdown: with fewer than 5 of them the
 * total is a range, or the others' known figures would give their exact number away.
 */
export function youngPeopleTookPart(p: ShapingParticipation): string {
  const known = p.focusGroups + p.youngCommissioners;
  const total = known + p.anonymous;
  if (p.anonymous > 0 && p.anonymous < SMALL_COUNT_THRESHOLD)
    return `Between ${known + 1} and ${known + SMALL_COUNT_THRESHOLD - 1} young people took part`;
  return `${total} young ${total === 1 ? "person" : "people"} took part`;
}

/** The same breakdown in short parts: "17 in 2 focus groups", "11 answered a short form", "4 young commissioners". */
export function participationParts(p: ShapingParticipation): string[] {
  const parts: string[] = [];
  if (p.focusGroupSessions > 0)
    parts.push(`${p.focusGroups} in ${p.focusGroupSessions === 1 ? "a focus group" : `${p.focusGroupSessions} focus groups or workshops`}`);
  if (p.anonymous > 0) parts.push(`${privateCount(p.anonymous)} answered a short form without giving their name`);
  if (p.youngCommissioners > 0) parts.push(`${p.youngCommissioners} young commissioner${p.youngCommissioners === 1 ? "" : "s"}`);
  return parts;
}

/**
 * A count for open data: published as it is from 5 up (and 0, which says nothing about anyone); 1 to 4 is left out
 * (undefined), as "fewer than 5" is on the portal's pages.
 */
export function openCount(count: number): number | undefined {
  return count === 0 || count >= SMALL_COUNT_THRESHOLD ? count : undefined;
}

/** "1st", "2nd", "3rd", "4th" … for a theme's place. */
export function ordinal(place: number): string {
  const tens = place % 100;
  if (tens >= 11 && tens <= 13) return `${place}th`;
  return `${place}${["th", "st", "nd", "rd"][place % 10] ?? "th"}`;
}
