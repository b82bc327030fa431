import { beforeAll, describe, expect, it } from "vitest";
import { answerAction } from "@/server/contract-checks/answer-action";
import { getCommitments, getMeasureSeries, getPeriod, getReturnFile, listPeriods } from "@/server/contract-checks/queries";
import { sendReturnReminders } from "@/server/contract-checks/reminders";
import { saveCommitments } from "@/server/contract-checks/save-commitments";
import { saveReview } from "@/server/contract-checks/save-review";
import { signCommitments } from "@/server/contract-checks/sign-commitments";
import { signReview } from "@/server/contract-checks/sign-review";
import { submitReturn, type ReturnInput } from "@/server/contract-checks/submit-return";
import { getContract, listContracts } from "@/server/contracts/queries";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { awardedContract, type AwardedContract } from "../fixtures/contract-builders";
import { fieldErrors } from "../fixtures/expect-invalid";
import { createActor } from "../fixtures/factories";
import { validateOcds } from "../fixtures/ocds-schemas";
import { getRecordPackage } from "@/server/ocds/queries";
import { ocidFor } from "@/server/ocds/publish-release";

let c: AwardedContract;
let admin: Actor;
let technician: Actor;
const DRAFTED = new Date("2027-04-10T09:00:00Z");
const Q1_END = new Date("2027-06-30T10:00:00Z"); // period 1: 1 April – 30 June 2027, due 28 July 2027
const Q1_REVIEW = new Date("2027-07-20T10:00:00Z");

const MEASURES = [
  {
    name: "First health assessment within 24 hours of arrival",
    target: "95",
    unit: "PERCENT",
    direction: "AT_LEAST",
    frequency: "QUARTERLY",
  },
  { name: "Days waiting for physiotherapy", target: "10", unit: "DAYS", direction: "AT_MOST", frequency: "QUARTERLY" },
  { name: "Annual service report published", target: "yes", unit: "YES_NO", direction: "AT_LEAST", frequency: "YEARLY" },
];

async function sign(actor: Actor, at = DRAFTED) {
  const latest = (await getCommitments(actor, c.contractId)).latest!;
  return signCommitments(
    actor,
    c.contractId,
    { decision: "APPROVED", typedName: actor.name, comment: "", contentHash: latest.contentHash, version: latest.version },
    at,
  );
}

async function measures() {
  return (await getCommitments(c.commissioner, c.contractId)).inForce!.measures;
}

async function returnInput(
  overrides: Partial<ReturnInput> = {},
  values: [string, string][] = [
    ["95", ""],
    ["14", ""],
  ],
): Promise<ReturnInput> {
  const ms = await measures();
  return {
    values: Object.fromEntries(ms.filter((m) => m.frequency === "QUARTERLY").map((m, i) => [m.id, values[i]?.[0] ?? ""])),
    narrative: "Two new physiotherapists started in May.",
    files: [],
    ...overrides,
  };
}

const signOff = (actor: Actor, contentHash: string, decision = "APPROVED", comment = "") => ({
  decision,
  typedName: decision === "APPROVED" ? actor.name : "",
  comment,
  contentHash,
});

beforeAll(async () => {
  c = await awardedContract();
  admin = await createActor("ADMIN");
  technician = await createActor("TECHNICIAN");
});

describe("commitments", () => {
  it("only a commissioner drafts them; bad rows are refused by field, nothing written", async () => {
    await expect(saveCommitments(c.provider, c.contractId, { basedOnVersion: 0, measures: MEASURES }, DRAFTED)).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(saveCommitments(c.governor, c.contractId, { basedOnVersion: 0, measures: MEASURES }, DRAFTED)).rejects.toBeInstanceOf(
      Forbidden,
    );
    const errors = await fieldErrors(
      saveCommitments(
        c.commissioner,
        c.contractId,
        {
          basedOnVersion: 0,
          measures: [
            { name: "Seen within 24 hours", target: "101", unit: "PERCENT", direction: "AT_LEAST" },
            { name: "seen within 24 HOURS", target: "3", unit: "DAYS", direction: "SIDEWAYS" },
            { name: "", target: "4", unit: "COUNT", direction: "AT_MOST" },
            { name: "Report", target: "maybe", unit: "YES_NO", themeId: "00000000-0000-4000-8000-000000000000" },
          ],
        },
        DRAFTED,
      ),
    );
    expect(errors).toEqual({
      "measures.0.target": "Must be between 0 and 100",
      "measures.1.name": "Another measure has this name",
      "measures.1.direction": "Choose whether the value should be at least or at most the target",
      "measures.2.name": "Enter the measure's name",
      "measures.3.target": "Choose yes or no",
      "measures.3.themeId": "Choose a theme from the list",
    });
    expect(await fieldErrors(saveCommitments(c.commissioner, c.contractId, { basedOnVersion: 0, measures: [{}, {}] }, DRAFTED))).toEqual({
      "measures.0.name": "Add at least one measure",
    });
    expect(await db.commitmentVersion.count({ where: { contractId: c.contractId } })).toBe(0);
    expect(await db.contractPeriod.count({ where: { contractId: c.contractId } })).toBe(0);
  });

  it("version 1 sets out the periods; both sides sign it, bound to its hash; a change voids the signatures", async () => {
    expect(await saveCommitments(c.commissioner, c.contractId, { basedOnVersion: 0, measures: MEASURES.slice(0, 2) }, DRAFTED)).toEqual({
      version: 1,
    });
    const periods = await listPeriods(c.commissioner, c.contractId, DRAFTED);
    expect(periods).toHaveLength(12);
    expect(periods[0]).toMatchObject({ number: 1, start: "2027-04-01", end: "2027-06-30", due: "2027-07-28", state: "NOT_YET" });
    // Two editors from version 0: the second is refused.
    await expect(saveCommitments(c.commissioner2, c.contractId, { basedOnVersion: 0, measures: MEASURES }, DRAFTED)).rejects.toBeInstanceOf(
      Conflict,
    );
    await sign(c.commissioner);
    // The losing bidder, a governor and others cannot sign (and the losing bidder cannot even see it).
    const v1 = (await getCommitments(c.commissioner, c.contractId)).latest!;
    const attempt = (actor: Actor) => signCommitments(actor, c.contractId, { ...signOff(actor, v1.contentHash), version: 1 }, DRAFTED);
    await expect(attempt(c.otherProvider)).rejects.toBeInstanceOf(NotFound);
    await expect(attempt(c.governor)).rejects.toBeInstanceOf(Forbidden);
    await expect(attempt(technician)).rejects.toBeInstanceOf(NotFound);
    // The commissioner signing twice is refused; a stale hash is refused.
    await expect(sign(c.commissioner2)).rejects.toBeInstanceOf(Conflict);
    await expect(
      signCommitments(c.provider, c.contractId, { ...signOff(c.provider, "0".repeat(64)), version: 1 }, DRAFTED),
    ).rejects.toBeInstanceOf(Conflict);
    // Version 2 (a third measure) voids the commissioner's signature on version 1.
    const keys = v1.measures.map((m) => m.key);
    await saveCommitments(
      c.commissioner,
      c.contractId,
      { basedOnVersion: 1, measures: MEASURES.map((m, i) => ({ ...m, key: keys[i] })) },
      DRAFTED,
    );
    const after = await getCommitments(c.commissioner, c.contractId);
    expect(after.latest!.version).toBe(2);
    expect(after.latest!.state).toBe("AWAITING_BOTH");
    expect(after.versions[1]!.signOffs.every((s) => s.voidedAt !== null)).toBe(true);
    // The same measure keeps its key across versions.
    expect(after.latest!.measures.slice(0, 2).map((m) => m.key)).toEqual(keys);
    // Nothing changed: no version 3.
    await expect(
      saveCommitments(
        c.commissioner,
        c.contractId,
        { basedOnVersion: 2, measures: MEASURES.map((m, i) => ({ ...m, key: keys[i] })) },
        DRAFTED,
      ),
    ).rejects.toBeInstanceOf(Invalid);
    await sign(c.provider);
    await sign(c.commissioner);
    expect((await getCommitments(c.provider, c.contractId)).inForce!.version).toBe(2);
    // A signed version never changes, whatever code tries (a trigger).
    await expect(db.$executeRaw`UPDATE "CommitmentMeasure" SET "target" = 1 WHERE "versionId" = ${after.latest!.id}::uuid`).rejects.toThrow(
      /has been signed/,
    );
    const events = await db.auditEvent.findMany({ where: { action: { startsWith: "commitments." } }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["commitments.version_saved", "commitments.commissioner_signed", "commitments.provider_signed"]),
    );
  });

  it("a provider sees only its own organisation's contracts", async () => {
    expect((await listContracts(c.provider, DRAFTED)).map((x) => x.id)).toEqual([c.contractId]);
    expect(await listContracts(c.otherProvider, DRAFTED)).toEqual([]);
    await expect(getContract(c.otherProvider, c.contractId, DRAFTED)).rejects.toBeInstanceOf(NotFound);
    await expect(getCommitments(c.otherProvider, c.contractId)).rejects.toBeInstanceOf(NotFound);
    await expect(getCommitments(c.otherGovernor, c.contractId)).rejects.toBeInstanceOf(NotFound);
    await expect(getCommitments(admin, c.contractId)).rejects.toBeInstanceOf(NotFound);
    await expect(getCommitments(technician, c.contractId)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("returns", () => {
  it("cannot be sent before the period's last day, by anyone but the provider, or with values out of range", async () => {
    await expect(submitReturn(c.provider, c.contractId, 1, await returnInput(), new Date("2027-06-29T10:00:00Z"))).rejects.toBeInstanceOf(
      Conflict,
    );
    await expect(submitReturn(c.commissioner, c.contractId, 1, await returnInput(), Q1_END)).rejects.toBeInstanceOf(Forbidden);
    await expect(submitReturn(c.otherProvider, c.contractId, 1, await returnInput(), Q1_END)).rejects.toBeInstanceOf(NotFound);
    await expect(submitReturn(c.provider, c.contractId, 99, await returnInput(), Q1_END)).rejects.toBeInstanceOf(NotFound);
    const ms = await measures();
    const errors = await fieldErrors(
      submitReturn(
        c.provider,
        c.contractId,
        1,
        {
          values: { [ms[0]!.id]: "120", [ms[1]!.id]: "" },
          narrative: " ",
          files: [{ filename: "evil.exe", bytes: new Uint8Array([1, 2, 3]) }],
        },
        Q1_END,
      ),
    );
    expect(errors).toEqual({
      [`value.${ms[0]!.id}`]: "Must be between 0 and 100",
      [`value.${ms[1]!.id}`]: "Enter a number",
      narrative: "Say in a few sentences how the service went in this period",
      files: "evil.exe: The file must be a PDF, DOCX or XLSX",
    });
    // The yearly measure is not asked in June.
    expect(Object.keys(errors).some((k) => k.endsWith(ms[2]!.id))).toBe(false);
    expect(await db.contractReturn.count({ where: { period: { contractId: c.contractId } } })).toBe(0);
  });

  it("reminds the provider once within 7 days of the due day; no return by then is late", async () => {
    expect(await sendReturnReminders(new Date("2027-07-20T10:00:00Z"))).toBe(0);
    const at = new Date("2027-07-21T10:00:00Z");
    const [a, b] = await Promise.all([sendReturnReminders(at), sendReturnReminders(at)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const emails = await db.outboxMessage.findMany({ where: { template: "contract-return-reminder", to: c.provider.email } });
    expect(emails).toHaveLength(1);
    expect(await sendReturnReminders(new Date("2027-07-22T10:00:00Z"))).toBe(0);
    expect((await listPeriods(c.provider, c.contractId, new Date("2027-07-29T10:00:00Z")))[0]!.state).toBe("LATE");
  });

  it("the provider sends it (a PDF too); a duplicate is refused; two at once make one version", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4 physio report");
    const input = await returnInput({ files: [{ filename: "report.pdf", bytes: pdf }] });
    const results = await Promise.allSettled([
      submitReturn(c.provider, c.contractId, 1, input, Q1_END),
      submitReturn(c.provider, c.contractId, 1, input, Q1_END),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toBeInstanceOf(Invalid);
    const p = await getPeriod(c.provider, c.contractId, 1, Q1_END);
    expect(p.returns).toHaveLength(1);
    expect(p.period.state).toBe("SUBMITTED");
    const file = await getReturnFile(c.commissioner, c.contractId, p.latestReturn!.files[0]!.id);
    expect(file.filename).toBe("report.pdf");
    await expect(getReturnFile(c.otherProvider, c.contractId, p.latestReturn!.files[0]!.id)).rejects.toBeInstanceOf(NotFound);
    // Returns are history: the database refuses an edit.
    await expect(db.$executeRaw`UPDATE "ContractReturn" SET "narrative" = 'x' WHERE "id" = ${p.latestReturn!.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "ContractReturnValue" WHERE "returnId" = ${p.latestReturn!.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("reviews", () => {
  let actionId = "";

  it("the commissioner rates each measure and agrees actions; bad ratings and dates outside the contract are refused", async () => {
    const p = await getPeriod(c.commissioner, c.contractId, 1, Q1_REVIEW);
    const [m1, m2] = p.latestReturn!.values.toSorted((a, b) => a.measure.position - b.measure.position);
    await expect(
      saveReview(c.provider, c.contractId, 1, { basedOnHash: "", summary: "x", ratings: {}, actions: [] }, Q1_REVIEW),
    ).rejects.toBeInstanceOf(Forbidden);
    const errors = await fieldErrors(
      saveReview(
        c.commissioner,
        c.contractId,
        1,
        {
          basedOnHash: "",
          summary: "",
          ratings: { [m1!.measureId]: { rating: "GREAT" }, [m2!.measureId]: { rating: "NOT_MET", comment: "" } },
          actions: [
            { description: "Recruit a locum", owner: "", dueDate: "2027-07-01" },
            { description: "Audit waits", owner: "Head of healthcare", dueDate: "2031-01-01" },
            { description: "Check", owner: "Lead", dueDate: "2027-02-30" },
          ],
        },
        Q1_REVIEW,
      ),
    );
    expect(errors).toEqual({
      summary: "Write a short summary of the review",
      [`rating.${m1!.measureId}`]: `Choose met, partly met or not met for "${m1!.measure.name}"`,
      [`comment.${m2!.measureId}`]: "Say why it was not fully met",
      "actions.0.owner": "Say who owns this action",
      "actions.0.dueDate": "The date must be today or later",
      "actions.1.dueDate": "The date must be on or before the contract's last day",
      "actions.2.dueDate": "Enter a real date, like 2027-06-30",
    });
    await saveReview(
      c.commissioner,
      c.contractId,
      1,
      {
        basedOnHash: "",
        summary: "Assessments on time; physiotherapy waits too long.",
        ratings: { [m1!.measureId]: { rating: "MET" }, [m2!.measureId]: { rating: "NOT_MET", comment: "14 days against 10." } },
        actions: [{ description: "Recruit a locum physiotherapist", owner: "Provider service manager", dueDate: "2027-09-30" }, {}],
      },
      Q1_REVIEW,
    );
    // The provider cannot read a review before it is signed.
    const asProvider = await getPeriod(c.provider, c.contractId, 1, Q1_REVIEW);
    expect(asProvider.review).toBeNull();
    expect(asProvider.reviewInProgress).toBe(true);
  });

  it("the governor co-signs after the commissioner, bound to what they saw; a change voids the signature", async () => {
    let p = await getPeriod(c.governor, c.contractId, 1, Q1_REVIEW);
    const hash = p.review!.contentHash;
    await expect(signReview(c.governor, c.contractId, 1, signOff(c.governor, hash), Q1_REVIEW)).rejects.toThrow(
      /commissioner signs the review first/,
    );
    await signReview(c.commissioner, c.contractId, 1, signOff(c.commissioner, hash), Q1_REVIEW);
    await expect(signReview(c.otherGovernor, c.contractId, 1, signOff(c.otherGovernor, hash), Q1_REVIEW)).rejects.toBeInstanceOf(NotFound);
    // The commissioner changes the review while the governor reads it: the governor's page is stale.
    const before = await getPeriod(c.commissioner, c.contractId, 1, Q1_REVIEW);
    const ratings = Object.fromEntries(before.review!.ratings.map((r) => [r.measureId, { rating: r.rating, comment: r.comment }]));
    await saveReview(
      c.commissioner,
      c.contractId,
      1,
      {
        basedOnHash: hash,
        summary: "Assessments on time; physiotherapy waits too long. A locum starts in August.",
        ratings,
        actions: [{ description: "Recruit a locum physiotherapist", owner: "Provider service manager", dueDate: "2027-09-30" }],
      },
      Q1_REVIEW,
    );
    await expect(signReview(c.governor, c.contractId, 1, signOff(c.governor, hash), Q1_REVIEW)).rejects.toThrow(
      /changed since you opened it/,
    );
    p = await getPeriod(c.governor, c.contractId, 1, Q1_REVIEW);
    expect(p.review!.state).toBe("DRAFT");
    expect(p.review!.signOffs.every((s) => s.voidedAt !== null)).toBe(true);
    const newHash = p.review!.contentHash;
    await signReview(c.commissioner, c.contractId, 1, signOff(c.commissioner, newHash), Q1_REVIEW);
    // Both at once: one co-signature.
    const both = await Promise.allSettled([
      signReview(c.governor, c.contractId, 1, signOff(c.governor, newHash), Q1_REVIEW),
      signReview(c.governor, c.contractId, 1, signOff(c.governor, newHash), Q1_REVIEW),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    p = await getPeriod(c.provider, c.contractId, 1, Q1_REVIEW);
    expect(p.review!.state).toBe("SIGNED");
    expect(p.review!.ratings.find((r) => r.rating === "NOT_MET")?.comment).toBe("14 days against 10.");
    actionId = p.review!.actions[0]!.id;
    // Signed: no more changes, by the use case or behind its back.
    await expect(
      saveReview(c.commissioner, c.contractId, 1, { basedOnHash: newHash, summary: "x", ratings, actions: [] }, Q1_REVIEW),
    ).rejects.toBeInstanceOf(Conflict);
    await expect(db.$executeRaw`UPDATE "ContractReview" SET "summary" = 'x' WHERE "id" = ${p.review!.id}::uuid`).rejects.toThrow(
      /has been signed/,
    );
    await expect(db.$executeRaw`DELETE FROM "ContractAction" WHERE "reviewId" = ${p.review!.id}::uuid`).rejects.toThrow(/has been signed/);
    const governorEvents = await db.auditEvent.count({ where: { action: "contract_review.governor_approved", actorId: c.governor.id } });
    expect(governorEvents).toBe(1);
  });

  it("after the review is signed a plain return is refused: a correction, with its reason, is kept beside it", async () => {
    await expect(submitReturn(c.provider, c.contractId, 1, await returnInput({ narrative: "Changed." }), Q1_REVIEW)).rejects.toThrow(
      /Send a correction instead/,
    );
    expect(
      await fieldErrors(
        submitReturn(c.provider, c.contractId, 1, await returnInput({ narrative: "Changed.", correctionReason: " " }), Q1_REVIEW),
      ),
    ).toEqual({
      correctionReason: "Say what you are correcting and why",
    });
    await submitReturn(
      c.provider,
      c.contractId,
      1,
      await returnInput({ correctionReason: "The wait was 13 days, not 14: one referral was counted twice." }, [
        ["95", ""],
        ["13", ""],
      ]),
      Q1_REVIEW,
    );
    const p = await getPeriod(c.commissioner, c.contractId, 1, Q1_REVIEW);
    expect(p.returns.map((r) => r.version)).toEqual([2, 1]);
    expect(p.review!.state).toBe("SIGNED"); // the signed review stands, on version 1
  });

  it("the provider answers the actions of the signed review; others cannot", async () => {
    await expect(answerAction(c.otherProvider, c.contractId, actionId, { body: "x" }, Q1_REVIEW)).rejects.toBeInstanceOf(NotFound);
    await expect(answerAction(c.commissioner, c.contractId, actionId, { body: "x" }, Q1_REVIEW)).rejects.toBeInstanceOf(Forbidden);
    expect(await fieldErrors(answerAction(c.provider, c.contractId, actionId, { body: "   " }, Q1_REVIEW))).toEqual({
      body: "Write your answer",
    });
    await answerAction(c.provider, c.contractId, actionId, { body: "A locum starts on 2 August." }, Q1_REVIEW);
    await expect(
      answerAction(c.provider, c.contractId, actionId, { body: "A locum starts on 2 August." }, Q1_REVIEW),
    ).rejects.toBeInstanceOf(Conflict);
    const p = await getPeriod(c.commissioner, c.contractId, 1, Q1_REVIEW);
    expect(p.review!.actions[0]!.answers.map((a) => a.body)).toEqual(["A locum starts on 2 August."]);
  });

  it("the signed review is in the open data: the contract's implementation, titles and dates only, valid OCDS", async () => {
    const ocid = ocidFor(c.id);
    const releases = await db.ocdsRelease.findMany({ where: { ocid, tag: "implementation" } });
    expect(releases).toHaveLength(1);
    const record = await getRecordPackage(ocid);
    expect(validateOcds("record-package-schema", record)).toEqual([]);
    expect(JSON.stringify(record)).toContain('"implementation"');
    expect(validateOcds("release-schema", releases[0]!.release)).toEqual([]);
    const implementation = (
      releases[0]!.release as { contracts: { implementation: { milestones: { status: string }[]; documents: { title: string }[] } }[] }
    ).contracts[0]!.implementation;
    expect(implementation.milestones).toHaveLength(12);
    expect(implementation.milestones[0]!.status).toBe("met");
    expect(implementation.milestones[1]!.status).toBe("scheduled");
    expect(implementation.documents.map((d) => d.title)).toEqual(["Review of period 1 (2027-04-01 to 2027-06-30): signed"]);
    // No names, no narrative, no comments, no actions.
    const text = JSON.stringify(releases[0]!.release);
    for (const secret of [
      c.provider.name,
      c.governor.name,
      c.commissioner.name,
      "locum",
      "Two new physiotherapists",
      "14 days against 10",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("each measure's values follow it by period", async () => {
    const series = await getMeasureSeries(c.governor, c.contractId);
    expect(series.map((s) => [s.name, s.points.map((x) => x.value)])).toEqual([
      [MEASURES[0]!.name, [95]],
      [MEASURES[1]!.name, [13]],
    ]);
  });
});
