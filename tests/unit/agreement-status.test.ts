import { describe, expect, it } from "vitest";
import { agreementStatus, type VersionForStatus } from "@/domain/agreement-status";

const sign = (
  signerRole: "COMMISSIONER" | "GOVERNOR",
  contentHash: string,
  decision: "APPROVED" | "CHANGES_REQUESTED" | "REJECTED" = "APPROVED",
  voidedAt: Date | null = null,
) => ({ signerRole, decision, contentHash, voidedAt });
const v = (version: number, signOffs: VersionForStatus["signOffs"] = []): VersionForStatus => ({
  id: `v${version}`,
  version,
  contentHash: `h${version}`,
  signOffs,
});

describe("agreement status", () => {
  it("in force only when both sides approved the same version's hash", () => {
    expect(agreementStatus([v(1)]).state).toBe("AWAITING_COMMISSIONER");
    expect(agreementStatus([v(1, [sign("COMMISSIONER", "h1")])]).state).toBe("AWAITING_GOVERNOR");
    const both = agreementStatus([v(1, [sign("COMMISSIONER", "h1"), sign("GOVERNOR", "h1")])]);
    expect(both.state).toBe("IN_FORCE");
    expect(both.inForce?.version).toBe(1);
  });

  it("signatures on a different hash, or voided ones, do not count", () => {
    expect(agreementStatus([v(1, [sign("COMMISSIONER", "h1"), sign("GOVERNOR", "other")])]).state).toBe("AWAITING_GOVERNOR");
    expect(agreementStatus([v(1, [sign("COMMISSIONER", "h1", "APPROVED", new Date()), sign("GOVERNOR", "h1")])]).inForce).toBeNull();
  });

  it("the commissioner signing one version and the governor another is not in force", () => {
    const s = agreementStatus([v(1, [sign("COMMISSIONER", "h1")]), v(2, [sign("GOVERNOR", "h2")])]);
    expect(s.inForce).toBeNull();
    expect(s.latest.version).toBe(2);
  });

  it("an older fully signed version stays in force while a newer one waits", () => {
    const s = agreementStatus([v(1, [sign("COMMISSIONER", "h1"), sign("GOVERNOR", "h1")]), v(2, [sign("COMMISSIONER", "h2")])]);
    expect(s.state).toBe("AWAITING_GOVERNOR");
    expect(s.inForce?.version).toBe(1);
  });

  it("the governor's latest word on the newest version sets the state", () => {
    expect(agreementStatus([v(1, [sign("COMMISSIONER", "h1"), sign("GOVERNOR", "h1", "CHANGES_REQUESTED")])]).state).toBe(
      "CHANGES_REQUESTED",
    );
    expect(agreementStatus([v(1, [sign("COMMISSIONER", "h1"), sign("GOVERNOR", "h1", "REJECTED")])]).state).toBe("REJECTED");
  });
});
