import { describe, expect, it } from "vitest";
import { SIGNING_CHOICES, signingRefusal } from "@/domain/agreement-status";

const s = (signerRole: string, decision: string, voided = false) => ({ signerRole, decision, voidedAt: voided ? new Date(0) : null });

describe("who may still sign an agreement version (the page and the use case ask the same)", () => {
  it("each side signs a version once", () => {
    expect(signingRefusal("COMMISSIONER", [])).toBeNull();
    expect(signingRefusal("COMMISSIONER", [s("COMMISSIONER", "APPROVED")])).toMatch(/already been signed for the commissioner/);
    expect(signingRefusal("GOVERNOR", [s("GOVERNOR", "APPROVED")])).toMatch(/already been signed for the establishment/);
    // The other side's signature does not stop this side.
    expect(signingRefusal("GOVERNOR", [s("COMMISSIONER", "APPROVED")])).toBeNull();
  });

  it("a governor who asked for changes or rejected has answered; a void signature does not count", () => {
    expect(signingRefusal("GOVERNOR", [s("GOVERNOR", "CHANGES_REQUESTED")])).toMatch(/already given your decision/);
    expect(signingRefusal("GOVERNOR", [s("GOVERNOR", "REJECTED")])).toMatch(/already given your decision/);
    expect(signingRefusal("GOVERNOR", [s("GOVERNOR", "APPROVED", true)])).toBeNull();
    expect(signingRefusal("COMMISSIONER", [s("COMMISSIONER", "APPROVED", true)])).toBeNull();
  });

  it("the governor approves, asks for changes or rejects; the commissioner only signs", () => {
    expect(SIGNING_CHOICES.GOVERNOR).toEqual(["APPROVED", "CHANGES_REQUESTED", "REJECTED"]);
    expect(SIGNING_CHOICES.COMMISSIONER).toEqual(["APPROVED"]);
  });
});
