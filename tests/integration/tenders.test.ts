import { fieldErrors } from "../fixtures/expect-invalid";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { WHOLE_LIFE_PRICE } from "@/domain/money";
import { Conflict, Forbidden, Invalid } from "@/server/errors";
import type { Actor } from "@/server/auth/actor";
import { applyPsrTemplate } from "@/server/tenders/apply-psr-template";
import { cancelTender } from "@/server/tenders/cancel-tender";
import { createTender } from "@/server/tenders/create-tender";
import { invitePanelMember } from "@/server/tenders/invite-panel-member";
import { moveCriterion } from "@/server/tenders/move-criterion";
import { openBids } from "@/server/tenders/open-bids";
import { publishTender } from "@/server/tenders/publish-tender";
import { getTenderForCommissioner, listTendersForCommissioner, listOpenTendersForProvider } from "@/server/tenders/queries";
import { removeCriterion } from "@/server/tenders/remove-criterion";
import { respondToPanelInvitation } from "@/server/tenders/respond-to-panel-invitation";
import { saveCriterion } from "@/server/tenders/save-criterion";
import { updateTender } from "@/server/tenders/update-tender";
import type { TenderDetailsInput } from "@/server/tenders/tender-details";
import { createActor, createEstablishment, createOrganisation } from "../fixtures/factories";

const NOW = new Date("2026-11-24T10:00:00Z");
let commissioner: Actor;
let establishmentId: string;
let seq = 0;

function details(overrides: Partial<TenderDetailsInput> = {}): TenderDetailsInput {
  seq++;
  return {
    title: "Feltham health services",
    reference: `TEST-${seq}-${Math.random().toString(36).slice(2, 7)}`,
    summary: "Health care for young people at Feltham, chosen with young commissioners.",
    establishmentId,
    estimatedValue: "£14,500,000",
    contractStartDate: "2027-10-01",
    contractTermMonths: "60",
    procurementRoute: "PSR_COMPETITIVE_PROCESS",
    aggregationRule: "EQUAL_VOTES",
    technicianHourlyRate: "15",
    clarificationDeadlineDate: "2026-12-10",
    clarificationDeadlineTime: "12:00",
    submissionDeadlineDate: "2026-12-18",
    submissionDeadlineTime: "17:00",
    ...overrides,
  };
}

async function readyToPublish(): Promise<string> {
  const { id } = await createTender(commissioner, details(), NOW);
  await applyPsrTemplate(commissioner, id, NOW);
  for (let i = 0; i < 2; i++) {
    const tech = await createActor("TECHNICIAN");
    const { id: memberId } = await invitePanelMember(commissioner, id, tech.id, NOW);
    await respondToPanelInvitation(tech, memberId, true, NOW);
  }
  return id;
}

beforeEach(async () => {
  commissioner = await createActor("COMMISSIONER", { name: "Priya Shah" });
  establishmentId = (await createEstablishment()).id;
});

describe("creating and editing a draft", () => {
  it("stores money in pence, deadlines as UTC instants from London time, and makes the creator the chair", async () => {
    const { id } = await createTender(
      commissioner,
      details({ submissionDeadlineDate: "2027-07-01", submissionDeadlineTime: "17:00" }),
      NOW,
    );
    const tender = await getTenderForCommissioner(commissioner, id, NOW);
    expect(tender.estimatedValuePence).toBe(1_450_000_000n);
    expect(tender.technicianHourlyRatePence).toBe(1500);
    expect(tender.submissionDeadline?.toISOString()).toBe("2027-07-01T16:00:00.000Z"); // BST
    expect(tender.clarificationDeadline?.toISOString()).toBe("2026-12-10T12:00:00.000Z"); // GMT
    expect(tender.status).toBe("DRAFT");
    expect(tender.panelMembers).toEqual([
      expect.objectContaining({ userId: commissioner.id, role: "COMMISSIONER", status: "ACCEPTED", isChair: true }),
    ]);
    expect(await db.auditEvent.count({ where: { action: "tender.created", tenderId: id } })).toBe(1);
  });

  it("saves a draft with the deadline dates left empty, whatever the pre-filled times say", async () => {
    const { id } = await createTender(commissioner, details({ clarificationDeadlineDate: "", submissionDeadlineDate: "" }), NOW);
    const tender = await getTenderForCommissioner(commissioner, id, NOW);
    expect(tender.clarificationDeadline).toBeNull();
    expect(tender.submissionDeadline).toBeNull();
  });

  it("gives one message per problem: two bad deadlines read differently", async () => {
    const errors = await fieldErrors(
      createTender(commissioner, details({ clarificationDeadlineDate: "2026-02-30", submissionDeadlineDate: "2026-13-01" }), NOW),
    );
    expect(errors).toEqual({
      clarificationDeadline: "Clarification deadline: enter a real date",
      submissionDeadline: "Submission deadline: enter a real date",
    });
    expect(new Set(Object.values(errors)).size).toBe(Object.keys(errors).length);
  });

  it("explains every invalid field and writes nothing", async () => {
    const error = await createTender(
      commissioner,
      details({
        title: "",
        reference: "bad ref!",
        estimatedValue: "-3",
        contractTermMonths: "0",
        submissionDeadlineDate: "2026-02-30",
        establishmentId: "",
      }),
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors).sort()).toEqual(
      ["contractTermMonths", "establishmentId", "estimatedValue", "reference", "submissionDeadline", "title"].sort(),
    );
    expect(await db.tender.count({ where: { createdById: commissioner.id } })).toBe(0);
  });

  it("an establishment that is not an id from the list is a field error, not a database error (found by the action fuzz)", async () => {
    const { id } = await createTender(commissioner, details(), NOW);
    for (const establishmentId of ["0", "Feltham", "𝟘\u0000", "-".repeat(300)]) {
      for (const attempt of [
        createTender(commissioner, details({ establishmentId }), NOW),
        updateTender(commissioner, id, details({ establishmentId }), NOW),
      ]) {
        const error = await attempt.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Invalid);
        expect((error as Invalid).fieldErrors).toEqual({ establishmentId: "Select an establishment from the list" });
      }
    }
    expect((await db.tender.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("references are unique (case-insensitively, as stored upper-case)", async () => {
    await createTender(commissioner, details({ reference: "nhse-dup-1" }), NOW);
    const error = await createTender(commissioner, details({ reference: "NHSE-DUP-1" }), NOW).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({ reference: "A tender with this reference already exists" });
  });

  it("only commissioners create; only the commissioners running a tender change it", async () => {
    for (const role of ["TECHNICIAN", "GOVERNOR", "PROVIDER", "ADMIN"] as const) {
      await expect(createTender(await createActor(role), details(), NOW)).rejects.toBeInstanceOf(Forbidden);
    }
    const { id } = await createTender(commissioner, details(), NOW);
    const outsider = await createActor("COMMISSIONER");
    await expect(updateTender(outsider, id, details({ title: "Hijacked" }), NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(saveCriterion(outsider, id, { name: "X", weight: "10", kind: "QUALITY" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    // A commissioner invited to the panel may help run it.
    const { id: memberId } = await invitePanelMember(commissioner, id, outsider.id, NOW);
    await respondToPanelInvitation(outsider, memberId, true, NOW);
    await expect(updateTender(outsider, id, details({ title: "Renamed by a panel commissioner" }), NOW)).resolves.toBeUndefined();
  });

  it("refuses a stale edit (someone else saved first)", async () => {
    const { id } = await createTender(commissioner, details(), NOW);
    await updateTender(commissioner, id, { ...details({ title: "First" }), version: 1 }, NOW);
    await expect(updateTender(commissioner, id, { ...details({ title: "Second" }), version: 1 }, NOW)).rejects.toBeInstanceOf(Conflict);
    expect((await getTenderForCommissioner(commissioner, id, NOW)).title).toBe("First");
  });
});

describe("criteria", () => {
  it("adds, edits, reorders and removes; at most one price criterion", async () => {
    const { id } = await createTender(commissioner, details(), NOW);
    const a = await saveCriterion(
      commissioner,
      id,
      { name: "Quality", weight: "60", kind: "QUALITY", plainLanguageDescription: "How good it is", wordLimit: "1000" },
      NOW,
    );
    const b = await saveCriterion(
      commissioner,
      id,
      { name: "Price", weight: "40", kind: "PRICE", plainLanguageDescription: "Cost", wordLimit: "50" },
      NOW,
    );
    await expect(saveCriterion(commissioner, id, { name: "Price 2", weight: "0", kind: "PRICE" }, NOW)).rejects.toThrow(Invalid);
    await saveCriterion(
      commissioner,
      id,
      { criterionId: a.id, name: "Quality and innovation", weight: "55", kind: "QUALITY", wordLimit: "" },
      NOW,
    );
    await moveCriterion(commissioner, id, b.id, "up", NOW);
    let criteria = (await getTenderForCommissioner(commissioner, id, NOW)).criteria;
    expect(criteria.map((c) => [c.name, c.position, c.weight, c.wordLimit])).toEqual([
      ["Price", 1, 40, null],
      ["Quality and innovation", 2, 55, null],
    ]);
    await removeCriterion(commissioner, id, b.id, NOW);
    criteria = (await getTenderForCommissioner(commissioner, id, NOW)).criteria;
    expect(criteria.map((c) => c.name)).toEqual(["Quality and innovation"]);
  });

  it("checks weights and word limits", async () => {
    const { id } = await createTender(commissioner, details(), NOW);
    for (const weight of ["101", "-1", "12.5", "ten", ""]) {
      const error = await saveCriterion(commissioner, id, { name: "Q", weight, kind: "QUALITY" }, NOW).catch((e: unknown) => e);
      expect([weight, (error as Invalid).fieldErrors.weight]).toEqual([weight, "Weight must be a whole number from 0 to 100"]);
    }
    const error = await saveCriterion(commissioner, id, { name: "Q", weight: "10", kind: "QUALITY", wordLimit: "0" }, NOW).catch(
      (e: unknown) => e,
    );
    expect((error as Invalid).fieldErrors.wordLimit).toMatch(/Word limit/);
  });

  it("the PSR template starts an empty list with the five key criteria adding up to 100", async () => {
    const { id } = await createTender(commissioner, details(), NOW);
    await applyPsrTemplate(commissioner, id, NOW);
    const criteria = (await getTenderForCommissioner(commissioner, id, NOW)).criteria;
    expect(criteria.map((c) => c.name)).toEqual([
      "Quality and innovation",
      "Value",
      "Integration, collaboration and service sustainability",
      "Improving access, reducing health inequalities and facilitating choice",
      "Social value",
    ]);
    expect(criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    // The price is asked for as the whole-life price, in the bid form's words.
    expect(criteria.find((c) => c.kind === "PRICE")!.description).toContain(WHOLE_LIFE_PRICE);
    await expect(applyPsrTemplate(commissioner, id, NOW)).rejects.toBeInstanceOf(Conflict);
  });
});

describe("the panel", () => {
  it("invites commissioners and technicians only, gives technicians anonymous labels, and tells them", async () => {
    const { id } = await createTender(commissioner, details(), NOW);
    const t1 = await createActor("TECHNICIAN", { name: "Jay" });
    const t2 = await createActor("TECHNICIAN", { name: "Mia" });
    await invitePanelMember(commissioner, id, t1.id, NOW);
    await invitePanelMember(commissioner, id, t2.id, NOW);
    await expect(invitePanelMember(commissioner, id, t1.id, NOW)).rejects.toThrow(Invalid);
    const provider = await createActor("PROVIDER");
    const governor = await createActor("GOVERNOR");
    for (const u of [provider, governor]) {
      const error = await invitePanelMember(commissioner, id, u.id, NOW).catch((e: unknown) => e);
      expect((error as Invalid).fieldErrors).toEqual({ userId: "Select a commissioner or young commissioner from the list" });
    }
    const panel = (await getTenderForCommissioner(commissioner, id, NOW)).panelMembers;
    expect(panel.filter((p) => p.role === "TECHNICIAN").map((p) => [p.user.name, p.anonymousLabel, p.status])).toEqual([
      ["Jay", "A", "INVITED"],
      ["Mia", "B", "INVITED"],
    ]);
    expect(await db.notification.count({ where: { userId: t1.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: t1.email, template: "panel-invitation" } })).toBe(1);
  });

  it("only the invited person answers, once", async () => {
    const { id } = await createTender(commissioner, details(), NOW);
    const t1 = await createActor("TECHNICIAN");
    const other = await createActor("TECHNICIAN");
    const { id: memberId } = await invitePanelMember(commissioner, id, t1.id, NOW);
    await expect(respondToPanelInvitation(other, memberId, true, NOW)).rejects.toThrow(/could not find/);
    await respondToPanelInvitation(t1, memberId, false, NOW);
    await expect(respondToPanelInvitation(t1, memberId, true, NOW)).rejects.toBeInstanceOf(Conflict);
  });
});

describe("publishing", () => {
  it("lists every unmet rule, keyed by field, and leaves the tender in DRAFT", async () => {
    const { id } = await createTender(commissioner, details({ clarificationDeadlineDate: "2026-12-20" }), NOW);
    await saveCriterion(commissioner, id, { name: "Quality", weight: "90", kind: "QUALITY" }, NOW);
    const error = await publishTender(commissioner, id, {}, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    const fields = (error as Invalid).fieldErrors;
    expect(fields.criteria).toBe("Weights must add up to 100. They add up to 90.");
    expect(Object.keys(fields).some((k) => k.endsWith(".plainLanguageDescription"))).toBe(true);
    expect(fields.clarificationDeadline).toBe("The clarification deadline must be before the submission deadline");
    expect(fields["panel.technicians"]).toMatch(/at least 2 young commissioners/);
    expect((await getTenderForCommissioner(commissioner, id, NOW)).status).toBe("DRAFT");
  });

  it("refuses a deadline that has passed by the time of publishing", async () => {
    const id = await readyToPublish();
    const later = new Date("2026-12-19T10:00:00Z");
    const error = await publishTender(commissioner, id, {}, later).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors.submissionDeadline).toBe("The submission deadline must be in the future");
  });

  it("publishes once; providers then see it; editing is closed", async () => {
    const id = await readyToPublish();
    const provider = await createActor("PROVIDER");
    expect((await listOpenTendersForProvider(provider, NOW)).map((t) => t.id)).not.toContain(id);
    await publishTender(commissioner, id, {}, NOW);
    await expect(publishTender(commissioner, id, {}, NOW)).rejects.toBeInstanceOf(Conflict);
    expect((await listOpenTendersForProvider(provider, NOW)).map((t) => t.id)).toContain(id);
    await expect(updateTender(commissioner, id, details(), NOW)).rejects.toBeInstanceOf(Conflict);
    await expect(saveCriterion(commissioner, id, { name: "Late", weight: "0", kind: "QUALITY" }, NOW)).rejects.toBeInstanceOf(Conflict);
    expect(await db.auditEvent.count({ where: { action: "tender.published", tenderId: id } })).toBe(1);
  });

  it("two commissioners publishing at the same moment publish it once", async () => {
    const id = await readyToPublish();
    const results = await Promise.allSettled([publishTender(commissioner, id, {}, NOW), publishTender(commissioner, id, {}, NOW)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "tender.published", tenderId: id } })).toBe(1);
  });
});

describe("after the deadline", () => {
  it("the tender shows CLOSED from the clock alone, and bids can be opened only then", async () => {
    const id = await readyToPublish();
    await publishTender(commissioner, id, {}, NOW);
    const deadline = (await getTenderForCommissioner(commissioner, id, NOW)).submissionDeadline!;
    const atDeadline = deadline;
    const justAfter = new Date(deadline.getTime() + 1);
    expect((await getTenderForCommissioner(commissioner, id, atDeadline)).effectiveStatus).toBe("PUBLISHED");
    await expect(openBids(commissioner, id, atDeadline)).rejects.toThrow("Bids stay sealed until the submission deadline has passed.");
    expect((await getTenderForCommissioner(commissioner, id, justAfter)).effectiveStatus).toBe("CLOSED");
    expect((await listTendersForCommissioner(commissioner, { status: "CLOSED" }, justAfter)).map((t) => t.id)).toContain(id);

    const outsider = await createActor("COMMISSIONER");
    await expect(openBids(outsider, id, justAfter)).rejects.toBeInstanceOf(Forbidden);
    await openBids(commissioner, id, justAfter);
    const opened = await getTenderForCommissioner(commissioner, id, justAfter);
    expect(opened.status).toBe("EVALUATION");
    expect(opened.bidsOpenedAt).toEqual(justAfter);
    expect(await db.auditEvent.count({ where: { action: "tender.bids_opened", tenderId: id } })).toBe(1);
    await expect(openBids(commissioner, id, justAfter)).rejects.toThrow("The bids have already been opened.");
  });
});

describe("cancelling", () => {
  it("needs a reason, notifies every provider with a bid, and is refused once cancelled", async () => {
    const id = await readyToPublish();
    await publishTender(commissioner, id, {}, NOW);
    const org = await createOrganisation("PROVIDER");
    const bidder = await createActor("PROVIDER", { organisationId: org.id });
    const bystander = await createActor("PROVIDER");
    await db.bid.create({ data: { tenderId: id, organisationId: org.id, createdById: bidder.id } });

    const error = await cancelTender(commissioner, id, { reason: "  " }, NOW).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({ reason: "Enter the reason for cancelling" });
    await cancelTender(commissioner, id, { reason: "The service specification is changing after the national review." }, NOW);
    const tender = await getTenderForCommissioner(commissioner, id, NOW);
    expect(tender).toMatchObject({ status: "CANCELLED", cancelReason: "The service specification is changing after the national review." });
    expect(await db.notification.count({ where: { userId: bidder.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: bystander.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: bidder.email, template: "tender-cancelled" } })).toBe(1);
    await expect(cancelTender(commissioner, id, { reason: "Cancelling a second time" }, NOW)).rejects.toBeInstanceOf(Conflict);
  });

  it("is refused once the contract is awarded", async () => {
    const { id } = await createTender(commissioner, details(), NOW);
    await db.tender.update({ where: { id }, data: { status: "AWARDED" } });
    await expect(cancelTender(commissioner, id, { reason: "Too late to cancel this one" }, NOW)).rejects.toThrow(/not possible/);
  });
});
