// Themes, quotes and ranking in a shaping stage (issue 24): who may, when, and what is refused.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { chooseQuote } from "@/server/shaping/choose-quote";
import { rankThemes } from "@/server/shaping/rank-themes";
import { saveTheme } from "@/server/shaping/save-theme";
import { setViewThemes } from "@/server/shaping/set-view-themes";
import { themeCommand } from "@/server/shaping/theme-command";
import { getPrioritiesPage, getThemesPage } from "@/server/shaping/theme-queries";
import { placeField } from "@/domain/theme-ballot";
import { createActor } from "../fixtures/factories";
import { addThemes, addView, shapedTender } from "../fixtures/shaping-theme-builders";

const NOW = new Date("2026-11-24T10:00:00Z");
const ballot = (themeIds: string[], order: number[]) => Object.fromEntries(themeIds.map((id, i) => [placeField(id), String(order[i])]));

describe("themes", () => {
  it("a facilitator adds, renames, describes, reorders and removes themes, each with its audit event", async () => {
    const s = await shapedTender({ status: "GATHERING" });
    const a = await saveTheme(s.commissioner, s.stageId, { title: "Being listened to" }, NOW);
    const b = await saveTheme(s.commissioner, s.stageId, { title: "Seeing a nurse fast", description: "Waiting too long" }, NOW);
    await saveTheme(s.commissioner, s.stageId, { themeId: a.id, title: "Being listened to by staff", description: "Respect" }, NOW);
    await themeCommand(s.commissioner, s.stageId, b.id, "up", NOW);
    let themes = await db.shapingTheme.findMany({ where: { stageId: s.stageId }, orderBy: { position: "asc" } });
    expect(themes.map((t) => [t.title, t.position])).toEqual([
      ["Seeing a nurse fast", 1],
      ["Being listened to by staff", 2],
    ]);
    await themeCommand(s.commissioner, s.stageId, b.id, "remove", NOW);
    themes = await db.shapingTheme.findMany({ where: { stageId: s.stageId } });
    expect(themes.map((t) => [t.title, t.position, t.description])).toEqual([["Being listened to by staff", 1, "Respect"]]);
    const actions = (await db.auditEvent.findMany({ where: { tenderId: s.tenderId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "shaping.theme_added",
      "shaping.theme_added",
      "shaping.theme_updated",
      "shaping.theme_moved",
      "shaping.theme_removed",
    ]);
  });

  it("refuses an empty, huge or duplicate name, and writes nothing", async () => {
    const s = await shapedTender({ status: "GATHERING" });
    await saveTheme(s.commissioner, s.stageId, { title: "Food" }, NOW);
    await expect(saveTheme(s.commissioner, s.stageId, { title: "   " }, NOW)).rejects.toThrow(Invalid);
    await expect(saveTheme(s.commissioner, s.stageId, { title: "x".repeat(121) }, NOW)).rejects.toThrow(Invalid);
    await expect(saveTheme(s.commissioner, s.stageId, { title: "FOOD" }, NOW)).rejects.toMatchObject({
      fieldErrors: { title: "There is already a theme called “Food”" },
    });
    await saveTheme(s.commissioner, s.stageId, { title: "Café and ☕ – naïve" }, NOW);
    expect(await db.shapingTheme.count({ where: { stageId: s.stageId } })).toBe(2);
  });

  it("only facilitators, and only while gathering or ranking", async () => {
    const s = await shapedTender({ status: "GATHERING" });
    await expect(saveTheme(s.youngCommissioners[0]!, s.stageId, { title: "Food" }, NOW)).rejects.toThrow(Forbidden);
    // Another commissioner who is not taking part does not learn that the stage exists.
    await expect(saveTheme(await createActor("COMMISSIONER"), s.stageId, { title: "Food" }, NOW)).rejects.toThrow(NotFound);
    const planning = await shapedTender({ status: "PLANNING" });
    await expect(saveTheme(planning.commissioner, planning.stageId, { title: "Food" }, NOW)).rejects.toThrow(Conflict);
    const closed = await shapedTender({ status: "CLOSED" });
    await expect(saveTheme(closed.commissioner, closed.stageId, { title: "Food" }, NOW)).rejects.toThrow(Conflict);
    expect(await db.shapingTheme.count({ where: { stageId: { in: [s.stageId, planning.stageId, closed.stageId] } } })).toBe(0);
  });

  it("a theme cannot be removed once anyone has ranked", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const ids = await addThemes(s, ["A", "B"]);
    await rankThemes(s.commissioner, s.stageId, ballot(ids, [1, 2]), NOW);
    await expect(themeCommand(s.commissioner, s.stageId, ids[0]!, "remove", NOW)).rejects.toThrow(Conflict);
  });
});

describe("putting views in themes", () => {
  it("a checked view sits in several themes; counts by source keep anonymous ones private; unthemed views are listed", async () => {
    const s = await shapedTender({ status: "GATHERING" });
    const [food, staff] = await addThemes(s, ["Food", "Staff"]);
    const member = await addView(s, { source: "MEMBER", authorId: s.youngCommissioners[0]!.id });
    const session = await addView(s, { source: "SESSION" });
    const anon = await addView(s, { source: "CODE" });
    const unthemed = await addView(s, { source: "CODE" });
    for (const v of [member, session, anon]) await setViewThemes(s.commissioner, s.stageId, { viewId: v, themeIds: [food!] }, NOW);
    await setViewThemes(s.commissioner, s.stageId, { viewId: anon, themeIds: [food!, staff!] }, NOW);
    const page = await getThemesPage(s.commissioner, s.stageId);
    const byTitle = Object.fromEntries(page.themes.map((t) => [t.title, t.counts]));
    expect(byTitle.Food).toEqual({ total: 3, member: 1, session: 1, anonymous: "fewer than 5" });
    expect(byTitle.Staff).toEqual({ total: 1, member: 0, session: 0, anonymous: "fewer than 5" });
    expect(page.unthemed.map((v) => v.id)).toEqual([unthemed]);
    // Taking it out of every theme makes it unthemed again.
    await setViewThemes(s.commissioner, s.stageId, { viewId: anon, themeIds: [] }, NOW);
    expect((await getThemesPage(s.commissioner, s.stageId)).unthemed.map((v) => v.id).sort()).toEqual([anon, unthemed].sort());
  });

  it("five or more anonymous answers in a theme are counted as a number", async () => {
    const s = await shapedTender({ status: "GATHERING" });
    const [food] = await addThemes(s, ["Food"]);
    for (let i = 0; i < 5; i++) {
      const v = await addView(s, { source: "CODE" });
      await setViewThemes(s.commissioner, s.stageId, { viewId: v, themeIds: [food!] }, NOW);
    }
    expect((await getThemesPage(s.commissioner, s.stageId)).themes[0]!.counts.anonymous).toBe("5");
  });

  it("refuses a view or a theme of another stage, an unchecked view, and writes nothing", async () => {
    const s = await shapedTender({ status: "GATHERING" });
    const other = await shapedTender({ status: "GATHERING" });
    const [mine] = await addThemes(s, ["Mine"]);
    const [theirs] = await addThemes(other, ["Theirs"]);
    const myView = await addView(s);
    const theirView = await addView(other);
    await expect(setViewThemes(s.commissioner, s.stageId, { viewId: myView, themeIds: [theirs!] }, NOW)).rejects.toThrow(Invalid);
    await expect(setViewThemes(s.commissioner, s.stageId, { viewId: theirView, themeIds: [mine!] }, NOW)).rejects.toThrow(NotFound);
    await expect(setViewThemes(s.commissioner, s.stageId, { viewId: "not-an-id", themeIds: [mine!] }, NOW)).rejects.toThrow(NotFound);
    await expect(setViewThemes(s.commissioner, s.stageId, { viewId: myView, themeIds: ["nope"] }, NOW)).rejects.toThrow(Invalid);
    for (const check of ["WAITING", "SET_ASIDE", "DISCLOSURE"] as const) {
      const v = await addView(s, { check });
      await expect(setViewThemes(s.commissioner, s.stageId, { viewId: v, themeIds: [mine!] }, NOW)).rejects.toThrow(Conflict);
    }
    expect(await db.shapingThemeView.count({ where: { theme: { stageId: { in: [s.stageId, other.stageId] } } } })).toBe(0);
  });

  it("the themes page shows only checked views, never one waiting, set aside or flagged", async () => {
    const s = await shapedTender({ status: "GATHERING" });
    const accepted = await addView(s, { text: "checked" });
    for (const check of ["WAITING", "SET_ASIDE", "DISCLOSURE"] as const) await addView(s, { check, text: check });
    const page = await getThemesPage(s.commissioner, s.stageId);
    expect(page.views.map((v) => v.id)).toEqual([accepted]);
  });
});

describe("quotes for the notice", () => {
  it("a consented, checked quote can be used in the notice; a non-consented or withdrawn one never", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const [theme] = await addThemes(s, ["Staff"]);
    const consented = await addView(s, { quoteConsent: true, text: "They never explain anything." });
    const refused = await addView(s, { quoteConsent: false });
    const withdrawn = await addView(s, { quoteConsent: true, quoteWithdrawn: true });
    for (const v of [consented, refused, withdrawn]) await setViewThemes(s.commissioner, s.stageId, { viewId: v, themeIds: [theme!] }, NOW);
    await chooseQuote(s.commissioner, s.stageId, { themeId: theme!, viewId: consented, use: true }, NOW);
    await expect(chooseQuote(s.commissioner, s.stageId, { themeId: theme!, viewId: refused, use: true }, NOW)).rejects.toThrow(Conflict);
    await expect(chooseQuote(s.commissioner, s.stageId, { themeId: theme!, viewId: withdrawn, use: true }, NOW)).rejects.toThrow(Conflict);
    const chosen = await db.shapingThemeView.findMany({ where: { quoteInNotice: true, themeId: theme! } });
    expect(chosen.map((l) => l.viewId)).toEqual([consented]);
    expect(await db.auditEvent.count({ where: { action: "shaping.quote_chosen", entityId: consented } })).toBe(1);
    await expect(chooseQuote(s.youngCommissioners[0]!, s.stageId, { themeId: theme!, viewId: consented, use: false }, NOW)).rejects.toThrow(
      Forbidden,
    );
    await chooseQuote(s.commissioner, s.stageId, { themeId: theme!, viewId: consented, use: false }, NOW);
    expect(await db.shapingThemeView.count({ where: { quoteInNotice: true, themeId: theme! } })).toBe(0);
  });

  it("shows an anonymous quote's age band only when at least 5 young people in that band answered", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const few = await addView(s, { ageBand: "UNDER_15", quoteConsent: true });
    for (let i = 0; i < 4; i++) await addView(s, { ageBand: "AGE_17" });
    const many = await addView(s, { ageBand: "AGE_17", quoteConsent: true });
    const page = await getThemesPage(s.commissioner, s.stageId);
    const band = (id: string) => page.views.find((v) => v.id === id)!.ageBand;
    expect(band(few)).toBeNull();
    expect(band(many)).toBe("17");
  });
});

describe("ranking the themes", () => {
  it("each person ranks every theme once; a second ranking replaces the first; results use equal votes", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const ids = await addThemes(s, ["Food", "Staff", "Waiting"]);
    const [yc1, yc2] = s.youngCommissioners;
    await rankThemes(yc1!, s.stageId, ballot(ids, [1, 2, 3]), NOW);
    await rankThemes(yc2!, s.stageId, ballot(ids, [2, 1, 3]), NOW);
    await rankThemes(s.commissioner, s.stageId, ballot(ids, [3, 2, 1]), NOW);
    // yc2 changes their mind: counted once, the new order.
    await rankThemes(yc2!, s.stageId, ballot(ids, [1, 3, 2]), NOW);
    expect(await db.shapingThemeRank.count({ where: { stageId: s.stageId } })).toBe(9);
    const page = await getPrioritiesPage(yc1!, s.stageId);
    expect(page.result!.voters).toBe(3);
    expect(page.result!.votersByGroup).toEqual({ TECHNICIAN: 2, COMMISSIONER: 1 });
    // Food: 3+3+1 = 7/3; Staff 2+1+2 = 5/3; Waiting 1+2+3 = 2.
    expect(page.result!.rows.map((r) => [r.title, r.place, r.points, r.youngCommissioners, r.commissioners, r.firstChoices])).toEqual([
      ["Food", 1, "2.33", "3.00", "1.00", 2],
      ["Waiting", 2, "2.00", "1.50", "3.00", 1],
      ["Staff", 3, "1.67", "1.50", "2.00", 0],
    ]);
    expect(await db.auditEvent.count({ where: { action: "shaping.ranking_changed", tenderId: s.tenderId } })).toBe(1);
  });

  it("refuses a ranking that is not a permutation, with a message naming the themes, and writes nothing", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const ids = await addThemes(s, ["Food", "Staff", "Waiting"]);
    const yc = s.youngCommissioners[0]!;
    await expect(rankThemes(yc, s.stageId, ballot(ids, [1, 1, 2]), NOW)).rejects.toMatchObject({
      fieldErrors: {
        [placeField(ids[0]!)]: "You put “Food” and “Staff” all in place 1: give each theme a different place",
      },
    });
    await expect(rankThemes(yc, s.stageId, { [placeField(ids[0]!)]: "1" }, NOW)).rejects.toMatchObject({
      fieldErrors: { [placeField(ids[1]!)]: "Choose a place for “Staff”" },
    });
    await expect(rankThemes(yc, s.stageId, ballot(ids, [1, 2, 4]), NOW)).rejects.toThrow(Invalid);
    await expect(rankThemes(yc, s.stageId, { ...ballot(ids, [1, 2, 3]), [placeField(ids[0]!)]: "１" }, NOW)).rejects.toThrow(Invalid);
    expect(await db.shapingThemeRank.count({ where: { stageId: s.stageId } })).toBe(0);
  });

  it("refuses ranking before and after the ranking stage, and anyone not taking part", async () => {
    const s = await shapedTender({ status: "GATHERING" });
    const ids = await addThemes(s, ["Food", "Staff"]);
    await expect(rankThemes(s.commissioner, s.stageId, ballot(ids, [1, 2]), NOW)).rejects.toThrow(Conflict);
    await db.shapingStage.update({ where: { id: s.stageId }, data: { status: "CLOSED" } });
    await expect(rankThemes(s.commissioner, s.stageId, ballot(ids, [1, 2]), NOW)).rejects.toThrow("Ranking has closed");
    await db.shapingStage.update({ where: { id: s.stageId }, data: { status: "PRIORITISING" } });
    const governor = await createActor("GOVERNOR", { establishmentIds: [s.establishmentId] });
    await expect(rankThemes(governor, s.stageId, ballot(ids, [1, 2]), NOW)).rejects.toThrow(Forbidden);
    await expect(rankThemes(await createActor("TECHNICIAN"), s.stageId, ballot(ids, [1, 2]), NOW)).rejects.toThrow(NotFound);
    await db.shapingMember.updateMany({ where: { userId: s.youngCommissioners[0]!.id }, data: { status: "STEPPED_BACK" } });
    await expect(rankThemes(s.youngCommissioners[0]!, s.stageId, ballot(ids, [1, 2]), NOW)).rejects.toThrow(NotFound);
    expect(await db.shapingThemeRank.count({ where: { stageId: s.stageId } })).toBe(0);
  });

  it("two rankings by one person at once are counted once", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const ids = await addThemes(s, ["Food", "Staff", "Waiting"]);
    const yc = s.youngCommissioners[0]!;
    await Promise.all([rankThemes(yc, s.stageId, ballot(ids, [1, 2, 3]), NOW), rankThemes(yc, s.stageId, ballot(ids, [3, 2, 1]), NOW)]);
    expect(await db.shapingThemeRank.count({ where: { voterId: yc.id } })).toBe(3);
  });

  it("results: a voter sees them after ranking, others not before; the governor only after ranking closes", async () => {
    const s = await shapedTender({ status: "PRIORITISING" });
    const ids = await addThemes(s, ["Food", "Staff"]);
    const governor = await createActor("GOVERNOR", { establishmentIds: [s.establishmentId] });
    await rankThemes(s.youngCommissioners[0]!, s.stageId, ballot(ids, [1, 2]), NOW);
    expect((await getPrioritiesPage(s.youngCommissioners[0]!, s.stageId)).result).not.toBeNull();
    expect((await getPrioritiesPage(s.youngCommissioners[1]!, s.stageId)).result).toBeNull();
    expect((await getPrioritiesPage(governor, s.stageId)).result).toBeNull();
    expect((await getPrioritiesPage(governor, s.stageId)).canRank).toBe(false);
    await db.shapingStage.update({ where: { id: s.stageId }, data: { status: "CLOSED" } });
    expect((await getPrioritiesPage(governor, s.stageId)).result!.voters).toBe(1);
    expect((await getPrioritiesPage(s.youngCommissioners[1]!, s.stageId)).result!.voters).toBe(1);
    const otherGovernor = await createActor("GOVERNOR", { establishmentIds: [] });
    await expect(getPrioritiesPage(otherGovernor, s.stageId)).rejects.toThrow(NotFound);
  });
});
