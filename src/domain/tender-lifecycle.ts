// The tender lifecycle (PRODUCT.md): states, the actions that move between
// them, and the guards. Pure: "now" is always passed in.

export const TENDER_STATUSES = [
  "DRAFT",
  "PUBLISHED",
  "CLOSED",
  "EVALUATION",
  "MODERATION",
  "AWARD_PENDING_SIGNOFF",
  "STANDSTILL",
  "AWARDED",
  "CANCELLED",
] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];

export type TenderAction =
  | "publish"
  | "openBids"
  | "startModeration"
  | "freezeRanking"
  | "recommendAward"
  | "approveSignOff"
  | "requestChanges"
  | "rejectSignOff"
  | "confirmAward"
  | "reopenAfterRepresentations"
  | "cancel";

/**
 * Allowed transitions. CLOSED is reached by the clock, not by an action.
 * recommendAward happens within AWARD_PENDING_SIGNOFF. A governor's rejection
 * sends the tender back to MODERATION: the commissioner may then cancel it or
 * re-run moderation and recommend again (PRODUCT.md).
 */
const TRANSITIONS: Partial<Record<TenderStatus, Partial<Record<TenderAction, TenderStatus>>>> = {
  DRAFT: { publish: "PUBLISHED" },
  CLOSED: { openBids: "EVALUATION" },
  EVALUATION: { startModeration: "MODERATION" },
  MODERATION: { freezeRanking: "AWARD_PENDING_SIGNOFF" },
  AWARD_PENDING_SIGNOFF: {
    recommendAward: "AWARD_PENDING_SIGNOFF",
    approveSignOff: "STANDSTILL",
    requestChanges: "MODERATION",
    rejectSignOff: "MODERATION",
  },
  // A further decision on representations may send the award back to moderation (its sign-off voided).
  STANDSTILL: { confirmAward: "AWARDED", reopenAfterRepresentations: "MODERATION" },
};

const CANCELLABLE: readonly TenderStatus[] = [
  "DRAFT",
  "PUBLISHED",
  "CLOSED",
  "EVALUATION",
  "MODERATION",
  "AWARD_PENDING_SIGNOFF",
  "STANDSTILL",
];

/**
 * Bids are accepted up to and including the deadline instant: a submission at
 * the deadline is on time, one at deadline + 1 ms is late.
 */
export function isBeforeDeadline(deadline: Date, now: Date): boolean {
  return now.getTime() <= deadline.getTime();
}

/** The state a user sees: a published tender past its deadline is CLOSED. */
export function effectiveStatus(stored: TenderStatus, submissionDeadline: Date | null, now: Date): TenderStatus {
  if (stored === "PUBLISHED" && submissionDeadline && !isBeforeDeadline(submissionDeadline, now)) return "CLOSED";
  return stored;
}

export function nextTransition(status: TenderStatus, action: TenderAction): TenderStatus | null {
  if (action === "cancel") return CANCELLABLE.includes(status) ? "CANCELLED" : null;
  return TRANSITIONS[status]?.[action] ?? null;
}

export class LifecycleError extends Error {
  constructor(
    readonly status: TenderStatus,
    readonly action: TenderAction,
  ) {
    super(`${ACTION_LABEL[action]} is not possible: this tender is ${describeStatus(status).label.toLowerCase()}.`);
  }
}

export function assertTransition(status: TenderStatus, action: TenderAction): TenderStatus {
  const next = nextTransition(status, action);
  if (!next) throw new LifecycleError(status, action);
  return next;
}

const ACTION_LABEL: Record<TenderAction, string> = {
  publish: "Publishing",
  openBids: "Opening the bids",
  startModeration: "Starting moderation",
  freezeRanking: "Freezing the ranking",
  recommendAward: "Recommending an award",
  approveSignOff: "Approving",
  requestChanges: "Requesting changes",
  rejectSignOff: "Rejecting",
  confirmAward: "Confirming the award",
  reopenAfterRepresentations: "Going back to moderation",
  cancel: "Cancelling",
};

/**
 * The stages people see: the stored states, with AWARD_PENDING_SIGNOFF told as two. Freezing the ranking moves the
 * tender to AWARD_PENDING_SIGNOFF (the transition table above stays the one list of states and moves), but until a
 * commissioner recommends an award nothing is with the governor: that stage is RANKING_FROZEN, derived from whether a
 * recommendation awaits sign-off (`tenderStage`). Every page names the stage from here, with `describeStage`.
 */
export const TENDER_STAGES = [
  "DRAFT",
  "SHAPING",
  "PUBLISHED",
  "CLOSED",
  "EVALUATION",
  "MODERATION",
  "RANKING_FROZEN",
  "AWARD_PENDING_SIGNOFF",
  "STANDSTILL",
  "AWARDED",
  "CANCELLED",
] as const;
export type TenderStage = (typeof TENDER_STAGES)[number];

/**
 * The stage of a tender in this (effective) state; `awaitingSignOff`: a recommendation is with the governor;
 * `shaping`: a shaping stage (issue 24) is under way and not yet closed. A tender being shaped is stored as a DRAFT
 * (it is one: nothing is published) but people see "Shaping" until its shaping stage closes.
 */
export function tenderStage(status: TenderStatus, progress: { awaitingSignOff: boolean; shaping: boolean }): TenderStage {
  if (status === "DRAFT" && progress.shaping) return "SHAPING";
  return status === "AWARD_PENDING_SIGNOFF" && !progress.awaitingSignOff ? "RANKING_FROZEN" : status;
}

const DESCRIPTIONS: Record<TenderStage, { label: string; whatsNext: string }> = {
  DRAFT: { label: "Draft", whatsNext: "The commissioner finishes the details, criteria and panel, then publishes it." },
  SHAPING: {
    label: "Shaping",
    whatsNext:
      "Young people are shaping the service: their views are gathered and their priorities ranked. The tender stays a draft until the commissioner writes the specification from them and publishes it.",
  },
  PUBLISHED: { label: "Open for bids", whatsNext: "Providers can ask questions and send bids until the submission deadline." },
  CLOSED: { label: "Closed", whatsNext: "The deadline has passed. The commissioner opens the bids to start evaluation." },
  EVALUATION: { label: "Evaluation", whatsNext: "Panel members declare conflicts, then score every bid on their own." },
  MODERATION: { label: "Moderation", whatsNext: "The panel compares scores side by side and agrees the ranking." },
  RANKING_FROZEN: {
    label: "Ranking frozen",
    whatsNext:
      "The commissioner recommends who should get the contract, from the frozen ranking. Then the governor of the establishment is asked to sign off.",
  },
  AWARD_PENDING_SIGNOFF: {
    label: "Awaiting sign-off",
    whatsNext: "The governor of the establishment approves the recommended award, asks for changes, or rejects it.",
  },
  STANDSTILL: {
    label: "Standstill",
    whatsNext: "Bidders may make representations until midnight at the end of the 8th working day after the day the standstill began.",
  },
  AWARDED: { label: "Awarded", whatsNext: "The contract has been awarded." },
  CANCELLED: { label: "Cancelled", whatsNext: "This tender was cancelled." },
};

/** How a stored state reads in messages about the state itself (a refused move); pages name the stage (`describeStage`). */
export function describeStatus(status: TenderStatus): { label: string; whatsNext: string } {
  return DESCRIPTIONS[status];
}

/** The stage's name and what happens next: the one wording every page uses. */
export function describeStage(stage: TenderStage): { label: string; whatsNext: string } {
  return DESCRIPTIONS[stage];
}

export interface PublishCheckInput {
  title: string;
  reference: string;
  summary: string;
  establishmentId: string | null;
  submissionDeadline: Date | null;
  clarificationDeadline: Date | null;
  criteria: {
    id: string;
    name: string;
    weight: number;
    kind: "QUALITY" | "PRICE";
    plainLanguageDescription: string | null;
    description: string | null;
  }[];
  panel: { role: "COMMISSIONER" | "TECHNICIAN"; accepted: boolean }[];
}

export interface PublishProblem {
  field: string;
  message: string;
}

/** Every reason the tender cannot be published yet (empty: it can). */
export function validateForPublish(input: PublishCheckInput, now: Date): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const blank = (s: string | null | undefined) => !s || s.trim() === "";
  if (blank(input.title)) problems.push({ field: "title", message: "Enter a title" });
  if (blank(input.reference)) problems.push({ field: "reference", message: "Enter a reference" });
  if (blank(input.summary)) problems.push({ field: "summary", message: "Enter a plain-language summary" });
  if (!input.establishmentId) problems.push({ field: "establishmentId", message: "Select the establishment" });

  if (input.criteria.length === 0) {
    problems.push({ field: "criteria", message: "Add at least one criterion" });
  } else {
    const total = input.criteria.reduce((sum, c) => sum + c.weight, 0);
    if (input.criteria.some((c) => !Number.isInteger(c.weight) || c.weight < 0 || c.weight > 100)) {
      problems.push({ field: "criteria", message: "Each weight must be a whole number from 0 to 100" });
    } else if (total !== 100) {
      problems.push({ field: "criteria", message: `Weights must add up to 100. They add up to ${total}.` });
    }
    if (input.criteria.filter((c) => c.kind === "PRICE").length > 1) {
      problems.push({ field: "criteria", message: "Only one criterion can be scored on price" });
    }
    for (const c of input.criteria) {
      if (blank(c.plainLanguageDescription)) {
        problems.push({
          field: `criteria.${c.id}.plainLanguageDescription`,
          message: `Write a plain-language description for “${c.name}”`,
        });
      }
    }
  }

  const { submissionDeadline: submission, clarificationDeadline: clarification } = input;
  if (!submission) problems.push({ field: "submissionDeadline", message: "Enter the submission deadline" });
  else if (submission.getTime() <= now.getTime())
    problems.push({ field: "submissionDeadline", message: "The submission deadline must be in the future" });
  if (!clarification) problems.push({ field: "clarificationDeadline", message: "Enter the clarification deadline" });
  else if (clarification.getTime() <= now.getTime())
    problems.push({ field: "clarificationDeadline", message: "The clarification deadline must be in the future" });
  else if (submission && clarification.getTime() >= submission.getTime())
    problems.push({ field: "clarificationDeadline", message: "The clarification deadline must be before the submission deadline" });

  const accepted = (role: "COMMISSIONER" | "TECHNICIAN") => input.panel.filter((p) => p.role === role && p.accepted).length;
  const pending = (role: "COMMISSIONER" | "TECHNICIAN") => input.panel.filter((p) => p.role === role && !p.accepted).length;
  if (accepted("COMMISSIONER") < 1) {
    problems.push({
      field: "panel.commissioners",
      message: withPending("The panel needs at least 1 commissioner who has accepted", pending("COMMISSIONER")),
    });
  }
  if (accepted("TECHNICIAN") < 2) {
    problems.push({
      field: "panel.technicians",
      message: withPending(
        `The panel needs at least 2 young commissioners who have accepted. ${accepted("TECHNICIAN")} ${accepted("TECHNICIAN") === 1 ? "has" : "have"}`,
        pending("TECHNICIAN"),
      ),
    });
  }
  return problems;
}

function withPending(message: string, pending: number): string {
  return pending > 0 ? `${message} (${pending} still to reply).` : `${message}.`;
}
