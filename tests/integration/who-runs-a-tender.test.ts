// Finding 2 of issue 10: a commissioner who was invited to a panel and did
// not answer, declined or stepped back does not run the tender. Only the
// tender's creator and commissioners with an accepted seat do.
import { describe, expect, it, vi } from "vitest";
import { confirmAward } from "@/server/awards/confirm-award";
import { getAwardForCommissioner } from "@/server/awards/queries";
import { recommendAward } from "@/server/awards/recommend-award";
import type { Actor } from "@/server/auth/actor";
import { answerQuestion } from "@/server/clarifications/answer-question";
import { askQuestion } from "@/server/clarifications/ask-question";
import { db } from "@/server/db";
import { Forbidden, NotFound } from "@/server/errors";
import { exportClaimsCsv } from "@/server/technicians/export-claims-csv";
import { markPaid } from "@/server/technicians/mark-paid";
import { listClaims, listTimeToApprove } from "@/server/technicians/queries";
import { logTime } from "@/server/technicians/log-time";
import { reviewTimeEntry } from "@/server/technicians/review-time-entry";
import { cancelTender } from "@/server/tenders/cancel-tender";
import { openBids } from "@/server/tenders/open-bids";
import { publishTender } from "@/server/tenders/publish-tender";
import { getTenderForColleague, getTenderForCommissioner } from "@/server/tenders/queries";
import { listQuestionsForCommissioner } from "@/server/clarifications/queries";
import { updateTender } from "@/server/tenders/update-tender";
import { GET as claimsCsvRoute } from "@/app/api/time/claims.csv/route";
import { frozenTender } from "../fixtures/award-builders";
import { createActor } from "../fixtures/factories";
import { providerOrganisation, publishedTender } from "../fixtures/tender-builders";
import { addTechnician, approvedEntry, NOW, timeInput, timeTender } from "../fixtures/time-builders";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getActor: async () => session.actor }));

type Status = "INVITED" | "DECLINED" | "STEPPED_BACK";
const NOT_RUNNING: Status[] = ["INVITED", "DECLINED", "STEPPED_BACK"];

/** A commissioner with a seat of the given status on the tender's panel. */
async function commissionerWithSeat(tenderId: string, invitedById: string, status: Status | "ACCEPTED"): Promise<Actor> {
  const actor = await createActor("COMMISSIONER");
  await db.panelMember.create({
    data: {
      tenderId,
      userId: actor.id,
      role: "COMMISSIONER",
      status,
      invitedById,
      steppedBackAt: status === "STEPPED_BACK" ? new Date() : null,
    },
  });
  return actor;
}

const DEADLINE = new Date("2026-12-18T17:00:00.000Z");
const BEFORE = new Date("2026-12-01T10:00:00.000Z");
const AFTER = new Date("2026-12-19T09:00:00.000Z");

async function draftTender() {
  const t = await publishedTender({ deadline: DEADLINE });
  await db.tender.update({ where: { id: t.id }, data: { status: "DRAFT", publishedAt: null } });
  return t;
}

const details = (establishmentId: string) => ({
  title: "Renamed",
  reference: `T-${Math.random().toString(36).slice(2, 8)}`,
  summary: "Health care for young people in custody.",
  establishmentId,
  procurementRoute: "PSR_COMPETITIVE_PROCESS" as const,
  aggregationRule: "EQUAL_VOTES" as const,
});

describe.each(NOT_RUNNING)("a commissioner whose seat is %s does not run the tender", (status) => {
  it("cannot edit or publish a draft, and its page offers them no changes", async () => {
    const t = await draftTender();
    const them = await commissionerWithSeat(t.id, t.commissioner.id, status);
    await expect(updateTender(them, t.id, details(t.establishmentId), BEFORE)).rejects.toBeInstanceOf(Forbidden);
    await expect(publishTender(them, t.id, {}, BEFORE)).rejects.toBeInstanceOf(Forbidden);
    await expect(getTenderForCommissioner(them, t.id, BEFORE)).rejects.toBeInstanceOf(Forbidden);
    expect(await db.tender.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      status: "DRAFT",
      title: "Health services for young people",
    });
  });

  it("cannot cancel, answer questions or open the bids", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const them = await commissionerWithSeat(t.id, t.commissioner.id, status);
    const bidder = await providerOrganisation();
    const { id: questionId } = await askQuestion(bidder.users[0], t.id, { question: "Is the service 24/7?" }, BEFORE);
    await expect(answerQuestion(them, t.id, questionId, { answer: "Yes" }, BEFORE)).rejects.toBeInstanceOf(Forbidden);
    await expect(cancelTender(them, t.id, { reason: "Funding withdrawn" }, BEFORE)).rejects.toBeInstanceOf(Forbidden);
    await expect(openBids(them, t.id, AFTER)).rejects.toBeInstanceOf(Forbidden);
    expect(await db.tender.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: "PUBLISHED", bidsOpenedAt: null });
    expect(await db.clarificationQuestion.findUniqueOrThrow({ where: { id: questionId } })).toMatchObject({ answer: null });
  });

  it("cannot recommend or confirm the award", async () => {
    const t = await frozenTender();
    const them = await commissionerWithSeat(t.id, t.commissioner.id, status);
    await expect(
      recommendAward(them, t.id, { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thanks" }, AFTER),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(confirmAward(them, t.id, new Date("2027-02-01T12:00:00Z"))).rejects.toBeInstanceOf(Forbidden);
    await expect(getAwardForCommissioner(them, t.id)).rejects.toBeInstanceOf(Forbidden);
    expect(await db.awardDecision.count({ where: { tenderId: t.id } })).toBe(0);
  });

  it("cannot approve time, mark it paid, list claims or download the payroll CSV", async () => {
    const t = await timeTender();
    const them = await commissionerWithSeat(t.id, t.commissioner.id, status);
    const young = await addTechnician(t, { name: "Jordan Payroll-Secret", label: "C" });
    const { id: pending } = await logTime(young, timeInput(t.id), NOW);
    const approved = await approvedEntry(t, young);
    await expect(reviewTimeEntry(them, pending, { decision: "approve" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(markPaid(them, [approved], NOW)).rejects.toBeInstanceOf(Forbidden);
    expect(await listTimeToApprove(them)).toHaveLength(0);
    expect(await listClaims(them)).toHaveLength(0);
    const { csv, count } = await exportClaimsCsv(them);
    expect(count).toBe(0);
    expect(csv).not.toContain("Jordan Payroll-Secret");
    session.actor = them;
    const response = await claimsCsvRoute(new Request("http://localhost/api/time/claims.csv"));
    expect(await response.text()).not.toContain("Jordan Payroll-Secret");
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: pending } })).toMatchObject({ status: "PENDING" });
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: approved } })).toMatchObject({ status: "APPROVED" });
  });
});

describe("commissioners who do run the tender", () => {
  it("a commissioner with an accepted seat edits, answers, approves time and sees the claims", async () => {
    const draft = await draftTender();
    const colleague = await commissionerWithSeat(draft.id, draft.commissioner.id, "ACCEPTED");
    await expect(updateTender(colleague, draft.id, details(draft.establishmentId), BEFORE)).resolves.toBeUndefined();

    const t = await timeTender();
    const young = await addTechnician(t, { name: "Sam Paid", label: "C" });
    const { id } = await logTime(young, timeInput(t.id), NOW);
    await reviewTimeEntry(t.commissioner2, id, { decision: "approve" }, NOW);
    const { csv } = await exportClaimsCsv(t.commissioner2);
    expect(csv).toContain("Sam Paid");
  });

  it("the payroll CSV lists only time on tenders the commissioner runs", async () => {
    const mine = await timeTender();
    const theirs = await timeTender();
    await commissionerWithSeat(theirs.id, theirs.commissioner.id, "DECLINED").then(async (declined) => {
      // The same person runs `mine` and declined a seat on `theirs`.
      await db.panelMember.create({
        data: { tenderId: mine.id, userId: declined.id, role: "COMMISSIONER", status: "ACCEPTED", invitedById: mine.commissioner.id },
      });
      await approvedEntry(mine, await addTechnician(mine, { name: "Alex Mine", label: "C" }));
      await approvedEntry(theirs, await addTechnician(theirs, { name: "Robin Theirs", label: "C" }));
      const { csv } = await exportClaimsCsv(declined);
      expect(csv).toContain("Alex Mine");
      expect(csv).not.toContain("Robin Theirs");
    });
    const outsider = await createActor("COMMISSIONER");
    expect((await exportClaimsCsv(outsider)).count).toBe(0);
  });
});

// Issue 22, item 8: what a commissioner who does not run a tender reads. Colleagues need what it is, where it is up to
// and whom to ask; its details, the providers' questions and its award are for the commissioners running it.
describe.each(["no seat", ...NOT_RUNNING] as const)("a commissioner with %s on the panel reads only what colleagues need", (seat) => {
  const colleague = async (tenderId: string, invitedById: string) =>
    seat === "no seat" ? createActor("COMMISSIONER") : commissionerWithSeat(tenderId, invitedById, seat);

  it("a draft: its title, reference, establishment, stage and who runs it; not its details", async () => {
    const t = await draftTender();
    const runner = await commissionerWithSeat(t.id, t.commissioner.id, "ACCEPTED");
    const them = await colleague(t.id, t.commissioner.id);
    const glance = await getTenderForColleague(them, t.id, BEFORE);
    expect(Object.keys(glance).sort()).toEqual(["establishment", "id", "reference", "runBy", "runsIt", "stage", "title"]);
    expect(glance).toMatchObject({ id: t.id, title: "Health services for young people", stage: "DRAFT", runsIt: false });
    expect(glance.runBy).toEqual([t.commissioner.name, runner.name]);
    // Nothing of the draft's content: summary, criteria, deadlines, value, panel.
    const { summary } = await db.tender.findUniqueOrThrow({ where: { id: t.id }, select: { summary: true } });
    expect(JSON.stringify(glance)).not.toContain(summary);
    await expect(getTenderForCommissioner(them, t.id, BEFORE)).rejects.toBeInstanceOf(Forbidden);
    // The commissioners running it read everything, and are told they run it.
    expect((await getTenderForColleague(runner, t.id, BEFORE)).runsIt).toBe(true);
    expect((await getTenderForCommissioner(runner, t.id, BEFORE)).summary).toBe(summary);
  });

  it("the providers' clarification questions: none, in the query's where", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const them = await colleague(t.id, t.commissioner.id);
    const bidder = await providerOrganisation();
    await askQuestion(bidder.users[0], t.id, { question: "Is the service needed at weekends?" }, BEFORE);
    expect(await listQuestionsForCommissioner(them, t.id)).toEqual([]);
    expect((await listQuestionsForCommissioner(t.commissioner, t.id)).map((q) => q.question)).toEqual([
      "Is the service needed at weekends?",
    ]);
  });

  it("the award page: refused", async () => {
    const t = await frozenTender();
    const them = await colleague(t.id, t.commissioner.id);
    await expect(getAwardForCommissioner(them, t.id)).rejects.toBeInstanceOf(Forbidden);
    expect((await getAwardForCommissioner(t.commissioner, t.id)).canManage).toBe(true);
  });
});

it("an id that is no tender is not found, for the colleague's view and the runner's alike", async () => {
  const them = await createActor("COMMISSIONER");
  const missing = "00000000-0000-4000-8000-000000000000";
  await expect(getTenderForColleague(them, missing, BEFORE)).rejects.toBeInstanceOf(NotFound);
  await expect(getTenderForCommissioner(them, missing, BEFORE)).rejects.toBeInstanceOf(NotFound);
  await expect(getAwardForCommissioner(them, missing)).rejects.toBeInstanceOf(NotFound);
});
