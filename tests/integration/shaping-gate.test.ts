// From voices to the specification, and the co-production gate (issue 24): requirements and criteria linked to
// themes, young commissioners agreeing to the version they saw, and publishing held until most of them agree.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { overrideGate } from "@/server/shaping/override-gate";
import { requirementCommand } from "@/server/shaping/requirement-command";
import { DRAFT_CHANGED, reviewSpecification } from "@/server/shaping/review-specification";
import { saveRequirement } from "@/server/shaping/save-requirement";
import { rankThemes } from "@/server/shaping/rank-themes";
import { loadDraftSpecification } from "@/server/shaping/draft-specification";
import { getAgreePage, getSpecificationPage, getTenderGate } from "@/server/shaping/theme-queries";
import { publishTender } from "@/server/tenders/publish-tender";
import { saveCriterion } from "@/server/tenders/save-criterion";
import { placeField } from "@/domain/theme-ballot";
import { createActor } from "../fixtures/factories";
import { addThemes, shapedTender, type ShapedTender } from "../fixtures/shaping-theme-builders";

const NOW = new Date("2026-11-24T10:00:00Z");

const hashOf = async (s: ShapedTender) => (await loadDraftSpecification(db, { id: s.stageId, tenderId: s.tenderId })).hash;
const agree = async (s: ShapedTender, i: number) =>
  reviewSpecification(s.youngCommissioners[i]!, s.stageId, { contentHash: await hashOf(s), decision: "AGREE" }, NOW);
const tenderStatus = async (s: ShapedTender) => (await db.tender.findUniqueOrThrow({ where: { id: s.tenderId } })).status;
const criterionIds = async (s: ShapedTender) =>
  (await db.criterion.findMany({ where: { tenderId: s.tenderId }, orderBy: { position: "asc" } })).map((c) => c.id);

describe("service requirements", () => {
  it("the commissioner adds, edits, reorders and removes requirements, each linked to the themes it answers", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const [food, staff] = await addThemes(s, ["Food", "Staff"]);
    const a = await saveRequirement(s.commissioner, s.stageId, { text: "Hot meals at set times", themeIds: [food!] }, NOW);
    const b = await saveRequirement(s.commissioner, s.stageId, { text: "Staff explain care", themeIds: [staff!, food!] }, NOW);
    await saveRequirement(s.commissioner, s.stageId, { requirementId: a.id, text: "Hot meals", themeIds: [] }, NOW);
    await requirementCommand(s.commissioner, s.stageId, b.id, "up", NOW);
    const rows = await db.serviceRequirement.findMany({
      where: { stageId: s.stageId },
      orderBy: { position: "asc" },
      include: { themes: true },
    });
    expect(rows.map((r) => [r.text, r.position, r.themes.length])).toEqual([
      ["Staff explain care", 1, 2],
      ["Hot meals", 2, 0],
    ]);
    await requirementCommand(s.commissioner, s.stageId, b.id, "remove", NOW);
    expect(await db.serviceRequirement.count({ where: { stageId: s.stageId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { tenderId: s.tenderId, action: { startsWith: "shaping.requirement_" } } })).toBe(5);
  });

  it("refuses another stage's theme, empty or huge text, the wrong person and the wrong time; nothing written", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const other = await shapedTender({ status: "PRIORITISING" });
    const [theirs] = await addThemes(other, ["Theirs"]);
    await expect(saveRequirement(s.commissioner, s.stageId, { text: "x", themeIds: [theirs!] }, NOW)).rejects.toMatchObject({
      fieldErrors: { themeIds: "One of those themes is not in this shaping stage." },
    });
    await expect(saveRequirement(s.commissioner, s.stageId, { text: " ", themeIds: [] }, NOW)).rejects.toThrow(Invalid);
    await expect(saveRequirement(s.commissioner, s.stageId, { text: "x".repeat(2001), themeIds: [] }, NOW)).rejects.toThrow(Invalid);
    await expect(saveRequirement(s.youngCommissioners[0]!, s.stageId, { text: "x", themeIds: [] }, NOW)).rejects.toThrow(Forbidden);
    await expect(saveRequirement(other.commissioner, s.stageId, { text: "x", themeIds: [] }, NOW)).rejects.toThrow(NotFound);
    const gathering = await shapedTender({ status: "GATHERING" });
    await expect(saveRequirement(gathering.commissioner, gathering.stageId, { text: "x", themeIds: [] }, NOW)).rejects.toThrow(Conflict);
    expect(await db.serviceRequirement.count({ where: { stageId: { in: [s.stageId, gathering.stageId] } } })).toBe(0);
  });
});

describe("criteria linked to themes", () => {
  it("a criterion of a shaped tender links to the stage's themes; another stage's theme is refused", async () => {
    const s = await shapedTender({ status: "CLOSED" });
    const other = await shapedTender({ status: "CLOSED" });
    const [food] = await addThemes(s, ["Food"]);
    const [theirs] = await addThemes(other, ["Theirs"]);
    const [quality] = await criterionIds(s);
    const form = {
      criterionId: quality,
      name: "Quality",
      description: "",
      plainLanguageDescription: "Good care",
      weight: "60",
      kind: "QUALITY",
    };
    await saveCriterion(s.commissioner, s.tenderId, { ...form, themeIds: [food!] }, NOW);
    expect(await db.criterionTheme.findMany({ where: { criterionId: quality } })).toEqual([{ criterionId: quality, themeId: food }]);
    await expect(saveCriterion(s.commissioner, s.tenderId, { ...form, themeIds: [theirs!] }, NOW)).rejects.toThrow(Invalid);
    expect(await db.criterionTheme.count({ where: { criterionId: quality } })).toBe(1);
    // Saved without the theme boxes (a tender form that does not show them): the links stay.
    await saveCriterion(s.commissioner, s.tenderId, form, NOW);
    expect(await db.criterionTheme.count({ where: { criterionId: quality } })).toBe(1);
  });

  it("the specification page names the high-priority themes nothing answers yet", async () => {
    const s = await shapedTender({ status: "CLOSED" });
    const ids = await addThemes(s, ["Food", "Staff", "Waiting", "Visits"]);
    await db.shapingThemeRank.createMany({
      data: ids.map((themeId, i) => ({
        stageId: s.stageId,
        themeId,
        voterId: s.commissioner.id,
        voterRole: "COMMISSIONER" as const,
        rank: i + 1,
      })),
    });
    await saveRequirement(s.commissioner, s.stageId, { text: "Hot meals", themeIds: [ids[0]!] }, NOW);
    const [quality] = await criterionIds(s);
    await saveCriterion(
      s.commissioner,
      s.tenderId,
      { criterionId: quality, name: "Quality", plainLanguageDescription: "x", weight: "60", kind: "QUALITY", themeIds: [ids[3]!] },
      NOW,
    );
    const page = await getSpecificationPage(s.commissioner, s.stageId);
    expect(page.unanswered.map((t) => t.title)).toEqual(["Staff", "Waiting"]);
  });
});

describe("young commissioners agree to the version they saw", () => {
  it("agreeing is bound to the hash; a stale form is refused, nothing written; the page shows what changed since", async () => {
    const s = await shapedTender({ status: "CLOSED" });
    const [food] = await addThemes(s, ["Food"]);
    const req = await saveRequirement(s.commissioner, s.stageId, { text: "Hot meals", themeIds: [food!] }, NOW);
    const seen = await hashOf(s);
    const yc = s.youngCommissioners[0]!;
    await reviewSpecification(yc, s.stageId, { contentHash: seen, decision: "AGREE" }, NOW);
    await expect(reviewSpecification(yc, s.stageId, { contentHash: seen, decision: "AGREE" }, NOW)).rejects.toThrow(Conflict);
    await saveRequirement(s.commissioner, s.stageId, { requirementId: req.id, text: "Hot meals at set times", themeIds: [food!] }, NOW);
    // Another young commissioner's form still carries the old hash.
    await expect(reviewSpecification(s.youngCommissioners[1]!, s.stageId, { contentHash: seen, decision: "AGREE" }, NOW)).rejects.toThrow(
      DRAFT_CHANGED,
    );
    expect(await db.coProductionReview.count({ where: { stageId: s.stageId } })).toBe(1);
    const page = await getAgreePage(yc, s.stageId);
    expect(page.answeredThisVersion).toBe(false);
    expect(page.changes).toEqual([{ kind: "changed", what: "Requirement: Hot meals at set times", detail: "It said: Hot meals" }]);
    expect(await db.auditEvent.count({ where: { action: "shaping.specification_agreed", tenderId: s.tenderId } })).toBe(1);
  });

  it("asking for changes needs reasons; only young commissioners taking part may answer", async () => {
    const s = await shapedTender({ status: "CLOSED" });
    const hash = await hashOf(s);
    await expect(
      reviewSpecification(s.youngCommissioners[0]!, s.stageId, { contentHash: hash, decision: "CHANGES_NEEDED", reasons: "  " }, NOW),
    ).rejects.toMatchObject({ fieldErrors: { reasons: "Say what should change, and why" } });
    await expect(reviewSpecification(s.youngCommissioners[0]!, s.stageId, { contentHash: hash, decision: "MAYBE" }, NOW)).rejects.toThrow(
      Invalid,
    );
    await expect(reviewSpecification(s.commissioner, s.stageId, { contentHash: hash, decision: "AGREE" }, NOW)).rejects.toThrow(Forbidden);
    await expect(
      reviewSpecification(await createActor("TECHNICIAN"), s.stageId, { contentHash: hash, decision: "AGREE" }, NOW),
    ).rejects.toThrow(NotFound);
    await reviewSpecification(
      s.youngCommissioners[0]!,
      s.stageId,
      { contentHash: hash, decision: "CHANGES_NEEDED", reasons: "Say how fast we see a nurse ✚" },
      NOW,
    );
    expect((await getSpecificationPage(s.commissioner, s.stageId)).changesAsked).toEqual(["Say how fast we see a nurse ✚"]);
  });
});

describe("publishing a shaped tender: the co-production gate", () => {
  it("is refused before the stage closes and before most young commissioners agree, then publishes", async () => {
    const s = await shapedTender({ status: "PRIORITISING", youngCommissioners: 3 });
    await expect(publishTender(s.commissioner, s.tenderId, {}, NOW)).rejects.toMatchObject({
      fieldErrors: { shaping: expect.stringContaining("close the ranking") },
    });
    await db.shapingStage.update({ where: { id: s.stageId }, data: { status: "CLOSED" } });
    await agree(s, 0);
    await expect(publishTender(s.commissioner, s.tenderId, {}, NOW)).rejects.toMatchObject({
      fieldErrors: {
        shaping:
          "Waiting for the young commissioners: 1 of 3 young commissioners agree to the current draft, 2 not answered yet; 2 must agree.",
      },
    });
    expect(await tenderStatus(s)).toBe("DRAFT");
    await agree(s, 1);
    await publishTender(s.commissioner, s.tenderId, {}, NOW);
    expect(await tenderStatus(s)).toBe("PUBLISHED");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.published", tenderId: s.tenderId } });
    expect(event.after).toMatchObject({ coProduction: { state: "AGREED", agree: 2, youngCommissioners: 3 } });
  });

  it("agreement to an earlier draft does not count", async () => {
    const s = await shapedTender({ status: "CLOSED", youngCommissioners: 1 });
    await agree(s, 0);
    const [quality] = await criterionIds(s);
    await saveCriterion(
      s.commissioner,
      s.tenderId,
      { criterionId: quality, name: "Quality", plainLanguageDescription: "x", weight: "60", kind: "QUALITY" },
      NOW,
    );
    await expect(publishTender(s.commissioner, s.tenderId, {}, NOW)).rejects.toThrow(Invalid);
    await agree(s, 0);
    await publishTender(s.commissioner, s.tenderId, {}, NOW);
    expect(await tenderStatus(s)).toBe("PUBLISHED");
  });

  it("majority maths: a tie is not most; stepped-back and invited members are not counted", async () => {
    const s = await shapedTender({ status: "CLOSED", youngCommissioners: 4 });
    await agree(s, 0);
    await agree(s, 1);
    const hash = await hashOf(s);
    await reviewSpecification(
      s.youngCommissioners[2]!,
      s.stageId,
      { contentHash: hash, decision: "CHANGES_NEEDED", reasons: "More on visits" },
      NOW,
    );
    // 2 of 4: a tie.
    expect((await getTenderGate(s.tenderId))!.gate).toMatchObject({ state: "WAITING", agree: 2, members: 4, needed: 3, changesNeeded: 1 });
    await expect(publishTender(s.commissioner, s.tenderId, {}, NOW)).rejects.toThrow(Invalid);
    // The one who asked for changes steps back: 2 of 3 is most.
    await db.shapingMember.updateMany({
      where: { stageId: s.stageId, userId: s.youngCommissioners[2]!.id },
      data: { status: "STEPPED_BACK" },
    });
    // Someone invited who has not accepted does not count either.
    const invited = await createActor("TECHNICIAN");
    await db.shapingMember.create({ data: { stageId: s.stageId, userId: invited.id, role: "TECHNICIAN", invitedById: s.commissioner.id } });
    expect((await getTenderGate(s.tenderId))!.gate).toMatchObject({ state: "AGREED", agree: 2, members: 3, needed: 2 });
    await publishTender(s.commissioner, s.tenderId, {}, NOW);
    expect(await tenderStatus(s)).toBe("PUBLISHED");
  });

  it("an agreement by someone who then stepped back no longer counts", async () => {
    const s = await shapedTender({ status: "CLOSED", youngCommissioners: 2 });
    await agree(s, 0);
    await agree(s, 1);
    await db.shapingMember.updateMany({
      where: { stageId: s.stageId, userId: s.youngCommissioners[1]!.id },
      data: { status: "STEPPED_BACK" },
    });
    // 1 of 1 remaining agrees: most.
    expect((await getTenderGate(s.tenderId))!.gate).toMatchObject({ state: "AGREED", agree: 1, members: 1 });
    await db.shapingMember.updateMany({
      where: { stageId: s.stageId, userId: s.youngCommissioners[0]!.id },
      data: { status: "STEPPED_BACK" },
    });
    await expect(publishTender(s.commissioner, s.tenderId, {}, NOW)).rejects.toMatchObject({
      fieldErrors: { shaping: expect.stringContaining("No young commissioner is taking part") },
    });
  });

  it("the commissioner's reason opens the gate for the draft it was given for, is kept and audited", async () => {
    const s = await shapedTender({ status: "CLOSED", youngCommissioners: 2 });
    const hash = await hashOf(s);
    await expect(overrideGate(s.commissioner, s.stageId, { contentHash: hash, reason: "short" }, NOW)).rejects.toThrow(Invalid);
    await expect(
      overrideGate(s.youngCommissioners[0]!, s.stageId, { contentHash: hash, reason: "The service must start before winter." }, NOW),
    ).rejects.toThrow(Forbidden);
    await expect(
      overrideGate(s.commissioner, s.stageId, { contentHash: "0".repeat(64), reason: "The service must start before winter." }, NOW),
    ).rejects.toThrow(Conflict);
    await overrideGate(s.commissioner, s.stageId, { contentHash: hash, reason: "The service must start before winter." }, NOW);
    // The draft changes after the reason was given: it no longer opens the gate.
    const [quality] = await criterionIds(s);
    await saveCriterion(
      s.commissioner,
      s.tenderId,
      { criterionId: quality, name: "Quality!", plainLanguageDescription: "x", weight: "60", kind: "QUALITY" },
      NOW,
    );
    const gate = (await getTenderGate(s.tenderId))!;
    expect(gate.gate).toMatchObject({ state: "WAITING", overrideStale: true });
    await expect(publishTender(s.commissioner, s.tenderId, {}, NOW)).rejects.toThrow(Invalid);
    await overrideGate(
      s.commissioner,
      s.stageId,
      { contentHash: await hashOf(s), reason: "The service must start before winter, again." },
      NOW,
    );
    expect((await getTenderGate(s.tenderId))!.override).toMatchObject({ reason: "The service must start before winter, again." });
    await publishTender(s.commissioner, s.tenderId, {}, NOW);
    expect(await tenderStatus(s)).toBe("PUBLISHED");
    const published = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.published", tenderId: s.tenderId } });
    expect(published.after).toMatchObject({
      coProduction: { state: "OVERRIDDEN", overrideReason: "The service must start before winter, again." },
    });
    expect(await db.auditEvent.count({ where: { action: "shaping.gate_overridden", tenderId: s.tenderId } })).toBe(2);
  });

  it("nothing about the specification changes once published", async () => {
    const s = await shapedTender({ status: "CLOSED", youngCommissioners: 1 });
    const [food] = await addThemes(s, ["Food"]);
    await agree(s, 0);
    await publishTender(s.commissioner, s.tenderId, {}, NOW);
    await expect(saveRequirement(s.commissioner, s.stageId, { text: "Late", themeIds: [food!] }, NOW)).rejects.toThrow(Conflict);
    await expect(
      reviewSpecification(s.youngCommissioners[0]!, s.stageId, { contentHash: await hashOf(s), decision: "AGREE" }, NOW),
    ).rejects.toThrow(Conflict);
  });

  it("ranking by the members does not change the draft's hash (themes are linked by id and title)", async () => {
    const s = await shapedTender({ status: "PRIORITISING", youngCommissioners: 1 });
    const ids = await addThemes(s, ["A", "B"]);
    const before = await hashOf(s);
    await rankThemes(s.youngCommissioners[0]!, s.stageId, { [placeField(ids[0]!)]: "2", [placeField(ids[1]!)]: "1" }, NOW);
    expect(await hashOf(s)).toBe(before);
  });
});
