import { describe, expect, it } from "vitest";
import {
  assertTransition,
  describeStage,
  tenderStage,
  TENDER_STAGES,
  describeStatus,
  effectiveStatus,
  isBeforeDeadline,
  LifecycleError,
  nextTransition,
  TENDER_STATUSES,
  validateForPublish,
  type PublishCheckInput,
  type TenderAction,
} from "@/domain/tender-lifecycle";

const deadline = new Date("2026-12-18T17:00:00.000Z");

describe("the deadline boundary", () => {
  it("accepts at the deadline instant and refuses 1 ms later", () => {
    expect(isBeforeDeadline(deadline, new Date(deadline.getTime() - 1))).toBe(true);
    expect(isBeforeDeadline(deadline, deadline)).toBe(true);
    expect(isBeforeDeadline(deadline, new Date(deadline.getTime() + 1))).toBe(false);
  });

  it("a published tender shows CLOSED once the clock passes the deadline; other states are untouched", () => {
    expect(effectiveStatus("PUBLISHED", deadline, deadline)).toBe("PUBLISHED");
    expect(effectiveStatus("PUBLISHED", deadline, new Date(deadline.getTime() + 1))).toBe("CLOSED");
    expect(effectiveStatus("DRAFT", deadline, new Date(deadline.getTime() + 1))).toBe("DRAFT");
    expect(effectiveStatus("EVALUATION", deadline, new Date(deadline.getTime() + 1))).toBe("EVALUATION");
  });
});

describe("transitions", () => {
  it("follow the lifecycle in order", () => {
    expect(nextTransition("DRAFT", "publish")).toBe("PUBLISHED");
    expect(nextTransition("CLOSED", "openBids")).toBe("EVALUATION");
    expect(nextTransition("EVALUATION", "startModeration")).toBe("MODERATION");
    expect(nextTransition("MODERATION", "freezeRanking")).toBe("AWARD_PENDING_SIGNOFF");
    expect(nextTransition("AWARD_PENDING_SIGNOFF", "approveSignOff")).toBe("STANDSTILL");
    expect(nextTransition("AWARD_PENDING_SIGNOFF", "requestChanges")).toBe("MODERATION");
    expect(nextTransition("AWARD_PENDING_SIGNOFF", "rejectSignOff")).toBe("MODERATION");
    expect(nextTransition("STANDSTILL", "confirmAward")).toBe("AWARDED");
    // A further decision on representations during standstill may send it back to moderation.
    expect(nextTransition("STANDSTILL", "reopenAfterRepresentations")).toBe("MODERATION");
    expect(nextTransition("AWARDED", "reopenAfterRepresentations")).toBeNull();
  });

  it("bids cannot be opened before the tender has closed, nor twice", () => {
    expect(nextTransition("PUBLISHED", "openBids")).toBeNull();
    expect(nextTransition("EVALUATION", "openBids")).toBeNull();
  });

  it("cancel is allowed from every state before AWARDED, and never after", () => {
    for (const status of TENDER_STATUSES) {
      const expected = status === "AWARDED" || status === "CANCELLED" ? null : "CANCELLED";
      expect([status, nextTransition(status, "cancel")]).toEqual([status, expected]);
    }
  });

  it("no award without sign-off: STANDSTILL and AWARDED are reachable only through approval", () => {
    const actions: TenderAction[] = [
      "publish",
      "openBids",
      "startModeration",
      "freezeRanking",
      "recommendAward",
      "approveSignOff",
      "requestChanges",
      "rejectSignOff",
      "confirmAward",
      "reopenAfterRepresentations",
      "cancel",
    ];
    for (const status of TENDER_STATUSES) {
      for (const action of actions) {
        const next = nextTransition(status, action);
        if (next === "STANDSTILL") expect([status, action]).toEqual(["AWARD_PENDING_SIGNOFF", "approveSignOff"]);
        if (next === "AWARDED") expect([status, action]).toEqual(["STANDSTILL", "confirmAward"]);
      }
    }
  });

  it("assertTransition explains a refused action in plain English", () => {
    expect(() => assertTransition("DRAFT", "openBids")).toThrow(LifecycleError);
    expect(() => assertTransition("AWARDED", "cancel")).toThrow("Cancelling is not possible: this tender is awarded.");
  });
});

describe("publish checks", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  const ready: PublishCheckInput = {
    title: "Feltham health services",
    reference: "NHSE-1",
    summary: "Health care for young people at Feltham.",
    establishmentId: "est",
    clarificationDeadline: new Date("2026-12-10T12:00:00Z"),
    submissionDeadline: new Date("2026-12-18T17:00:00Z"),
    criteria: [
      { id: "q", name: "Quality", weight: 60, kind: "QUALITY", plainLanguageDescription: "How good it is.", description: "" },
      { id: "p", name: "Price", weight: 40, kind: "PRICE", plainLanguageDescription: "How much it costs.", description: "" },
    ],
    panel: [
      { role: "COMMISSIONER", accepted: true },
      { role: "TECHNICIAN", accepted: true },
      { role: "TECHNICIAN", accepted: true },
    ],
  };

  it("a complete tender can be published", () => {
    expect(validateForPublish(ready, now)).toEqual([]);
  });

  it("weights must sum to exactly 100, and the message gives the total", () => {
    const c = [{ ...ready.criteria[0]!, weight: 50 }, ready.criteria[1]!];
    expect(validateForPublish({ ...ready, criteria: c }, now)).toEqual([
      { field: "criteria", message: "Weights must add up to 100. They add up to 90." },
    ]);
  });

  it("every criterion needs a plain-language description; blank spaces do not count", () => {
    const c = [{ ...ready.criteria[0]!, plainLanguageDescription: "   " }, ready.criteria[1]!];
    expect(validateForPublish({ ...ready, criteria: c }, now)).toEqual([
      { field: "criteria.q.plainLanguageDescription", message: "Write a plain-language description for “Quality”" },
    ]);
  });

  it("at most one price criterion", () => {
    const c = [{ ...ready.criteria[0]!, kind: "PRICE" as const }, ready.criteria[1]!];
    expect(validateForPublish({ ...ready, criteria: c }, now).map((p) => p.message)).toContain("Only one criterion can be scored on price");
  });

  it("deadlines: in the future, and clarification before submission", () => {
    expect(validateForPublish({ ...ready, submissionDeadline: now }, now)).toContainEqual({
      field: "submissionDeadline",
      message: "The submission deadline must be in the future",
    });
    expect(validateForPublish({ ...ready, clarificationDeadline: ready.submissionDeadline }, now)).toEqual([
      { field: "clarificationDeadline", message: "The clarification deadline must be before the submission deadline" },
    ]);
    expect(validateForPublish({ ...ready, clarificationDeadline: null, submissionDeadline: null }, now).map((p) => p.field)).toEqual([
      "submissionDeadline",
      "clarificationDeadline",
    ]);
  });

  it("the panel needs a commissioner and at least 2 young commissioners who have accepted", () => {
    const panel = [
      { role: "COMMISSIONER" as const, accepted: false },
      { role: "TECHNICIAN" as const, accepted: true },
      { role: "TECHNICIAN" as const, accepted: false },
    ];
    expect(validateForPublish({ ...ready, panel }, now)).toEqual([
      { field: "panel.commissioners", message: "The panel needs at least 1 commissioner who has accepted (1 still to reply)." },
      {
        field: "panel.technicians",
        message: "The panel needs at least 2 young commissioners who have accepted. 1 has (1 still to reply).",
      },
    ]);
  });

  it("lists every problem of an empty draft at once", () => {
    const problems = validateForPublish(
      {
        title: "",
        reference: " ",
        summary: "",
        establishmentId: null,
        clarificationDeadline: null,
        submissionDeadline: null,
        criteria: [],
        panel: [],
      },
      now,
    );
    expect(problems.map((p) => p.field)).toEqual([
      "title",
      "reference",
      "summary",
      "establishmentId",
      "criteria",
      "submissionDeadline",
      "clarificationDeadline",
      "panel.commissioners",
      "panel.technicians",
    ]);
  });
});

describe("the stage every page names", () => {
  it("after freezing and before a recommendation, the stage is the commissioner's recommendation, not the governor's sign-off", () => {
    expect(tenderStage("AWARD_PENDING_SIGNOFF", { awaitingSignOff: false, shaping: false })).toBe("RANKING_FROZEN");
    const frozen = describeStage("RANKING_FROZEN");
    expect(frozen.label).toBe("Ranking frozen");
    expect(frozen.whatsNext).toMatch(/^The commissioner recommends/);
    expect(frozen.whatsNext).not.toMatch(/approves/);
    expect(tenderStage("AWARD_PENDING_SIGNOFF", { awaitingSignOff: true, shaping: false })).toBe("AWARD_PENDING_SIGNOFF");
    expect(describeStage("AWARD_PENDING_SIGNOFF").label).toBe("Awaiting sign-off");
  });

  it("every other state is its own stage, whatever the award decisions say", () => {
    for (const status of TENDER_STATUSES.filter((s) => s !== "AWARD_PENDING_SIGNOFF")) {
      for (const awaitingSignOff of [true, false]) expect(tenderStage(status, { awaitingSignOff, shaping: false })).toBe(status);
      expect(describeStage(status)).toEqual(describeStatus(status));
    }
  });

  it("a draft with a shaping stage under way is Shaping; any other state ignores shaping", () => {
    expect(tenderStage("DRAFT", { awaitingSignOff: false, shaping: true })).toBe("SHAPING");
    expect(tenderStage("DRAFT", { awaitingSignOff: false, shaping: false })).toBe("DRAFT");
    for (const status of TENDER_STATUSES.filter((s) => s !== "DRAFT" && s !== "AWARD_PENDING_SIGNOFF"))
      expect(tenderStage(status, { awaitingSignOff: false, shaping: true })).toBe(status);
    expect(describeStage("SHAPING").label).toBe("Shaping");
  });

  it("names each stage once: no two stages share a label", () => {
    const labels = TENDER_STAGES.map((s) => describeStage(s).label);
    expect(new Set(labels).size).toBe(TENDER_STAGES.length);
  });
});
