// The co-production gate (issue 24): a tender with a shaping stage is published only when the stage is closed
// and most of the young commissioners taking part agree to the draft as it is now, or the commissioner recorded
// why it goes ahead without them. Pure: the caller loads members, reviews and the draft's hash.

export type ReviewDecision = "AGREE" | "CHANGES_NEEDED";

export interface GateInput {
  /** The stage is CLOSED (ranking closed). */
  stageClosed: boolean;
  /** The accepted young commissioner members now (invited, declined and stepped-back ones do not count). */
  youngCommissionerIds: readonly string[];
  /** Every review given, for any version. */
  reviews: readonly { userId: string; contentHash: string; decision: ReviewDecision }[];
  /** The hash of the draft as it is now. */
  currentHash: string;
  /** The commissioner's recorded reason to go ahead without agreement, and the hash it was given for. */
  override: { reason: string; contentHash: string } | null;
}

export type GateState =
  /** Ranking has not closed yet. */
  | "STAGE_OPEN"
  /** More than half of the young commissioners agree to the current draft. */
  | "AGREED"
  /** Not agreed, but the commissioner recorded why it goes ahead, for this very draft. */
  | "OVERRIDDEN"
  /** Waiting for agreement (or an override). */
  | "WAITING";

export interface GateResult {
  state: GateState;
  /** May the tender be published as far as the gate is concerned? */
  open: boolean;
  members: number;
  agree: number;
  changesNeeded: number;
  /** Members who have not answered for the current draft. */
  notYet: number;
  /** How many agreements "most of them" needs: more than half. */
  needed: number;
  /** An override exists but was given for an earlier draft. */
  overrideStale: boolean;
}

/** More than half of `members`: 1 of 1, 2 of 2, 2 of 3, 3 of 4. Zero members cannot agree (the override is the way). */
export function agreementsNeeded(members: number): number {
  return Math.floor(members / 2) + 1;
}

export function evaluateGate(input: GateInput): GateResult {
  const members = new Set(input.youngCommissionerIds);
  const current = input.reviews.filter((r) => r.contentHash === input.currentHash && members.has(r.userId));
  const decided = new Map<string, ReviewDecision>();
  for (const r of current) decided.set(r.userId, r.decision);
  const agree = [...decided.values()].filter((d) => d === "AGREE").length;
  const changesNeeded = decided.size - agree;
  const needed = agreementsNeeded(members.size);
  const agreed = members.size > 0 && agree >= needed;
  const overrideCurrent = input.override !== null && input.override.contentHash === input.currentHash;
  const state: GateState = !input.stageClosed ? "STAGE_OPEN" : agreed ? "AGREED" : overrideCurrent ? "OVERRIDDEN" : "WAITING";
  return {
    state,
    open: state === "AGREED" || state === "OVERRIDDEN",
    members: members.size,
    agree,
    changesNeeded,
    notYet: members.size - decided.size,
    needed,
    overrideStale: input.override !== null && !overrideCurrent,
  };
}

/** The gate's state in words, for the publish checklist and the governor. */
export function describeGate(gate: GateResult): string {
  const tally = `${gate.agree} of ${gate.members} young commissioner${gate.members === 1 ? "" : "s"} agree to the current draft${
    gate.changesNeeded ? `, ${gate.changesNeeded} asked for changes` : ""
  }${gate.notYet ? `, ${gate.notYet} not answered yet` : ""}`;
  switch (gate.state) {
    case "STAGE_OPEN":
      return "Shaping the service has not finished: close the ranking of themes before publishing.";
    case "AGREED":
      return `The young commissioners agree: ${tally}.`;
    case "OVERRIDDEN":
      return `Going ahead without the young commissioners' agreement, for the reason recorded (${tally}).`;
    case "WAITING":
      return gate.members === 0
        ? "No young commissioner is taking part, so nobody can agree: record why the tender goes ahead without their agreement."
        : `Waiting for the young commissioners: ${tally}; ${gate.needed} must agree${
            gate.overrideStale ? ". The reason recorded for going ahead was for an earlier draft" : ""
          }.`;
  }
}
