import { describe, expect, it } from "vitest";
import { nextShapingStatus, privateCount, shapingAllows, SHAPING_STATUSES } from "@/domain/shaping-stage";

describe("a shaping stage's states", () => {
  it("moves planning → gathering → ranking → closed, one step at a time", () => {
    expect(nextShapingStatus("PLANNING", "openGathering")).toBe("GATHERING");
    expect(nextShapingStatus("GATHERING", "closeGathering")).toBe("PRIORITISING");
    expect(nextShapingStatus("PRIORITISING", "closeRanking")).toBe("CLOSED");
    expect(nextShapingStatus("PLANNING", "closeGathering")).toBeNull();
    expect(nextShapingStatus("GATHERING", "openGathering")).toBeNull();
    expect(nextShapingStatus("CLOSED", "openGathering")).toBeNull();
  });

  it("takes views only while gathering, and edits questions only while planning", () => {
    expect(SHAPING_STATUSES.filter(shapingAllows.gatherViews)).toEqual(["GATHERING"]);
    expect(SHAPING_STATUSES.filter(shapingAllows.editQuestions)).toEqual(["PLANNING"]);
    expect(SHAPING_STATUSES.filter(shapingAllows.rankThemes)).toEqual(["PRIORITISING"]);
  });
});

describe("counts of anonymous answers", () => {
  it("shows fewer than 5 as 'fewer than 5', never the number", () => {
    expect([0, 1, 4].map(privateCount)).toEqual(["fewer than 5", "fewer than 5", "fewer than 5"]);
    expect([5, 11].map(privateCount)).toEqual(["5", "11"]);
  });
});
