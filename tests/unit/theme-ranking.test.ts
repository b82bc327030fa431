import { describe, expect, it } from "vitest";
import { highPriorityThemeIds, rankThemes, ThemeRankingError, type ThemeRankInput } from "@/domain/theme-ranking";

const THEMES = ["listen", "wait", "mental", "dentist"];

function ballot(voterId: string, group: ThemeRankInput["group"], order: string[]): ThemeRankInput[] {
  return order.map((themeId, i) => ({ voterId, group, themeId, rank: i + 1 }));
}

describe("ranking themes with equal votes", () => {
  it("gives n points for a first place down to 1 for the last, and every voter counts the same", () => {
    const result = rankThemes(THEMES, [
      ...ballot("yc1", "TECHNICIAN", ["listen", "mental", "wait", "dentist"]),
      ...ballot("yc2", "TECHNICIAN", ["listen", "wait", "mental", "dentist"]),
      ...ballot("c1", "COMMISSIONER", ["wait", "mental", "listen", "dentist"]),
    ]);
    expect(result.voters).toBe(3);
    expect(result.votersByGroup).toEqual({ TECHNICIAN: 2, COMMISSIONER: 1 });
    const listen = result.priorities.find((p) => p.themeId === "listen")!;
    // (4 + 4 + 2) / 3: exact, not 3.33.
    expect(listen.points!.toString()).toBe("10/3");
    expect(listen.byGroup.TECHNICIAN.points!.toString()).toBe("4");
    expect(listen.byGroup.COMMISSIONER.points!.toString()).toBe("2");
    expect(listen.firstChoices).toBe(2);
    expect(result.priorities.map((p) => [p.themeId, p.place])).toEqual([
      ["listen", 1],
      ["wait", 2],
      ["mental", 3],
      ["dentist", 4],
    ]);
  });

  it("two young commissioners outvote one commissioner: a person is a vote, whatever their role", () => {
    const result = rankThemes(
      ["a", "b"],
      [...ballot("yc1", "TECHNICIAN", ["a", "b"]), ...ballot("yc2", "TECHNICIAN", ["a", "b"]), ...ballot("c1", "COMMISSIONER", ["b", "a"])],
    );
    expect(result.priorities[0]!.themeId).toBe("a");
  });

  it("themes with equal points share a place, in their own order", () => {
    const result = rankThemes(
      ["a", "b", "c"],
      [...ballot("v1", "TECHNICIAN", ["a", "b", "c"]), ...ballot("v2", "COMMISSIONER", ["b", "a", "c"])],
    );
    expect(result.priorities.map((p) => [p.themeId, p.place])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 3],
    ]);
  });

  it("high priority is the top 3 with ties; nothing before anyone ranks", () => {
    expect(highPriorityThemeIds(rankThemes(THEMES, []))).toEqual([]);
    expect(rankThemes(THEMES, []).priorities.every((p) => p.points === null)).toBe(true);
    const result = rankThemes(THEMES, ballot("v", "TECHNICIAN", ["dentist", "mental", "wait", "listen"]));
    expect(highPriorityThemeIds(result)).toEqual(["dentist", "mental", "wait"]);
  });

  it("refuses a ballot that misses a theme, repeats one or names another stage's theme", () => {
    expect(() => rankThemes(THEMES, ballot("v", "TECHNICIAN", ["listen", "wait", "mental"]))).toThrow(ThemeRankingError);
    expect(() => rankThemes(THEMES, ballot("v", "TECHNICIAN", ["listen", "listen", "mental", "dentist"]))).toThrow(ThemeRankingError);
    expect(() => rankThemes(THEMES, ballot("v", "TECHNICIAN", ["listen", "wait", "mental", "elsewhere"]))).toThrow(ThemeRankingError);
  });
});
