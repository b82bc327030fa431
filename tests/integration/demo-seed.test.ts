import { describe, expect, it } from "vitest";
import { describeWholeLifePrice, WHOLE_LIFE_PRICE } from "@/domain/money";
import { compileReleases, penceToAmount } from "@/domain/ocds";
import { validateForPublish } from "@/domain/tender-lifecycle";
import { getOutcomeLetter } from "@/server/awards/queries";
import { authenticate } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { computeResults } from "@/server/evaluation/results";
import { DEMO_TENDER_REFERENCE, seedDemo } from "@/server/demo/demo-scenario";
import { STAGE_TENDERS } from "@/server/demo/demo-stages";
import { GATHERING_TENDER_REFERENCE } from "@/server/demo/demo-shaping";

const counts = async () => ({
  users: await db.user.count(),
  organisations: await db.organisation.count(),
  establishments: await db.establishment.count(),
  tenders: await db.tender.count(),
  criteria: await db.criterion.count(),
  panel: await db.panelMember.count(),
  audit: await db.auditEvent.count(),
  scores: await db.score.count(),
  time: await db.timeEntry.count(),
  contracts: await db.contract.count(),
});

const statusOf = async (reference: string) => (await db.tender.findUniqueOrThrow({ where: { reference } })).status;

// The seed drives eight tenders through the real use cases: more than the default 30 s on a busy machine.
describe("the demo seed", { timeout: 180_000 }, () => {
  const now = new Date("2026-11-24T10:00:00Z");

  it("creates a user for every role and the Feltham re-tender in DRAFT, ready to publish", async () => {
    const result = await seedDemo({ password: "demo password for tests", now });
    expect(result.created).toBe(true);
    expect(await counts()).toMatchObject({
      users: 12,
      organisations: 4,
      establishments: 2,
      // The Feltham re-tender, one at every later stage, and the Feltham service being shaped.
      tenders: 1 + STAGE_TENDERS.length + 1,
      contracts: 2,
    });

    const tender = await db.tender.findUniqueOrThrow({
      where: { reference: DEMO_TENDER_REFERENCE },
      include: { criteria: true, panelMembers: true, establishment: true },
    });
    expect(tender.status).toBe("DRAFT");
    expect(tender.criteria).toHaveLength(5);
    expect(tender.panelMembers).toHaveLength(5);
    expect(tender.establishment.name).toBe("HMYOI Feltham");
    expect(tender.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(tender.criteria.filter((c) => c.kind === "PRICE")).toHaveLength(1);
    // It is realistic: the only thing between it and publishing is the commissioner's decision.
    const problems = validateForPublish(
      {
        ...tender,
        establishmentId: tender.establishmentId,
        criteria: tender.criteria,
        panel: tender.panelMembers.map((p) => ({ role: p.role, accepted: p.status === "ACCEPTED" })),
      },
      now,
    );
    expect(problems).toEqual([]);
    expect(JSON.stringify({ ...tender, estimatedValuePence: String(tender.estimatedValuePence) })).not.toMatch(/lorem|ipsum/i);

    const governor2 = await db.user.findUniqueOrThrow({
      where: { email: "governor2@demo.test" },
      include: { establishments: { include: { establishment: true } } },
    });
    expect(governor2.establishments.map((e) => e.establishment.name)).toEqual(["HMYOI Cookham Wood"]);
    await expect(authenticate({ email: "technician2@demo.test", password: "demo password for tests", ip: null })).resolves.toMatchObject({
      role: "TECHNICIAN",
    });
  });

  it("puts a tender at every later stage, through the real use cases, with dates relative to the day of seeding", async () => {
    expect(await statusOf("NHSE-LDN-2026-021")).toBe("PUBLISHED");
    expect(await statusOf("NHSE-LDN-2026-017")).toBe("EVALUATION");
    expect(await statusOf("NHSE-LDN-2026-012")).toBe("MODERATION");
    expect(await statusOf("NHSE-LDN-2026-009")).toBe("AWARD_PENDING_SIGNOFF");
    expect(await statusOf("NHSE-LDN-2026-006")).toBe("STANDSTILL");
    expect(await statusOf("NHSE-LDN-2026-002")).toBe("AWARDED");
    expect(await statusOf("NHSE-LDN-2023-031")).toBe("AWARDED");

    // Open for bids: the deadline is ahead; one bidder submitted, another has a draft.
    const open = await db.tender.findUniqueOrThrow({ where: { reference: "NHSE-LDN-2026-021" }, include: { bids: true } });
    expect(open.submissionDeadline!.getTime()).toBeGreaterThan(now.getTime());
    expect(open.bids.map((b) => b.status).sort()).toEqual(["DRAFT", "SUBMITTED"]);
    // Evaluation: some scores in, not all.
    const evaluation = await db.tender.findUniqueOrThrow({ where: { reference: "NHSE-LDN-2026-017" }, include: { panelMembers: true } });
    expect(await db.score.count({ where: { bid: { tenderId: evaluation.id }, status: "SUBMITTED" } })).toBe(12);
    expect(evaluation.panelMembers.filter((p) => p.scoresSubmittedAt)).toHaveLength(1);
    // Moderation: divergent cells to discuss.
    const moderation = await db.tender.findUniqueOrThrow({ where: { reference: "NHSE-LDN-2026-012" } });
    const { result } = await computeResults(db, moderation.id);
    expect(result.bids.flatMap((b) => b.cells).filter((c) => c.divergent).length).toBeGreaterThan(0);
    // Awaiting the Feltham governor's sign-off.
    const pending = await db.awardDecision.findFirstOrThrow({
      where: { tender: { reference: "NHSE-LDN-2026-009" } },
      include: { tender: { include: { establishment: true } } },
    });
    expect(pending.status).toBe("PENDING_SIGNOFF");
    expect(pending.tender.establishment.code).toBe("FMI");
    // Standstill: running today, letters sent to every bidder.
    const standstill = await db.awardDecision.findFirstOrThrow({ where: { tender: { reference: "NHSE-LDN-2026-006" } } });
    expect(standstill.standstillEndsAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(await db.notification.count({ where: { href: `/letters/${standstill.id}` } })).toBe(3);
    // The older contract ends within 6 months of today; the newer one starts after it was awarded.
    const contracts = await db.contract.findMany({ orderBy: { endDate: "asc" } });
    const monthsLeft = (contracts[0]!.endDate.getTime() - now.getTime()) / (30.44 * 86_400_000);
    expect(monthsLeft).toBeGreaterThan(0);
    expect(monthsLeft).toBeLessThan(6);
    expect(contracts[1]!.startDate.getTime()).toBeGreaterThan(now.getTime());
    // Paid time at every stage: logged while marking (waiting to be checked), approved once the ranking is frozen, paid once awarded.
    const time = async (reference: string) =>
      (await db.timeEntry.findMany({ where: { tender: { reference } }, select: { status: true } })).map((e) => e.status);
    expect(await time("NHSE-LDN-2026-021")).toEqual([]);
    expect(new Set(await time("NHSE-LDN-2026-017"))).toEqual(new Set(["PENDING"]));
    expect(new Set(await time("NHSE-LDN-2026-012"))).toEqual(new Set(["PENDING"]));
    expect(new Set(await time("NHSE-LDN-2026-006"))).toEqual(new Set(["APPROVED"]));
    expect(new Set(await time("NHSE-LDN-2026-002"))).toEqual(new Set(["PAID"]));
    const jay = await db.timeEntry.findMany({ where: { technician: { email: "technician1@demo.test" }, status: "PAID" } });
    expect(jay.length).toBeGreaterThan(0);
    // Fixed at approval: the tender's £15.00 an hour, exactly.
    for (const e of jay) expect(e.amountPence).toBe((e.minutes * 1500) / 60);
    // A young commissioner still to give consent.
    const leo = await db.user.findUniqueOrThrow({ where: { email: "technician4@demo.test" }, include: { consents: true } });
    expect(leo.consents).toEqual([]);
  });

  it("prices mean one thing, the whole-life price, from the bid to the award, the contract and the open data", async () => {
    // Every demo tender's Value criterion asks for it in the same words as the bid form and the letters.
    const prices = await db.criterion.findMany({ where: { kind: "PRICE" }, select: { description: true } });
    expect(prices).toHaveLength(1 + STAGE_TENDERS.length);
    for (const c of prices) expect(c.description).toContain(WHOLE_LIFE_PRICE);

    for (const reference of ["NHSE-LDN-2026-006", "NHSE-LDN-2026-002", "NHSE-LDN-2023-031"]) {
      const tender = await db.tender.findUniqueOrThrow({ where: { reference } });
      const decision = await db.awardDecision.findFirstOrThrow({ where: { tenderId: tender.id, status: "APPROVED" } });
      const bid = await db.bid.findUniqueOrThrow({ where: { id: decision.recommendedBidId } });
      const releases = await db.ocdsRelease.findMany({ where: { tenderId: tender.id }, orderBy: { seq: "asc" } });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const compiled = compileReleases(releases[0]!.ocid, releases.map((r) => r.release) as any) as any;
      const amount = penceToAmount(bid.pricePence!);
      expect(compiled.awards[0].value, reference).toEqual({ amount, currency: "GBP" });
      // The same meaning as tender.value: a price for the whole term is near the whole-life estimate, not a third of it.
      const ratio = amount / compiled.tender.value.amount;
      expect(ratio, reference).toBeGreaterThan(0.8);
      expect(ratio, reference).toBeLessThan(1.2);
      const contract = await db.contract.findUnique({ where: { awardDecisionId: decision.id } });
      if (contract) {
        expect(contract.valuePence).toBe(bid.pricePence);
        expect(compiled.contracts[0].value).toEqual({ amount, currency: "GBP" });
      }
    }
    // In standstill: Thameside's £1,365,000 over 36 months against the £1,350,000 estimate, £455,000 a year on its letter.
    const standstill = await db.awardDecision.findFirstOrThrow({ where: { tender: { reference: "NHSE-LDN-2026-006" } } });
    const thameside = await db.user.findUniqueOrThrow({ where: { email: "provider1@demo.test" } });
    const letter = await getOutcomeLetter(
      {
        id: thameside.id,
        role: "PROVIDER",
        name: thameside.name,
        email: thameside.email,
        organisationId: thameside.organisationId,
        establishmentIds: [],
      },
      standstill.id,
    );
    expect(letter.successful).toBe(true);
    expect(letter.price).toEqual({ pence: "136500000", termMonths: 36 });
    expect(describeWholeLifePrice(letter.price!.pence, letter.price!.termMonths)).toBe(
      "£1,365,000.00 for the full 36-month term (£455,000.00 a year)",
    );
  });

  it("checks the contracts: Cookham Wood's quarters returned and reviewed, the latest still to come; Feltham physiotherapy's commitments signed", async () => {
    const cookham = await db.contract.findFirstOrThrow({ where: { tender: { reference: "NHSE-LDN-2023-031" } } });
    const periods = await db.contractPeriod.findMany({
      where: { contractId: cookham.id },
      orderBy: { number: "asc" },
      include: { returns: true, review: { include: { signOffs: true, actions: { include: { answers: true } } } } },
    });
    const ended = periods.filter((p) => p.endDate < now);
    expect(ended.length).toBeGreaterThanOrEqual(5);
    // A year and more of reviews, each signed by the commissioner and the governor; the latest quarter's return is still to come.
    const reviewed = ended.slice(0, -1);
    expect(reviewed.every((p) => p.returns.length === 1 && p.review?.signOffs.filter((s) => s.decision === "APPROVED").length === 2)).toBe(
      true,
    );
    expect(ended.at(-1)!.returns).toHaveLength(0);
    // Some measure was missed, an action agreed and answered.
    const actions = reviewed.flatMap((p) => p.review!.actions);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.answers.length === 1)).toBe(true);
    const physio = await db.contract.findFirstOrThrow({
      where: { tender: { reference: "NHSE-LDN-2026-002" } },
      include: { commitmentVersions: { include: { signOffs: true, measures: true } } },
    });
    expect(physio.commitmentVersions).toHaveLength(1);
    expect(new Set(physio.commitmentVersions[0]!.signOffs.map((s) => s.signerRole))).toEqual(new Set(["COMMISSIONER", "PROVIDER"]));
  });

  it("has a Feltham draft being shaped with young people: gathering views, a focus group, answers waiting to be checked", async () => {
    const tender = await db.tender.findUniqueOrThrow({
      where: { reference: GATHERING_TENDER_REFERENCE },
      include: {
        establishment: true,
        shapingStage: { include: { members: { include: { user: true } }, questions: true, sessions: true } },
      },
    });
    expect(tender.status).toBe("DRAFT");
    expect(tender.establishment.code).toBe("FMI");
    const stage = tender.shapingStage!;
    expect(stage.status).toBe("GATHERING");
    expect(stage.questions).toHaveLength(4);
    expect(stage.members.map((m) => [m.user.email, m.status, m.isFacilitator]).sort()).toEqual([
      ["commissioner2@demo.test", "ACCEPTED", true],
      ["technician1@demo.test", "ACCEPTED", false],
      ["technician2@demo.test", "ACCEPTED", false],
    ]);
    expect(stage.sessions).toHaveLength(1);
    expect(await db.shapingView.count({ where: { stageId: stage.id, source: "SESSION", check: "ACCEPTED" } })).toBe(8);
    expect(await db.shapingView.count({ where: { stageId: stage.id, source: "MEMBER", check: "WAITING" } })).toBe(3);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    const again = await seedDemo({ password: "a different password", now });
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
