// Gathering views (issue 24): the limits and checks of the stage's set-up, its questions, young commissioners'
// answers and focus groups. Pure: "today" is always passed in, as a London calendar day "YYYY-MM-DD".

import type { ShapingStatus } from "./shaping-stage";

export const PURPOSE_MAX = 2_000;
export const QUESTION_TEXT_MAX = 300;
export const EASY_READ_MAX = 200;
export const MIN_QUESTIONS = 1;
export const MAX_QUESTIONS = 10;
/** A young commissioner's answer to one question, in the portal. */
export const ANSWER_MAX = 2_000;
/** What was said in a focus group, one view. */
export const SESSION_VIEW_MAX = 2_000;
/** Views per question recorded from one session. */
export const SESSION_VIEWS_PER_QUESTION_MAX = 20;
export const SETTING_MAX = 200;
export const PARTICIPANTS_MIN = 1;
export const PARTICIPANTS_MAX = 500;
/** How far ahead gathering may be planned: a year from today. */
export const GATHERING_HORIZON_DAYS = 366;

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day "YYYY-MM-DD" (refuses 30 February), or null. */
export function parseDateKey(value: string): string | null {
  const m = DATE_KEY.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return value.trim();
}

/** Days from `a` to `b` (calendar days, both "YYYY-MM-DD"). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The problems with the gathering dates, by field (empty: they are fine). `today` is London's calendar day. */
export function gatheringDateProblems(from: string, until: string, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const f = parseDateKey(from);
  const u = parseDateKey(until);
  if (!from.trim()) problems.gatheringFrom = "Enter the first day of gathering views";
  else if (!f) problems.gatheringFrom = "Enter a real date for the first day, like 2027-01-18";
  else if (f < today) problems.gatheringFrom = "The first day of gathering views cannot be in the past";
  else if (daysBetween(today, f) > GATHERING_HORIZON_DAYS) problems.gatheringFrom = "The first day must be within a year from today";
  if (!until.trim()) problems.gatheringUntil = "Enter the last day of gathering views";
  else if (!u) problems.gatheringUntil = "Enter a real date for the last day, like 2027-02-12";
  else if (f && u < f) problems.gatheringUntil = "The last day must be the same as or after the first day";
  else if (daysBetween(today, u) > GATHERING_HORIZON_DAYS) problems.gatheringUntil = "The last day must be within a year from today";
  return problems;
}

/** Why gathering cannot open yet (empty: it can). */
export function openGatheringProblems(stage: { questions: number; acceptedYoungCommissioners: number }): string[] {
  const problems: string[] = [];
  if (stage.questions < MIN_QUESTIONS) problems.push("Add at least one question.");
  if (stage.acceptedYoungCommissioners < 1) problems.push("At least one young commissioner must accept their invitation.");
  return problems;
}

/** The problem with a focus group's date (null: fine): within the gathering dates, and not in the future. */
export function sessionDateProblem(heldOn: string, window: { from: string; until: string }, today: string): string | null {
  const d = parseDateKey(heldOn);
  if (!heldOn.trim()) return "Enter the date the session was held";
  if (!d) return "Enter a real date, like 2027-01-20";
  if (d > today) return "The session date cannot be in the future";
  if (d < window.from || d > window.until) return "The session must be within the gathering dates";
  return null;
}

/** Where a list of questions can move one: "up" and "down" swap with the neighbour; null at either end. */
export function swapIndex(index: number, direction: "up" | "down", length: number): number | null {
  const to = direction === "up" ? index - 1 : index + 1;
  return to < 0 || to >= length ? null : to;
}

/** Who is looking at a stage, for "what to do next" (the page asks the policy for each). */
export interface StageViewer {
  manages: boolean;
  facilitates: boolean;
  contributes: boolean;
  /** A governor of its establishment: results only. */
  governs: boolean;
  invited: boolean;
}

export interface NextStepInput {
  status: ShapingStatus;
  questions: number;
  acceptedYoungCommissioners: number;
  /** Answers this viewer gave (young commissioners). */
  myAnswers: number;
  waitingChecks: number;
}

/** What to do next on a stage, for this person, in plain words (first line most important). */
export function stageNextSteps(viewer: StageViewer, s: NextStepInput): string[] {
  const steps: string[] = [];
  if (viewer.invited) steps.push("You are invited to take part. Say yes or no below.");
  switch (s.status) {
    case "PLANNING":
      if (viewer.manages) {
        steps.push("Check the questions: you can change them until gathering opens.");
        if (s.acceptedYoungCommissioners === 0)
          steps.push("Invite young commissioners. At least one must accept before gathering can open.");
        steps.push(...openGatheringProblems(s).filter((p) => !p.startsWith("At least one young")));
        if (openGatheringProblems(s).length === 0) steps.push("When you are ready, open gathering so people can give their views.");
      } else if (viewer.contributes) steps.push("Gathering has not started yet. We will tell you when you can answer the questions.");
      else if (viewer.facilitates) steps.push("Plan your focus groups. You can record them once gathering opens.");
      else if (viewer.governs) steps.push("The commissioner is planning how young people will shape this service.");
      break;
    case "GATHERING":
      if (viewer.contributes)
        steps.push(
          s.myAnswers === 0
            ? "Answer the questions. Your answers are saved as you go, and you can change them until gathering closes."
            : `You have answered ${s.myAnswers} of ${s.questions} questions. You can change your answers until gathering closes.`,
        );
      if (viewer.facilitates) {
        steps.push("Record each focus group or workshop after it is held.");
        if (s.waitingChecks > 0) steps.push(`${s.waitingChecks} answer${s.waitingChecks === 1 ? " is" : "s are"} waiting to be checked.`);
      }
      if (viewer.manages) steps.push("When enough views are in, close gathering so people can rank the themes.");
      if (viewer.governs) steps.push("Young people are giving their views. You will see the themes and priorities when they are ready.");
      break;
    case "PRIORITISING":
      if (viewer.contributes || viewer.facilitates || viewer.manages) steps.push("Rank the themes: what matters most?");
      if (viewer.manages) steps.push("When everyone has ranked the themes, close ranking.");
      if (viewer.governs) steps.push("The people taking part are ranking the themes.");
      break;
    case "CLOSED":
      steps.push(
        viewer.manages
          ? "Write the specification from the ranked themes, then ask the young commissioners to review it."
          : "Ranking is closed. The commissioner writes the specification from what young people said.",
      );
      break;
  }
  return steps;
}
