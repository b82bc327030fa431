import { beforeAll, describe, expect, it } from "vitest";
import { confirmAward } from "@/server/awards/confirm-award";
import { decideAward } from "@/server/awards/decide-award";
import { recommendAward } from "@/server/awards/recommend-award";
import { getContract, listContracts } from "@/server/contracts/queries";
import { startRetender } from "@/server/contracts/start-retender";
import { db } from "@/server/db";
import { Conflict, Forbidden, NotFound } from "@/server/errors";
import { createActor } from "../fixtures/factories";
import { frozenTender, type FrozenTender } from "../fixtures/award-builders";

let t: FrozenTender;
let contractId: string;
const AWARDED = new Date("2027-01-05T10:00:00Z");

beforeAll(async () => {
  t = await frozenTender();
  const { awardDecisionId } = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you all." },
    new Date("2026-12-17T14:00:00Z"),
  );
  const hash = (await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } })).contentHash;
  await decideAward(
    t.governor,
    awardDecisionId,
    { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash: hash },
    new Date("2026-12-17T15:00:00Z"),
  );
  contractId = (await confirmAward(t.commissioner, t.id, AWARDED)).contractId;
});

describe("contracts register", () => {
  it("shows a contract as not started yet, then active, then expiring within 12 months, then ended", async () => {
    // The contract runs 1 April 2027 – 31 March 2030: before its first day it has not started (it showed "Active", issue 27).
    const statusOn = async (iso: string) => (await getContract(t.commissioner, contractId, new Date(iso))).registerStatus;
    expect(await statusOn("2027-01-05T10:00:00Z")).toBe("NOT_STARTED");
    expect(await statusOn("2027-03-31T22:30:00Z")).toBe("NOT_STARTED"); // 31 March 2027, 11:30pm in London (BST)
    expect(await statusOn("2027-03-31T23:30:00Z")).toBe("ACTIVE"); // 1 April 2027 in London: its first day
    expect(await statusOn("2027-06-01T10:00:00Z")).toBe("ACTIVE");
    expect(await statusOn("2029-03-29T23:30:00Z")).toBe("ACTIVE"); // 30 March 2029 in London (BST): more than 12 months left
    expect(await statusOn("2029-03-30T23:30:00Z")).toBe("EXPIRING"); // 31 March 2029: it ends within 12 months
    expect(await statusOn("2029-04-01T10:00:00Z")).toBe("EXPIRING");
    expect(await statusOn("2030-04-01T10:00:00Z")).toBe("ENDED");
    // The register's filter agrees with the status shown.
    const ids = async (status: "NOT_STARTED" | "ACTIVE" | "EXPIRING", at = AWARDED) =>
      (await listContracts(t.commissioner, at, { status })).map((c) => c.id);
    expect(await ids("NOT_STARTED")).toContain(contractId);
    expect(await ids("ACTIVE")).not.toContain(contractId);
    expect(await ids("EXPIRING")).not.toContain(contractId);
    expect(await ids("ACTIVE", new Date("2027-06-01T10:00:00Z"))).toContain(contractId);
    expect(await ids("NOT_STARTED", new Date("2027-06-01T10:00:00Z"))).not.toContain(contractId);
  });

  it("a governor sees only their own establishments' contracts; other roles none", async () => {
    expect((await listContracts(t.governor, AWARDED)).map((c) => c.id)).toEqual([contractId]);
    expect(await listContracts(t.otherGovernor, AWARDED)).toEqual([]);
    await expect(getContract(t.otherGovernor, contractId, AWARDED)).rejects.toBeInstanceOf(NotFound);
    for (const role of ["TECHNICIAN", "PROVIDER", "ADMIN"] as const) {
      const outsider = await createActor(role);
      expect(await listContracts(outsider, AWARDED)).toEqual([]);
      await expect(getContract(outsider, contractId, AWARDED)).rejects.toBeInstanceOf(NotFound);
    }
  });

  it("re-tendering is refused too early and for governors; from an expiring contract it copies establishment and criteria into a new draft", async () => {
    await expect(startRetender(t.commissioner, contractId, AWARDED)).rejects.toThrow(/too early/);
    await expect(startRetender(t.governor, contractId, new Date("2029-06-01T10:00:00Z"))).rejects.toBeInstanceOf(Forbidden);
    const { tenderId } = await startRetender(t.commissioner2, contractId, new Date("2029-06-01T10:00:00Z"));
    const tender = await db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      include: { criteria: { orderBy: { position: "asc" } }, panelMembers: true },
    });
    const old = await db.tender.findUniqueOrThrow({ where: { id: t.id }, include: { criteria: { orderBy: { position: "asc" } } } });
    expect(tender).toMatchObject({
      status: "DRAFT",
      establishmentId: t.establishmentId,
      retenderOfContractId: contractId,
      reference: `${old.reference}-R1`,
      contractTermMonths: 36,
    });
    expect(tender.contractStartDate?.toISOString().slice(0, 10)).toBe("2030-04-01");
    expect(tender.criteria.map((c) => [c.name, c.weight, c.kind, c.plainLanguageDescription])).toEqual(
      old.criteria.map((c) => [c.name, c.weight, c.kind, c.plainLanguageDescription]),
    );
    expect(tender.panelMembers.map((p) => [p.userId, p.isChair])).toEqual([[t.commissioner2.id, true]]);
    // Only one live re-tender per contract.
    await expect(startRetender(t.commissioner, contractId, new Date("2029-06-02T10:00:00Z"))).rejects.toBeInstanceOf(Conflict);
    expect((await getContract(t.commissioner, contractId, new Date("2029-06-02T10:00:00Z"))).retenders.map((r) => r.id)).toEqual([
      tenderId,
    ]);
  });
});
