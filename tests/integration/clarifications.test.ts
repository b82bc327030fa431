import { beforeEach, describe, expect, it } from "vitest";
import { saveBidDraft } from "@/server/bids/save-bid";
import { answerQuestion } from "@/server/clarifications/answer-question";
import { askQuestion } from "@/server/clarifications/ask-question";
import { listMyQuestions, listPublishedClarifications, listQuestionsForCommissioner, revealAsker } from "@/server/clarifications/queries";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid } from "@/server/errors";
import { createActor } from "../fixtures/factories";
import { providerOrganisation, publishedTender, type PublishedTender } from "../fixtures/tender-builders";

const DEADLINE = new Date("2026-12-18T17:00:00.000Z");
const CLARIFICATION_DEADLINE = new Date("2026-12-10T12:00:00.000Z");
const BEFORE = new Date("2026-12-01T10:00:00.000Z");
let tender: PublishedTender;

beforeEach(async () => {
  tender = await publishedTender({ deadline: DEADLINE, clarificationDeadline: CLARIFICATION_DEADLINE });
});

describe("clarification questions", () => {
  it("a provider asks; the answer is published to all providers without naming who asked; bidders and askers are told", async () => {
    const asker = await providerOrganisation("Asking Org");
    const bidder = await providerOrganisation("Bidding Org");
    const bystander = await providerOrganisation("Quiet Org");
    await saveBidDraft(bidder.users[0], tender.id, { responses: {} }, BEFORE);
    const { id } = await askQuestion(asker.users[0], tender.id, { question: "Is the service 24/7, including weekends?" }, BEFORE);

    expect(await listPublishedClarifications(tender.id)).toEqual([]);
    expect(await listMyQuestions(asker.users[1], tender.id)).toEqual([
      expect.objectContaining({ question: "Is the service 24/7, including weekends?", answer: null }),
    ]);
    expect(await listMyQuestions(bidder.users[0], tender.id)).toEqual([]);

    await answerQuestion(
      tender.commissioner,
      tender.id,
      id,
      { answer: "Yes. Nursing cover is 24/7; GP sessions run on weekdays." },
      BEFORE,
    );
    const published = await listPublishedClarifications(tender.id);
    expect(published).toEqual([
      {
        id,
        question: "Is the service 24/7, including weekends?",
        answer: "Yes. Nursing cover is 24/7; GP sessions run on weekdays.",
        publishedAt: BEFORE,
      },
    ]);
    expect(JSON.stringify(published)).not.toContain("Asking Org");

    const told = await db.notification.findMany({ where: { title: { startsWith: "New clarification answer" } }, select: { userId: true } });
    const toldIds = told.map((n) => n.userId).sort();
    expect(toldIds).toEqual([...asker.users, ...bidder.users].map((u) => u.id).sort());
    expect(toldIds).not.toContain(bystander.users[0].id);
    await expect(answerQuestion(tender.commissioner, tender.id, id, { answer: "Again" }, BEFORE)).rejects.toBeInstanceOf(Conflict);
  });

  it("commissioners see questions without who asked, unless they open the detail, which is audited", async () => {
    const asker = await providerOrganisation("Curious Health Ltd");
    const { id } = await askQuestion(asker.users[0], tender.id, { question: "What is the TUPE position?" }, BEFORE);
    const list = await listQuestionsForCommissioner(tender.commissioner, tender.id);
    expect(JSON.stringify(list)).not.toContain("Curious Health Ltd");
    expect(await revealAsker(tender.commissioner, id)).toEqual({ organisation: "Curious Health Ltd", askedBy: asker.users[0].name });
    expect(await db.auditEvent.count({ where: { action: "clarification.asker_viewed", entityId: id } })).toBe(1);
    await expect(revealAsker(asker.users[1], id)).rejects.toBeInstanceOf(Forbidden);
  });

  it("checks the question, the role and the clarification deadline", async () => {
    const {
      users: [p],
    } = await providerOrganisation();
    await expect(askQuestion(p, tender.id, { question: "   " }, BEFORE)).rejects.toBeInstanceOf(Invalid);
    await expect(askQuestion(p, tender.id, { question: "x".repeat(2001) }, BEFORE)).rejects.toThrow(Invalid);
    await expect(askQuestion(await createActor("COMMISSIONER"), tender.id, { question: "Q?" }, BEFORE)).rejects.toBeInstanceOf(Forbidden);
    await expect(askQuestion(p, tender.id, { question: "At the deadline?" }, CLARIFICATION_DEADLINE)).resolves.toBeTruthy();
    await expect(askQuestion(p, tender.id, { question: "Too late?" }, new Date(CLARIFICATION_DEADLINE.getTime() + 1))).rejects.toThrow(
      "The deadline for clarification questions has passed.",
    );
  });

  it("only the commissioners running the tender answer", async () => {
    const {
      users: [p],
    } = await providerOrganisation();
    const { id } = await askQuestion(p, tender.id, { question: "Q?" }, BEFORE);
    await expect(answerQuestion(await createActor("COMMISSIONER"), tender.id, id, { answer: "A" }, BEFORE)).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(answerQuestion(tender.technicians[0]!, tender.id, id, { answer: "A" }, BEFORE)).rejects.toBeInstanceOf(Forbidden);
    await expect(answerQuestion(tender.commissioner, tender.id, id, { answer: "" }, BEFORE)).rejects.toBeInstanceOf(Invalid);
  });
});
