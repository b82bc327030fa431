import { describe, expect, it } from "vitest";
import { conflictsStatement, decisionMakersSentence, noticeStatement, representationsStatement } from "@/domain/psr-notices";

const END = new Date("2027-01-04T23:59:59.999Z");

describe("the PSR notices' words", () => {
  it("say that no conflict was declared, or who (by role) declared one and how it was managed", () => {
    expect(conflictsStatement({ commissioners: 0, youngCommissioners: 0 })).toMatch(/^No member of the evaluation panel declared/);
    const two = conflictsStatement({ commissioners: 1, youngCommissioners: 2 });
    expect(two).toMatch(/^1 commissioner and 2 young commissioners on the evaluation panel declared/);
    expect(two).toContain("each of them took no part in scoring this tender");
    expect(conflictsStatement({ commissioners: 2, youngCommissioners: 0 })).toMatch(/^2 commissioners on/);
  });

  it("give the standstill's last day in London time and the route for representations", () => {
    expect(representationsStatement(END, null)).toContain("until midnight at the end of Monday 4 January 2027");
    expect(representationsStatement(END, "procurement@example.nhs.uk")).toContain("writes to procurement@example.nhs.uk");
    expect(noticeStatement("intention", END, null)).toContain("ends at midnight at the end of Monday 4 January 2027");
    expect(noticeStatement("award", END, new Date("2027-01-05T09:00:00Z"))).toContain("on 5 January 2027");
  });

  it("name who recommended and who approved, with dates", () => {
    expect(
      decisionMakersSentence({
        recommendedBy: "Sam Commissioner",
        recommendedAt: new Date("2026-12-17T12:00:00Z"),
        approvedBy: [{ name: "Gill Governor", establishment: "HMYOI Feltham", signedAt: new Date("2026-12-17T15:00:00Z") }],
      }),
    ).toBe(
      "Recommended by Sam Commissioner (commissioner, NHS England) on 17 December 2026, and approved by Gill Governor, governor of HMYOI Feltham, on 17 December 2026 (co-commissioning sign-off).",
    );
  });
});
