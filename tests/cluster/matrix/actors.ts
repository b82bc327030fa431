// Who the matrix signs in as, and the records it points at (built by world.ts).
// No database import here: the test loads the world only once PostgreSQL runs.
export const ACTOR_KEYS = [
  "anonymous",
  "admin",
  "commissioner: created the tender",
  "commissioner: accepted seat",
  "commissioner: invited",
  "commissioner: declined",
  "commissioner: stepped back",
  "commissioner: conflicted",
  "commissioner: no seat",
  "young commissioner: accepted seat",
  "young commissioner: invited",
  "young commissioner: declined",
  "young commissioner: stepped back",
  "young commissioner: conflicted",
  "young commissioner: no seat",
  "governor: this establishment",
  "governor: other establishment",
  "provider: bidder",
  "provider: rival bidder",
  "provider: other organisation",
] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];

export const STAGES = {
  draft: "NHSE-LDN-2026-014",
  published: "NHSE-LDN-2026-021",
  evaluation: "NHSE-LDN-2026-017",
  moderation: "NHSE-LDN-2026-012",
  signOff: "NHSE-LDN-2026-009",
  standstill: "NHSE-LDN-2026-006",
  awarded: "NHSE-LDN-2026-002",
} as const;
export type Stage = keyof typeof STAGES;

export interface World {
  emails: Record<Exclude<ActorKey, "anonymous">, string>;
  names: Record<Exclude<ActorKey, "anonymous">, string>;
  tenders: Record<Stage, string>;
  /** The bidder's (Thameside's) bid on each tender with bids; on "published" its draft. */
  bid: Record<Exclude<Stage, "draft">, string>;
  bidFile: Record<"published" | "evaluation", string>;
  criterion: { draft: string; evaluation: string; moderation: string };
  establishment: string;
  userIds: Record<Exclude<ActorKey, "anonymous">, string>;
  /** The invited young commissioner's seat on the draft tender's panel. */
  panelSeat: { invitedToDraft: string };
  /** Organisations that bid on the tender in evaluation. */
  evaluationBidders: string[];
  question: string;
  awardDecision: { signOff: string; standstill: string; awarded: string };
  /** What the governor signs: the award summary's hash. */
  signOffHash: string;
  agreementHash: string;
  representation: string;
  representationFile: string;
  contract: string;
  /** The Cookham Wood contract's checks (issue 25): a reviewed period, an action of its signed review, a file of a return. */
  checks: { contract: string; period: number; action: string; file: string };
  agreement: string;
  timeEntry: { pending: string; approved: string };
  ocid: string;
  /** An organisation that did not bid anywhere (for the organisation's admin page). */
  organisation: string;
  invitationToken: string;
  /** A live "forgotten your password?" link of a person the matrix never signs in as. */
  passwordResetToken: string;
  /** Each person's second session ("another device"), for signing out another device. */
  otherSessions: Record<Exclude<ActorKey, "anonymous">, string>;
  /** A young commissioner who asked for their account to be closed, with a declined seat on the tender in evaluation. */
  closingTechnician: string;
  /**
   * The demo's Feltham service being shaped (GATHERING): run by its creator, Tom Okafor ("commissioner: accepted seat")
   * facilitating, Jay ("young commissioner: accepted seat") taking part, and every other person's shaping membership
   * in the same state as their panel seats (conflicted = taking part).
   */
  shaping: {
    tender: string;
    stage: string;
    question: string;
    invitedMember: string;
    /** An answer sent with a code, waiting for the check, whose young person did not agree to be quoted. */
    waitingView: string;
    /** A batch of code cards with none left to revoke. */
    revokedBatch: string;
  };
  /**
   * The demo's finished shaping stage on the draft tender (CLOSED): run by those running the tender, Tom Okafor
   * ("commissioner: accepted seat") facilitating, Jay ("young commissioner: accepted seat") taking part; one of its
   * themes, a checked view in that theme, and its first requirement.
   */
  finishedShaping: { stage: string; theme: string; view: string; requirement: string };
}
