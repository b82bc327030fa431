// Shaping the service with young people (issue 24): the stages of a shaping
// stage, what each allows, and the default questions. Pure: no I/O.

export const SHAPING_STATUSES = ["PLANNING", "GATHERING", "PRIORITISING", "CLOSED"] as const;
export type ShapingStatus = (typeof SHAPING_STATUSES)[number];

export type ShapingAction = "openGathering" | "closeGathering" | "closeRanking";

const TRANSITIONS: Record<ShapingStatus, Partial<Record<ShapingAction, ShapingStatus>>> = {
  PLANNING: { openGathering: "GATHERING" },
  GATHERING: { closeGathering: "PRIORITISING" },
  PRIORITISING: { closeRanking: "CLOSED" },
  CLOSED: {},
};

/** The state after `action`, or null when the stage cannot take it now. */
export function nextShapingStatus(status: ShapingStatus, action: ShapingAction): ShapingStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** What each stage allows. One place, so pages and use cases ask the same question. */
export const shapingAllows = {
  /** Questions are edited, and people invited, before gathering opens (a view answers the question it was asked). */
  editQuestions: (status: ShapingStatus) => status === "PLANNING",
  invite: (status: ShapingStatus) => status !== "CLOSED",
  /** Views come in (portal answers, focus groups, one-time codes) only while gathering. */
  gatherViews: (status: ShapingStatus) => status === "GATHERING",
  /** Facilitators check answers, and group views into themes, while gathering and until ranking closes. */
  checkViews: (status: ShapingStatus) => status === "GATHERING" || status === "PRIORITISING",
  editThemes: (status: ShapingStatus) => status === "GATHERING" || status === "PRIORITISING",
  rankThemes: (status: ShapingStatus) => status === "PRIORITISING",
  /** Requirements and their links to themes are written once there are ranked themes to answer. */
  writeSpecification: (status: ShapingStatus) => status === "PRIORITISING" || status === "CLOSED",
} as const;

/** The stage's name in plain words, as every page shows it. */
export const SHAPING_STATUS_LABELS: Record<ShapingStatus, string> = {
  PLANNING: "Planning",
  GATHERING: "Gathering views",
  PRIORITISING: "Ranking themes",
  CLOSED: "Ranking closed",
};

/** The four questions Just Health asked (seed 000): the default for a new stage, editable while planning. */
export const DEFAULT_SHAPING_QUESTIONS: readonly { text: string; easyRead: string }[] = [
  {
    text: "What needs to change about health care here?",
    easyRead: "What should be better about health care here?",
  },
  {
    text: "Which health services matter most to you?",
    easyRead: "Which health services matter most to you?",
  },
  {
    text: "What should the people who provide them be like?",
    easyRead: "What should the nurses, doctors and other staff be like?",
  },
  {
    text: "What stops you asking for help with your health?",
    easyRead: "What stops you asking for help?",
  },
];

/** Any count of anonymous answers under this is shown as "fewer than 5" (PRODUCT.md, privacy). */
export const SMALL_COUNT_THRESHOLD = 5;

/** A count for a breakdown of anonymous answers: the number, or "fewer than 5". */
export function privateCount(count: number): string {
  return count < SMALL_COUNT_THRESHOLD ? `fewer than ${SMALL_COUNT_THRESHOLD}` : String(count);
}

export const AGE_BANDS = ["UNDER_15", "AGE_15_16", "AGE_17", "AGE_18_OR_OVER"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  UNDER_15: "Under 15",
  AGE_15_16: "15 or 16",
  AGE_17: "17",
  AGE_18_OR_OVER: "18 or over",
};
