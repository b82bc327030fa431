import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { OutcomeLetterView } from "@/components/awards/outcome-letter-view";
import { confirmAward } from "@/server/awards/confirm-award";
import { decideAward } from "@/server/awards/decide-award";
import { getOutcomeLetter, getPanelOutcome } from "@/server/awards/queries";
import { recommendAward } from "@/server/awards/recommend-award";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { freezeRanking } from "@/server/evaluation/moderation";
import { answerClarification, askForClarification } from "@/server/representations/clarification";
import { decideOnRepresentations } from "@/server/representations/decide-representations";
import { makeRepresentation } from "@/server/representations/make-representation";
import { downloadRepresentationAttachment, getMyRepresentation, listRepresentations } from "@/server/representations/queries";
import { frozenTender, type FrozenTender } from "../fixtures/award-builders";
import { createActor } from "../fixtures/factories";

// Approved Tue 22 December 2026: the standstill begins Wed 23 and ends at midnight at the end of
// Thu 7 January 2027 (PSR regulation 12). Representations may be made until then.
const APPROVED = new Date("2026-12-22T10:00:00.000Z");
const STANDSTILL_END = new Date("2027-01-07T23:59:59.999Z");
const DURING = new Date("2027-01-04T10:00:00.000Z");
// A decision to continue on Fri 8 January 2027: a further 5 working days after that day are
// Mon 11, Tue 12, Wed 13, Thu 14 and Fri 15 January → confirmable after the end of 15 January.
const DECIDED = new Date("2027-01-08T10:00:00.000Z");
const FURTHER_END = new Date("2027-01-15T23:59:59.999Z");
const TEXT = "The price score for our bid used the wrong figure: our price was £1,150,000, not £1,250,000.";
const REASONS = "We checked the bid version: the price submitted was £1,250,000, so the score stands.";
const pdf = (name = "evidence.pdf") => ({ filename: name, bytes: new TextEncoder().encode("%PDF-1.4 evidence") });

let t: FrozenTender;
let awardDecisionId: string;
let providerA: Actor;
let providerB: Actor;

async function providerOf(organisationId: string): Promise<Actor> {
  const u = await db.user.findFirstOrThrow({ where: { organisationId } });
  return { id: u.id, role: "PROVIDER", name: u.name, email: u.email, organisationId: u.organisationId, establishmentIds: [] };
}

beforeEach(async () => {
  t = await frozenTender();
  const recommended = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
    new Date(APPROVED.getTime() - 3_600_000),
  );
  awardDecisionId = recommended.awardDecisionId;
  const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
  await decideAward(t.governor, awardDecisionId, { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash }, APPROVED);
  providerA = await providerOf(t.organisations.a);
  providerB = await providerOf(t.organisations.b);
});

const submitB = (at = DURING, input = { text: TEXT, files: [pdf()] }) => makeRepresentation(providerB, awardDecisionId, input, at);

describe("making a representation during standstill", () => {
  it("a bidder makes one from its letter, with a file; the commissioners running it and the governor read it; it is audited and notified", async () => {
    const { representationId } = await submitB();
    const rep = await db.representation.findUniqueOrThrow({ where: { id: representationId }, include: { attachments: true } });
    expect(rep).toMatchObject({ status: "OPEN", organisationId: t.organisations.b, text: TEXT, tenderId: t.id });
    expect(rep.attachments.map((a) => [a.filename, a.contentType])).toEqual([["evidence.pdf", "application/pdf"]]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "representation.submitted", entityId: representationId } });
    expect(event).toMatchObject({ actorId: providerB.id, tenderId: t.id });
    expect(JSON.stringify(event.after)).not.toContain("wrong figure");

    for (const reader of [t.commissioner, t.commissioner2, t.governor]) {
      const list = await listRepresentations(reader, awardDecisionId);
      expect(list?.representations.map((r) => r.text)).toEqual([TEXT]);
      expect(list?.open).toBe(1);
    }
    const notified = await db.outboxMessage.findMany({ where: { template: "representation-submitted" } });
    expect(notified.map((m) => m.to).sort()).toEqual([t.commissioner.email, t.commissioner2.email, t.governor.email].sort());
    expect(await db.outboxMessage.count({ where: { template: "representation-received", to: providerB.email } })).toBe(1);

    const mine = await getMyRepresentation(providerB, awardDecisionId, DURING);
    expect(mine).toMatchObject({ canSubmit: false, windowOpen: true, representation: { text: TEXT } });
    const file = await downloadRepresentationAttachment(t.governor, rep.attachments[0]!.id);
    expect(Buffer.from(file.data).toString()).toBe("%PDF-1.4 evidence");
  });

  it("nobody else sees it: not the other bidder, another establishment's governor, a commissioner not running the tender, a young commissioner", async () => {
    const { representationId } = await submitB();
    const attachmentId = (await db.representationAttachment.findFirstOrThrow({ where: { representationId } })).id;
    expect((await getMyRepresentation(providerA, awardDecisionId, DURING)).representation).toBeNull();
    const outsider = await createActor("COMMISSIONER");
    for (const reader of [t.otherGovernor, outsider, t.technicians[0]!, providerA, await createActor("ADMIN")]) {
      expect(await listRepresentations(reader, awardDecisionId)).toBeNull();
      await expect(downloadRepresentationAttachment(reader, attachmentId)).rejects.toBeInstanceOf(NotFound);
    }
    // The other bidder's letter says nothing about it.
    expect(JSON.stringify(await getOutcomeLetter(providerA, awardDecisionId))).not.toContain("wrong figure");
  });

  it("only the unsuccessful bidders are invited: the winner's letter, email and page say what happens next, and it cannot make one", async () => {
    const render = async (provider: Actor) =>
      renderToStaticMarkup(createElement(OutcomeLetterView, { letter: await getOutcomeLetter(provider, awardDecisionId) }));
    const winnerLetter = await render(providerA);
    expect(winnerLetter).toContain("we intend to award the contract to you");
    expect(winnerLetter).toContain("What happens next:");
    expect(winnerLetter).not.toMatch(/If you want to make (written )?representations/);
    const loserLetter = await render(providerB);
    expect(loserLetter).toContain("If you want to make written representations");
    expect(loserLetter).not.toContain("What happens next:");

    const emails = await db.outboxMessage.findMany({
      where: { template: "outcome-letter", to: { in: [providerA.email, providerB.email] } },
    });
    expect(emails.find((m) => m.to === providerA.email)?.text).not.toContain("make representations");
    expect(emails.find((m) => m.to === providerA.email)?.text).toContain("we intend to award the contract to you");
    expect(emails.find((m) => m.to === providerB.email)?.text).toContain("during which you can make representations");

    expect(await getMyRepresentation(providerA, awardDecisionId, DURING)).toMatchObject({ canSubmit: false, successful: true });
    expect(await getMyRepresentation(providerB, awardDecisionId, DURING)).toMatchObject({ canSubmit: true, successful: false });
    await expect(makeRepresentation(providerA, awardDecisionId, { text: TEXT, files: [] }, DURING)).rejects.toThrow(
      /Representations are for the bidders who were not successful/,
    );
    expect(await db.representation.count({ where: { awardDecisionId } })).toBe(0);
  });

  it("refuses bad input next to the field, writing nothing", async () => {
    const empty = await submitB(DURING, { text: "  ", files: [] }).catch((e: unknown) => e);
    expect((empty as Invalid).fieldErrors).toEqual({ text: "Write your representation" });
    const fake = await submitB(DURING, {
      text: TEXT,
      files: [{ filename: "evidence.pdf", bytes: new TextEncoder().encode("not a pdf") }],
    }).catch((e: unknown) => e);
    expect((fake as Invalid).fieldErrors).toEqual({ attachments: "evidence.pdf: The file is not a real PDF file" });
    const exe = await submitB(DURING, { text: TEXT, files: [{ filename: "run.exe", bytes: new Uint8Array([0x4d, 0x5a]) }] }).catch(
      (e: unknown) => e,
    );
    expect((exe as Invalid).fieldErrors).toEqual({ attachments: "run.exe: The file must be a PDF, DOCX or XLSX" });
    const many = await submitB(DURING, { text: TEXT, files: Array.from({ length: 6 }, (_, i) => pdf(`f${i}.pdf`)) }).catch(
      (e: unknown) => e,
    );
    expect((many as Invalid).fieldErrors).toEqual({ attachments: "Attach at most 5 files" });
    // An empty file input posts one nameless, empty file: that is no file.
    await submitB(DURING, { text: TEXT, files: [{ filename: "", bytes: new Uint8Array() }] });
    expect(await db.representation.count({ where: { awardDecisionId } })).toBe(1);
    expect(await db.representationAttachment.count({ where: { representation: { awardDecisionId } } })).toBe(0);
  });

  it("one per bidder: a double submit, even at the same moment, records one", async () => {
    const results = await Promise.allSettled([submitB(), submitB()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    await expect(submitB()).rejects.toThrow(/already made a representation/);
    expect(await db.representation.count({ where: { awardDecisionId } })).toBe(1);
  });

  it("closes after midnight at the end of the 8th working day, to the millisecond", async () => {
    await expect(submitB(new Date(STANDSTILL_END.getTime() + 1))).rejects.toThrow(/representations are closed/);
    expect((await getMyRepresentation(providerB, awardDecisionId, new Date(STANDSTILL_END.getTime() + 1))).canSubmit).toBe(false);
    expect((await getMyRepresentation(providerB, awardDecisionId, STANDSTILL_END)).canSubmit).toBe(true);
    await submitB(STANDSTILL_END);
    expect(await db.representation.count({ where: { awardDecisionId } })).toBe(1);
  });

  it("only a bidder in this award may make one", async () => {
    const stranger = await createActor("PROVIDER");
    await expect(makeRepresentation(stranger, awardDecisionId, { text: TEXT, files: [] }, DURING)).rejects.toBeInstanceOf(NotFound);
    await expect(makeRepresentation(t.commissioner, awardDecisionId, { text: TEXT, files: [] }, DURING)).rejects.toBeInstanceOf(NotFound);
    await expect(
      makeRepresentation(providerB, "00000000-0000-0000-0000-000000000000", { text: TEXT, files: [] }, DURING),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await db.representation.count({ where: { awardDecisionId } })).toBe(0);
  });
});

describe("the commissioner considers it", () => {
  let representationId: string;
  beforeEach(async () => {
    ({ representationId } = await submitB());
  });

  it("while it is open, confirming the award is refused, even after standstill", async () => {
    await expect(confirmAward(t.commissioner, t.id, new Date(STANDSTILL_END.getTime() + 1))).rejects.toThrow(
      /representation about this award is still open/,
    );
    expect((await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("STANDSTILL");
  });

  it("asks the provider to clarify; only that provider answers; each step audited and notified", async () => {
    await expect(
      askForClarification(await createActor("COMMISSIONER"), representationId, { question: "Which figure?" }, DURING),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(
      ((await askForClarification(t.commissioner, representationId, { question: " " }, DURING).catch((e: unknown) => e)) as Invalid)
        .fieldErrors,
    ).toEqual({
      question: "Write what you want the provider to explain or clarify",
    });
    await askForClarification(t.commissioner, representationId, { question: "Which page of your bid shows that price?" }, DURING);
    expect((await db.representation.findUniqueOrThrow({ where: { id: representationId } })).status).toBe("CLARIFICATION_REQUESTED");
    expect(await db.outboxMessage.count({ where: { template: "representation-clarification-requested", to: providerB.email } })).toBe(1);

    await expect(answerClarification(providerA, representationId, { answer: "Page 3." }, DURING)).rejects.toBeInstanceOf(NotFound);
    await answerClarification(providerB, representationId, { answer: "Page 3 of the pricing schedule." }, DURING);
    expect((await db.representation.findUniqueOrThrow({ where: { id: representationId } })).status).toBe("OPEN");
    await expect(answerClarification(providerB, representationId, { answer: "Again." }, DURING)).rejects.toBeInstanceOf(Conflict);
    const actions = (await db.auditEvent.findMany({ where: { entityId: representationId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "representation.submitted",
      "representation.clarification_requested",
      "representation.clarification_answered",
    ]);
    expect((await listRepresentations(t.governor, awardDecisionId))?.representations[0]!.messages.map((m) => m.kind)).toEqual([
      "CLARIFICATION_REQUEST",
      "CLARIFICATION_ANSWER",
    ]);
  });

  it("a further decision needs an outcome and reasons, and an open representation", async () => {
    const bad = await decideOnRepresentations(t.commissioner, t.id, { outcome: "MAYBE", reasons: "short" }, DECIDED).catch(
      (e: unknown) => e,
    );
    expect((bad as Invalid).fieldErrors).toEqual({
      outcome: "Choose what happens next",
      reasons: "Give the reasons for your decision in at least 20 characters",
    });
    await expect(decideOnRepresentations(t.governor, t.id, { outcome: "CONTINUE", reasons: REASONS }, DECIDED)).rejects.toBeInstanceOf(
      Forbidden,
    );
    await decideOnRepresentations(t.commissioner, t.id, { outcome: "CONTINUE", reasons: REASONS }, DECIDED);
    await expect(decideOnRepresentations(t.commissioner, t.id, { outcome: "CONTINUE", reasons: REASONS }, DECIDED)).rejects.toThrow(
      /no open representation/,
    );
  });

  it("continue: the provider is told; the award waits a further 5 working days from that notice", async () => {
    const { confirmNotBefore } = await decideOnRepresentations(t.commissioner, t.id, { outcome: "CONTINUE", reasons: REASONS }, DECIDED);
    expect(confirmNotBefore?.toISOString()).toBe(FURTHER_END.toISOString());
    expect((await db.representation.findUniqueOrThrow({ where: { id: representationId } })).status).toBe("DECIDED");
    const told = await db.outboxMessage.findFirstOrThrow({ where: { template: "representation-decided", to: providerB.email } });
    expect(told.text).toContain(REASONS);
    expect(told.text).toContain("Friday 15 January 2027");
    expect(await db.outboxMessage.count({ where: { template: "representation-decided", to: providerA.email } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "representation.decided_continue", tenderId: t.id } })).toBe(1);

    await expect(confirmAward(t.commissioner, t.id, FURTHER_END)).rejects.toThrow(
      /only after midnight at the end of Friday 15 January 2027/,
    );
    await confirmAward(t.commissioner, t.id, new Date(FURTHER_END.getTime() + 1));
    expect((await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("AWARDED");
  });

  it("back to moderation: the governor's sign-off is voided, the award cannot be confirmed, and the governor signs again", async () => {
    await decideOnRepresentations(t.commissioner, t.id, { outcome: "BACK_TO_MODERATION", reasons: REASONS }, DECIDED);
    const tender = await db.tender.findUniqueOrThrow({ where: { id: t.id } });
    expect(tender).toMatchObject({ status: "MODERATION", rankingFrozenAt: null });
    expect((await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } })).status).toBe("REOPENED");
    expect(await db.signOff.count({ where: { awardDecisionId, voidedAt: null } })).toBe(0);
    await expect(confirmAward(t.commissioner, t.id, new Date("2027-02-01T00:00:00Z"))).rejects.toBeInstanceOf(Conflict);
    expect(await db.outboxMessage.count({ where: { template: "representation-decided", to: t.technicians[0]!.email } })).toBe(1);
    // The letter is marked withdrawn; the governor still reads what happened.
    expect((await getOutcomeLetter(providerB, awardDecisionId)).withdrawn).toBe(true);
    expect((await listRepresentations(t.governor, awardDecisionId))?.reviews.map((r) => r.outcome)).toEqual(["BACK_TO_MODERATION"]);

    const later = new Date(DECIDED.getTime() + 86_400_000);
    await freezeRanking(t.commissioner, t.id, later);
    const again = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
      later,
    );
    const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: again.awardDecisionId } });
    await decideAward(
      t.governor,
      again.awardDecisionId,
      { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash },
      later,
    );
    expect((await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("STANDSTILL");
  });

  it("abandon: the tender is cancelled with the reasons and every bidder is told", async () => {
    await decideOnRepresentations(t.commissioner, t.id, { outcome: "ABANDON", reasons: REASONS }, DECIDED);
    expect(await db.tender.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: "CANCELLED", cancelReason: REASONS });
    expect(await db.outboxMessage.count({ where: { template: "tender-cancelled", to: { in: [providerA.email, providerB.email] } } })).toBe(
      2,
    );
    expect(await db.auditEvent.count({ where: { action: "tender.cancelled", tenderId: t.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "representation.decided_abandon", tenderId: t.id } })).toBe(1);
  });

  it("young commissioners read that the award was reviewed, in plain words, without the provider's words or name", async () => {
    const technician = t.technicians[0]!;
    expect((await getPanelOutcome(technician, t.id)).reviewed).toEqual([expect.stringMatching(/We are checking it now/)]);
    await decideOnRepresentations(t.commissioner, t.id, { outcome: "CONTINUE", reasons: REASONS }, DECIDED);
    const outcome = await getPanelOutcome(technician, t.id);
    expect(outcome.reviewed).toEqual([
      "A bidder asked us to look at the decision again. We checked it carefully. The decision stays the same.",
    ]);
    const text = JSON.stringify(outcome.reviewed);
    expect(text).not.toContain("wrong figure");
    expect(text).not.toContain("Bidder B");
  });
});
