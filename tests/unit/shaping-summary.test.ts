import { describe, expect, it } from "vitest";
import { openCount, ordinal, participationParts, youngPeopleTookPart } from "@/domain/shaping-summary";
import { contractLine, followTheme } from "@/domain/you-said-we-did";

const people = { focusGroups: 17, focusGroupSessions: 2, anonymous: 11, youngCommissioners: 4 };

describe("how many young people took part", () => {
  it("says the total, and a range when fewer than 5 answered anonymously (the others' figures would give it away)", () => {
    expect(youngPeopleTookPart(people)).toBe("32 young people took part");
    expect(youngPeopleTookPart({ ...people, anonymous: 0 })).toBe("21 young people took part");
    expect(youngPeopleTookPart({ ...people, anonymous: 1 })).toBe("Between 22 and 25 young people took part");
    expect(youngPeopleTookPart({ ...people, anonymous: 4 })).toBe("Between 22 and 25 young people took part");
    expect(youngPeopleTookPart({ ...people, anonymous: 5 })).toBe("26 young people took part");
    expect(youngPeopleTookPart({ focusGroups: 0, focusGroupSessions: 0, anonymous: 0, youngCommissioners: 1 })).toBe(
      "1 young person took part",
    );
  });

  it("breaks it down with 'fewer than 5' for the anonymous answers", () => {
    expect(participationParts(people)).toEqual([
      "17 in 2 focus groups or workshops",
      "11 answered a short form without giving their name",
      "4 young commissioners",
    ]);
    expect(participationParts({ focusGroups: 6, focusGroupSessions: 1, anonymous: 3, youngCommissioners: 1 })).toEqual([
      "6 in a focus group",
      "fewer than 5 answered a short form without giving their name",
      "1 young commissioner",
    ]);
  });

  it("leaves counts of 1 to 4 out of open data", () => {
    expect([0, 1, 4, 5, 12].map(openCount)).toEqual([0, undefined, undefined, 5, 12]);
  });

  it("names places", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
    ]);
  });
});

describe("You said, we did, from a theme", () => {
  const theme = {
    title: "Help at night",
    place: 2,
    criteria: [
      { name: "Night care", kind: "QUALITY" as const, score: "4.50" },
      { name: "Price", kind: "PRICE" as const, score: "5.00" },
    ],
  };

  it("follows the theme to the criteria and, after the award, the winner's scores", () => {
    expect(followTheme(theme, { state: "NOT_YET" })).toEqual({
      said: "Help at night",
      place: "It came 2nd when everyone ranked the themes.",
      did: ["We asked every provider about it. The panel scored it in “Night care” and the price."],
    });
    expect(followTheme(theme, { state: "AWARDED", provider: "Acme Health" }).did).toEqual([
      "We asked every provider about it. The panel scored it in “Night care” and the price.",
      "Acme Health scored 4.50 out of 5 on “Night care”.",
      "Acme Health scored 5.00 out of 5 on the price.",
    ]);
  });

  it("says plainly when nothing scored a theme", () => {
    expect(followTheme({ title: "Family contact", place: null, criteria: [] }, { state: "AWARDED", provider: "Acme" })).toEqual({
      said: "Family contact",
      place: null,
      did: ["We did not find a way to score this in the tender. We will keep it in mind."],
    });
  });

  it("ends with where the contract went", () => {
    expect(contractLine({ state: "AWARDED", provider: "Acme Health" })).toMatch(/^Acme Health got the contract\./);
    expect(contractLine({ state: "PENDING", provider: "Acme Health" })).toMatch(/will get the contract after a short wait/);
    expect(contractLine({ state: "CANCELLED" })).toMatch(/nobody got the contract/);
    expect(contractLine({ state: "NOT_YET" })).toMatch(/has not chosen/);
  });
});
