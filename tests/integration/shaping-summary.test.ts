// What young people shaped, as every later stage shows it (issue 24, "everywhere after"): the one read model and the
// notice's section. Every view in the fixture sits in a theme with consent; only the filters keep the wrong ones out.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Forbidden, NotFound } from "@/server/errors";
import { loadShapingSummary, themesByCriterion } from "@/server/shaping/shaping-summary";
import { getNoticeShaping } from "@/server/shaping/summary-queries";
import { createActor } from "../fixtures/factories";
import { HIDDEN, QUOTES, shapeTender, THEMES, type ShapedTender } from "../fixtures/shaped-tender";
import { publishedTender, type PublishedTender } from "../fixtures/tender-builders";

let t: PublishedTender;
let shaped: ShapedTender;

beforeEach(async () => {
  t = await publishedTender({ deadline: new Date("2027-01-15T17:00:00Z") });
  shaped = await shapeTender(t);
});

const hiddenTexts = Object.values(HIDDEN);

describe("the shaping summary (read model)", () => {
  it("ranks the themes, counts who took part and links requirements and criteria", async () => {
    const s = (await loadShapingSummary(db, t.id))!;
    expect(s.themes.map((th) => [th.title, th.place, th.highPriority])).toEqual([
      ["Respect and privacy", 1, true],
      ["Help at night", 2, true],
      ["Seeing the same nurse", 3, true],
      ["Family contact", 4, false],
    ]);
    expect(s.participation).toEqual({ focusGroups: 17, focusGroupSessions: 2, anonymous: 5, youngCommissioners: 2 });
    expect(s.voters).toEqual({ total: 3, youngCommissioners: 2, commissioners: 1 });
    const respect = s.themes[0]!;
    expect(respect.views).toEqual({ youngCommissioners: 0, focusGroups: 1, anonymous: 5 });
    expect(respect.requirements.map((r) => r.text)).toEqual(["Staff knock and introduce themselves."]);
    expect(respect.criteria.map((c) => c.name)).toEqual(["Quality"]);
    expect(s.themes[2]!.criteria.map((c) => c.name)).toEqual(["Quality", "Price"]);
    expect(s.gate).toEqual({ youngCommissioners: 2, agreed: 2, askedForChanges: 0, override: null });
  });

  it("never holds a WAITING, SET_ASIDE or DISCLOSURE view, nor counts one", async () => {
    const s = (await loadShapingSummary(db, t.id))!;
    const text = JSON.stringify(s);
    for (const hidden of [HIDDEN.waiting, HIDDEN.setAside, HIDDEN.disclosure]) expect(text).not.toContain(hidden);
    // Family contact holds only the three unchecked, set-aside and disclosed views: it counts none of them.
    const family = s.themes.find((th) => th.title === "Family contact")!;
    expect(family.views).toEqual({ youngCommissioners: 0, focusGroups: 0, anonymous: 0 });
    expect(family.quotes).toEqual([]);
    // Nor are their codes young people who took part: 5 accepted anonymous answers, not 8.
    expect(s.participation.anonymous).toBe(5);
    // Were they accepted, they would count (the filter is what keeps them out).
    await db.shapingView.updateMany({ where: { stageId: shaped.stageId, check: { not: "ACCEPTED" } }, data: { check: "ACCEPTED" } });
    const all = (await loadShapingSummary(db, t.id))!;
    expect(all.themes.find((th) => th.title === "Family contact")!.views.anonymous).toBe(3);
    expect(all.participation.anonymous).toBe(8);
  });

  it("quotes only words chosen for the notice that are consented, checked and not withdrawn", async () => {
    const s = (await loadShapingSummary(db, t.id))!;
    expect(s.themes.map((th) => th.quotes)).toEqual([[QUOTES.respect], [QUOTES.night], [], []]);
    const text = JSON.stringify(s);
    for (const hidden of hiddenTexts) expect(text).not.toContain(hidden);
  });

  it("a theme added after the ranking leaves the themes unplaced rather than failing", async () => {
    await db.shapingTheme.create({ data: { stageId: shaped.stageId, position: 5, title: "Late theme", createdById: t.commissioner.id } });
    const s = (await loadShapingSummary(db, t.id))!;
    expect(s.themes.map((th) => th.place)).toEqual([null, null, null, null, null]);
    expect(s.themes.every((th) => !th.highPriority)).toBe(true);
  });

  it("is null for a tender without shaping, and the gate shows the commissioner's reason to go ahead without", async () => {
    const other = await publishedTender({ deadline: new Date("2027-01-15T17:00:00Z") });
    expect(await loadShapingSummary(db, other.id)).toBeNull();
    const overridden = await publishedTender({ deadline: new Date("2027-01-15T17:00:00Z") });
    await shapeTender(overridden, { override: "The young commissioners were released before the review." });
    expect((await loadShapingSummary(db, overridden.id))!.gate).toEqual({
      youngCommissioners: 2,
      agreed: 0,
      askedForChanges: 0,
      override: { reason: "The young commissioners were released before the review.", at: new Date("2026-11-02T10:00:00Z") },
    });
  });

  it("gives the scoring sheet the themes of each criterion, with their place", async () => {
    const byCriterion = await themesByCriterion(db, t.id);
    expect(byCriterion.get(t.criteria.quality)).toEqual([
      { title: "Respect and privacy", place: 1 },
      { title: "Seeing the same nurse", place: 3 },
    ]);
    expect(byCriterion.get(t.criteria.secondQuality)).toEqual([{ title: "Help at night", place: 2 }]);
    expect(byCriterion.get(t.criteria.price)).toEqual([{ title: "Seeing the same nurse", place: 3 }]);
  });
});

describe("What young people told us, on the notice", () => {
  it("gives a provider the themes in order, the consented quotes and how many took part: nothing else", async () => {
    const provider = await createActor("PROVIDER");
    const notice = (await getNoticeShaping(provider, t.id))!;
    expect(notice.themes.map((th) => th.title)).toEqual([...THEMES]);
    expect(notice.themes.map((th) => th.quotes)).toEqual([[QUOTES.respect], [QUOTES.night], [], []]);
    expect(notice.tookPart).toBe("24 young people took part");
    expect(Object.keys(notice).sort()).toEqual(["parts", "themes", "tookPart"]);
    expect(Object.keys(notice.themes[0]!).sort()).toEqual(["description", "place", "quotes", "title"]);
    const text = JSON.stringify(notice);
    for (const hidden of hiddenTexts) expect(text).not.toContain(hidden);
    expect(text).not.toContain("Staff knock and introduce themselves."); // requirements are the commissioner's, not on the notice
  });

  it("says fewer than 5 anonymous answers as a range, so the total cannot give them away", async () => {
    const few = await publishedTender({ deadline: new Date("2027-01-15T17:00:00Z") });
    await shapeTender(few, { anonymousAccepted: 3 });
    const notice = (await getNoticeShaping(await createActor("PROVIDER"), few.id))!;
    expect(notice.tookPart).toBe("Between 20 and 23 young people took part");
    expect(notice.parts).toEqual([
      "17 in 2 focus groups or workshops",
      "fewer than 5 answered a short form without giving their name",
      "2 young commissioners",
    ]);
    expect(JSON.stringify(notice)).not.toMatch(/\b3 answered|\b22\b/);
  });

  it("is refused to anyone but providers, and for a tender still in draft", async () => {
    await expect(getNoticeShaping(t.technicians[0]!, t.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(getNoticeShaping(t.commissioner, t.id)).rejects.toBeInstanceOf(Forbidden);
    await db.tender.update({ where: { id: t.id }, data: { status: "DRAFT" } });
    await expect(getNoticeShaping(await createActor("PROVIDER"), t.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getNoticeShaping(await createActor("PROVIDER"), "not-an-id")).rejects.toBeInstanceOf(NotFound);
  });
});
