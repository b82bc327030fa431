import { beforeEach, describe, expect, it } from "vitest";
import { createAgreement } from "@/server/agreements/create-agreement";
import { compareAgreementVersions, getAgreement, listAgreements } from "@/server/agreements/queries";
import { saveAgreementVersion } from "@/server/agreements/save-agreement-version";
import { signAgreement } from "@/server/agreements/sign-agreement";
import { listMyNotifications } from "@/server/notifications/queries";
import { voidedByVersion, versionState } from "@/domain/agreement-status";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { createActor, createEstablishment } from "../fixtures/factories";

let commissioner: Actor;
let commissioner2: Actor;
let governor: Actor;
let otherGovernor: Actor;
let establishmentId: string;
let periodStart = 2027;

const CONTENT = {
  priorities: "## Priorities\nMental health support within 24 hours of arrival.\nDental care waiting times under 4 weeks.",
  servicesInScope: "Primary care, mental health, substance misuse, dental.",
  youngPeopleInvolvement: "## Panels\nTwo young commissioning technicians score every tender.\n## Feedback\nQuarterly youth council.",
  otherTerms: "",
  contractIds: [] as string[],
};

beforeEach(async () => {
  establishmentId = (await createEstablishment()).id;
  commissioner = await createActor("COMMISSIONER");
  commissioner2 = await createActor("COMMISSIONER");
  governor = await createActor("GOVERNOR", { establishmentIds: [establishmentId] });
  otherGovernor = await createActor("GOVERNOR", { establishmentIds: [(await createEstablishment()).id] });
  periodStart += 1;
});

const create = (overrides: Partial<Parameters<typeof createAgreement>[1]> = {}) =>
  createAgreement(commissioner, {
    establishmentId,
    title: "Feltham co-commissioning agreement",
    periodStart: `${periodStart}-04-01`,
    periodEnd: `${periodStart + 1}-03-31`,
    ...CONTENT,
    ...overrides,
  });

async function latest(agreementId: string) {
  return (await getAgreement(commissioner, agreementId)).latest;
}

async function sign(actor: Actor, agreementId: string, decision = "APPROVED", comment = "") {
  const v = await latest(agreementId);
  return signAgreement(actor, agreementId, {
    decision,
    typedName: decision === "APPROVED" ? actor.name : "",
    comment,
    contentHash: v.contentHash,
    version: v.version,
  });
}

describe("drafting an agreement", () => {
  it("a commissioner creates version 1 with a content hash; bad input is refused with field messages", async () => {
    const { agreementId } = await create();
    const v1 = await latest(agreementId);
    expect(v1.version).toBe(1);
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.youngPeopleInvolvement).toContain("## Feedback");

    const bad = await create({
      title: " ",
      periodStart: "2027-02-30",
      periodEnd: "2026-01-01",
      priorities: "",
      servicesInScope: "x".repeat(20_001),
    }).catch((e: unknown) => e);
    expect(Object.keys((bad as Invalid).fieldErrors).sort()).toEqual(["periodStart", "priorities", "servicesInScope", "title"]);
    const backwards = await create({ periodStart: "2027-04-01", periodEnd: "2027-03-31" }).catch((e: unknown) => e);
    expect((backwards as Invalid).fieldErrors).toEqual({ periodEnd: "The end must be after the start" });
    const duplicate = await create().catch((e: unknown) => e);
    expect((duplicate as Invalid).fieldErrors).toEqual({
      periodStart: "This establishment already has an agreement starting on that date",
    });
    await expect(
      createAgreement(governor, { establishmentId, title: "x", periodStart: "2030-04-01", periodEnd: "2031-03-31", ...CONTENT }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it("refuses to link another establishment's contract", async () => {
    const bad = await create({ contractIds: ["00000000-0000-4000-8000-000000000000"] }).catch((e: unknown) => e);
    expect((bad as Invalid).fieldErrors).toEqual({ contractIds: "Choose contracts of this establishment from the list" });
  });
});

describe("signing", () => {
  it("the typed name is compared ignoring capitals and extra spaces, kept as typed, with the account's name beside it", async () => {
    const { agreementId } = await create();
    const v = await latest(agreementId);
    const as = (typedName: string) =>
      signAgreement(commissioner, agreementId, { decision: "APPROVED", typedName, comment: "", contentHash: v.contentHash, version: 1 });
    const wrong = await as(`${commissioner.name}x`).catch((e: unknown) => e);
    expect((wrong as Invalid).fieldErrors).toEqual({
      typedName: `Type your full name as it appears on your account: ${commissioner.name}. Capital letters and extra spaces do not matter.`,
    });
    const typed = `  ${commissioner.name.toLowerCase().replace(" ", "   ")} `;
    await as(typed);
    const [signOff] = (await latest(agreementId)).signOffs;
    expect(signOff).toMatchObject({ typedName: typed.trim(), signerName: commissioner.name, decision: "APPROVED" });
  });

  it("in force only when the commissioner and the governor have signed the same version", async () => {
    const { agreementId } = await create();
    expect((await getAgreement(governor, agreementId)).state).toBe("AWAITING_COMMISSIONER");
    await sign(commissioner, agreementId);
    expect((await getAgreement(governor, agreementId)).state).toBe("AWAITING_GOVERNOR");
    expect(await db.notification.count({ where: { userId: governor.id, href: `/agreements/${agreementId}` } })).toBe(1);
    expect(await db.notification.count({ where: { userId: otherGovernor.id } })).toBe(0);
    await sign(governor, agreementId);
    const signed = await getAgreement(governor, agreementId);
    expect(signed.state).toBe("IN_FORCE");
    expect(signed.inForceVersion).toBe(1);
    expect(signed.latest.signOffs.map((s) => [s.signerRole, s.typedName, s.contentHash])).toEqual([
      ["COMMISSIONER", commissioner.name, signed.latest.contentHash],
      ["GOVERNOR", governor.name, signed.latest.contentHash],
    ]);
    await expect(sign(governor, agreementId)).rejects.toBeInstanceOf(Conflict);
    await expect(sign(commissioner2, agreementId)).rejects.toBeInstanceOf(Conflict);
  });

  it("a signed version is immutable in the database itself", async () => {
    const { agreementId } = await create();
    await sign(commissioner, agreementId);
    const v1 = await latest(agreementId);
    await expect(
      db.$executeRaw`UPDATE "AgreementVersion" SET "priorities" = 'Changed behind everyone''s back' WHERE "id" = ${v1.id}::uuid`,
    ).rejects.toThrow(/has been signed and cannot be changed/);
    await expect(db.agreementVersion.update({ where: { id: v1.id }, data: { priorities: "Changed" } })).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "AgreementVersion" WHERE "id" = ${v1.id}::uuid`).rejects.toThrow(/has been signed/);
    await expect(db.$executeRaw`DELETE FROM "SignOff" WHERE "agreementVersionId" = ${v1.id}::uuid`).rejects.toThrow(/cannot be deleted/);
    // Its contract links are frozen too.
    await expect(
      db.$executeRaw`INSERT INTO "AgreementVersionContract" ("agreementVersionId", "contractId") VALUES (${v1.id}::uuid, gen_random_uuid())`,
    ).rejects.toThrow(/linked contracts cannot be changed/);
    expect((await latest(agreementId)).priorities).toBe(CONTENT.priorities);
  });

  it("editing makes a new version and voids every earlier sign-off; an old version can no longer be signed", async () => {
    const { agreementId } = await create();
    await sign(commissioner, agreementId);
    await sign(governor, agreementId);
    const v1 = await latest(agreementId);
    await saveAgreementVersion(commissioner, agreementId, {
      ...CONTENT,
      priorities: `${CONTENT.priorities}\nHealth checks for every new arrival within 2 hours.`,
      basedOnVersion: 1,
    });
    const after = await getAgreement(governor, agreementId);
    expect(after.latest.version).toBe(2);
    expect(after.state).toBe("AWAITING_COMMISSIONER");
    expect(after.inForceVersion).toBeNull();
    expect((await db.signOff.findMany({ where: { agreementVersionId: v1.id } })).every((s) => s.voidedAt !== null)).toBe(true);
    // Version 1 stays readable with both signatures, each void because version 2 replaced it.
    const old = after.versions.find((x) => x.version === 1)!;
    expect(old.priorities).toBe(CONTENT.priorities);
    expect(old.signOffs.map((s) => s.signerRole)).toEqual(["COMMISSIONER", "GOVERNOR"]);
    expect(old.signOffs.map((s) => voidedByVersion(1, s.voidedAt!, after.versions))).toEqual([2, 2]);
    expect(versionState(old, after.versions)).toBe("REPLACED");
    expect(versionState(after.latest, after.versions)).toBe("LATEST");
    // A signature on what the governor saw before (version 1) is refused.
    await expect(
      signAgreement(governor, agreementId, {
        decision: "APPROVED",
        typedName: governor.name,
        comment: "",
        contentHash: v1.contentHash,
        version: 1,
      }),
    ).rejects.toThrow(/newer version/);
    // Nothing changed → no new version; an editor working from an old version is stopped.
    const same = await saveAgreementVersion(commissioner, agreementId, {
      ...CONTENT,
      priorities: `${CONTENT.priorities}\nHealth checks for every new arrival within 2 hours.`,
      basedOnVersion: 2,
    }).catch((e: unknown) => e);
    expect(same).toBeInstanceOf(Invalid);
    await expect(saveAgreementVersion(commissioner, agreementId, { ...CONTENT, basedOnVersion: 1 })).rejects.toBeInstanceOf(Conflict);
  });

  it('the governor\'s "For your attention" clears a request to sign once it is answered or a newer version overtakes it', async () => {
    const { agreementId } = await create();
    const open = async () => (await listMyNotifications(governor)).map((n) => n.title);
    await sign(commissioner, agreementId);
    expect(await open()).toEqual(["Please sign: Feltham co-commissioning agreement (version 1)"]);
    // Overtaken: version 2 is saved before the governor signs version 1.
    await saveAgreementVersion(commissioner, agreementId, { ...CONTENT, otherTerms: "Reviewed every quarter.", basedOnVersion: 1 });
    expect(await open()).toEqual([]);
    await sign(commissioner, agreementId);
    expect(await open()).toEqual(["Please sign: Feltham co-commissioning agreement (version 2)"]);
    // Answered: the governor signs version 2; it is in force and nothing is left to do.
    await sign(governor, agreementId);
    expect(await open()).toEqual([]);
    expect((await getAgreement(governor, agreementId)).state).toBe("IN_FORCE");
  });

  it("two commissioners saving from the same version at once: one wins, the other is told", async () => {
    const { agreementId } = await create();
    const results = await Promise.allSettled([
      saveAgreementVersion(commissioner, agreementId, { ...CONTENT, otherTerms: "Reviewed every quarter.", basedOnVersion: 1 }),
      saveAgreementVersion(commissioner2, agreementId, { ...CONTENT, otherTerms: "Reviewed every month.", basedOnVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect((await latest(agreementId)).version).toBe(2);
  });

  it("the governor may ask for changes (with a comment), which the author is told about", async () => {
    const { agreementId } = await create();
    await sign(commissioner, agreementId);
    const noComment = await sign(governor, agreementId, "CHANGES_REQUESTED").catch((e: unknown) => e);
    expect((noComment as Invalid).fieldErrors).toEqual({ comment: "Say what needs to change" });
    await sign(governor, agreementId, "CHANGES_REQUESTED", "Add the healthcare in segregation unit.");
    expect((await getAgreement(governor, agreementId)).state).toBe("CHANGES_REQUESTED");
    const notice = await db.notification.findFirstOrThrow({ where: { userId: commissioner.id, href: `/agreements/${agreementId}` } });
    expect(notice.body).toContain("segregation unit");
    await expect(sign(governor, agreementId)).rejects.toBeInstanceOf(Conflict);
    // A commissioner cannot "reject" their own draft.
    const v = await latest(agreementId);
    const wrong = await signAgreement(commissioner, agreementId, {
      decision: "REJECTED",
      typedName: "",
      comment: "no",
      contentHash: v.contentHash,
      version: v.version,
    }).catch((e: unknown) => e);
    expect((wrong as Invalid).fieldErrors).toHaveProperty("decision");
  });

  it("the comparison view shows what changed between versions", async () => {
    const { agreementId } = await create();
    await saveAgreementVersion(commissioner, agreementId, {
      ...CONTENT,
      servicesInScope: "Primary care, mental health, substance misuse, dental, optometry.",
      basedOnVersion: 1,
    });
    const diff = await compareAgreementVersions(governor, agreementId, 1, 2);
    const services = diff.fields.find((f) => f.label === "Services in scope")!;
    expect(services.changed).toBe(true);
    expect(
      services.parts
        .filter((p) => p.added)
        .map((p) => p.value.trim())
        .join(" "),
    ).toContain("optometry");
    expect(diff.fields.find((f) => f.label === "Priorities")!.changed).toBe(false);
  });
});

describe("isolation: a governor sees and acts only for their own establishments", () => {
  it("another establishment's governor cannot list, read, compare or sign", async () => {
    const { agreementId } = await create();
    await sign(commissioner, agreementId);
    expect((await listAgreements(otherGovernor)).map((a) => a.id)).not.toContain(agreementId);
    expect((await listAgreements(governor)).map((a) => a.id)).toContain(agreementId);
    await expect(getAgreement(otherGovernor, agreementId)).rejects.toBeInstanceOf(NotFound);
    await expect(compareAgreementVersions(otherGovernor, agreementId, 1, 1)).rejects.toBeInstanceOf(NotFound);
    const v = await latest(agreementId);
    await expect(
      signAgreement(otherGovernor, agreementId, {
        decision: "APPROVED",
        typedName: otherGovernor.name,
        comment: "",
        contentHash: v.contentHash,
        version: 1,
      }),
    ).rejects.toBeInstanceOf(NotFound);
    for (const role of ["TECHNICIAN", "PROVIDER", "ADMIN"] as const) {
      const outsider = await createActor(role);
      expect(await listAgreements(outsider)).toEqual([]);
      await expect(getAgreement(outsider, agreementId)).rejects.toBeInstanceOf(NotFound);
    }
    expect(await db.signOff.count({ where: { agreementVersionId: v.id, signerRole: "GOVERNOR" } })).toBe(0);
  });
});
