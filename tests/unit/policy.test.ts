import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import {
  agreementSideOf,
  can,
  canInvite,
  canUseSection,
  contractsReadableWhere,
  establishmentScopeWhere,
  governsEstablishment,
  homePath,
  runsTender,
  tendersRunByWhere,
  type Section,
} from "@/server/policy";
import type { Actor } from "@/server/auth/actor";

const actor = (role: Role, establishmentIds: string[] = [], id = "u"): Actor => ({
  id,
  role,
  name: "n",
  email: "e@x",
  organisationId: null,
  establishmentIds,
});

describe("role rules", () => {
  it("sends each role to its own home page", () => {
    expect(homePath("COMMISSIONER")).toBe("/tenders");
    expect(homePath("TECHNICIAN")).toBe("/panels");
    expect(homePath("GOVERNOR")).toBe("/establishment");
    expect(homePath("PROVIDER")).toBe("/opportunities");
    expect(homePath("ADMIN")).toBe("/admin/users");
  });

  it("lets each role use exactly the sections of its job", () => {
    const matrix: Record<Role, Section[]> = {
      ADMIN: ["admin", "outbox"],
      COMMISSIONER: ["tenders", "panels", "agreements", "contracts", "time", "shaping"],
      TECHNICIAN: ["panels", "time", "shaping"],
      GOVERNOR: ["establishment", "agreements", "contracts", "shaping"],
      PROVIDER: ["opportunities", "contracts"],
    };
    const all: Section[] = [
      "tenders",
      "panels",
      "establishment",
      "opportunities",
      "admin",
      "outbox",
      "agreements",
      "contracts",
      "time",
      "shaping",
    ];
    for (const [role, allowed] of Object.entries(matrix) as [Role, Section[]][]) {
      for (const section of all)
        expect([role, section, canUseSection(actor(role), section)]).toEqual([role, section, allowed.includes(section)]);
    }
  });

  it("admins invite anyone; commissioners invite technicians only; nobody else invites", () => {
    const roles: Role[] = ["ADMIN", "COMMISSIONER", "TECHNICIAN", "GOVERNOR", "PROVIDER"];
    for (const r of roles) expect(canInvite(actor("ADMIN"), r)).toBe(true);
    expect(roles.filter((r) => canInvite(actor("COMMISSIONER"), r))).toEqual(["TECHNICIAN"]);
    for (const inviter of ["TECHNICIAN", "GOVERNOR", "PROVIDER"] as Role[]) {
      expect(roles.filter((r) => canInvite(actor(inviter), r))).toEqual([]);
    }
  });

  it("a refusal tells a governor only of their own establishment's tenders; other roles' refusals reveal nothing either way", () => {
    const feltham = { establishmentId: "feltham" };
    expect(can(actor("GOVERNOR", ["feltham"]), "tender.knowOf", feltham)).toBe(true);
    expect(can(actor("GOVERNOR", ["cookham"]), "tender.knowOf", feltham)).toBe(false);
    for (const role of ["ADMIN", "COMMISSIONER", "TECHNICIAN", "PROVIDER"] as Role[])
      expect(can(actor(role), "tender.knowOf", feltham)).toBe(true);
  });

  it("a governor governs only their linked establishments; other roles govern none", () => {
    expect(governsEstablishment(actor("GOVERNOR", ["feltham"]), "feltham")).toBe(true);
    expect(governsEstablishment(actor("GOVERNOR", ["feltham"]), "cookham")).toBe(false);
    expect(governsEstablishment(actor("COMMISSIONER", ["feltham"]), "feltham")).toBe(false);
  });
});

describe("my account", () => {
  it("every role has My account; own data and asking to close are a young commissioner's; closing is an admin's or a commissioner's", () => {
    const roles: Role[] = ["ADMIN", "COMMISSIONER", "TECHNICIAN", "GOVERNOR", "PROVIDER"];
    for (const r of roles) expect(canUseSection(actor(r), "account")).toBe(true);
    expect(roles.filter((r) => can(actor(r), "account.ownData"))).toEqual(["TECHNICIAN"]);
    expect(roles.filter((r) => can(actor(r), "account.requestClosure"))).toEqual(["TECHNICIAN"]);
    expect(roles.filter((r) => canUseSection(actor(r), "closures"))).toEqual(["ADMIN", "COMMISSIONER"]);
  });

  it("closes a young commissioner's account: any admin, or a commissioner running a tender they sit on", () => {
    const theirTender = {
      createdById: "creator",
      panelMembers: [{ userId: "yc", role: "TECHNICIAN" as const, status: "STEPPED_BACK" as const }],
    };
    const seated = {
      ...theirTender,
      panelMembers: [...theirTender.panelMembers, { userId: "c2", role: "COMMISSIONER" as const, status: "ACCEPTED" as const }],
    };
    const invitedOnly = {
      ...theirTender,
      panelMembers: [...theirTender.panelMembers, { userId: "c3", role: "COMMISSIONER" as const, status: "INVITED" as const }],
    };
    expect(can(actor("ADMIN"), "account.close", { role: "TECHNICIAN", panelTenders: [] })).toBe(true);
    expect(can(actor("COMMISSIONER", [], "creator"), "account.close", { role: "TECHNICIAN", panelTenders: [theirTender] })).toBe(true);
    expect(can(actor("COMMISSIONER", [], "c2"), "account.close", { role: "TECHNICIAN", panelTenders: [seated] })).toBe(true);
    expect(can(actor("COMMISSIONER", [], "c3"), "account.close", { role: "TECHNICIAN", panelTenders: [invitedOnly] })).toBe(false);
    expect(can(actor("COMMISSIONER", [], "someone"), "account.close", { role: "TECHNICIAN", panelTenders: [theirTender] })).toBe(false);
    expect(can(actor("COMMISSIONER", [], "creator"), "account.close", { role: "TECHNICIAN", panelTenders: [] })).toBe(false);
    // Only young commissioners' accounts are closed this way.
    for (const role of ["ADMIN", "COMMISSIONER", "GOVERNOR", "PROVIDER"] as Role[]) {
      expect(can(actor("ADMIN"), "account.close", { role, panelTenders: [] })).toBe(false);
    }
    for (const r of ["TECHNICIAN", "GOVERNOR", "PROVIDER"] as Role[]) {
      expect(can(actor(r, [], "creator"), "account.close", { role: "TECHNICIAN", panelTenders: [theirTender] })).toBe(false);
    }
  });
});

describe("capabilities over relationships", () => {
  const tender = (seats: { userId: string; status: "INVITED" | "ACCEPTED" | "DECLINED" | "STEPPED_BACK" }[]) => ({
    createdById: "creator",
    panelMembers: seats.map((s) => ({ ...s, role: "COMMISSIONER" as const })),
  });

  it("tender.manage: the creator and accepted commissioners only; the same rule as the list filter", () => {
    const t = tender([
      { userId: "accepted", status: "ACCEPTED" },
      { userId: "invited", status: "INVITED" },
      { userId: "declined", status: "DECLINED" },
      { userId: "stepped", status: "STEPPED_BACK" },
    ]);
    const runs = (id: string, role: Role = "COMMISSIONER") => can(actor(role, [], id), "tender.manage", t);
    expect(["creator", "accepted", "invited", "declined", "stepped", "stranger"].filter((id) => runs(id))).toEqual(["creator", "accepted"]);
    expect(runs("creator", "ADMIN")).toBe(false);
    expect(can(actor("COMMISSIONER", [], "accepted"), "time.approve", t)).toBe(runsTender(actor("COMMISSIONER", [], "accepted"), t));
    expect(JSON.stringify(tendersRunByWhere(actor("COMMISSIONER", [], "c")))).toContain('"status":"ACCEPTED"');
    expect(tendersRunByWhere(actor("GOVERNOR"))).toEqual({ id: { in: [] } });
  });

  it("award.signOff, agreement.read and the establishment scope: governors of the record's establishment; commissioners read all", () => {
    const record = { establishmentId: "feltham" };
    expect(can(actor("GOVERNOR", ["feltham"]), "award.signOff", record)).toBe(true);
    expect(can(actor("GOVERNOR", ["cookham"]), "award.signOff", record)).toBe(false);
    expect(can(actor("COMMISSIONER"), "award.signOff", record)).toBe(false);
    for (const role of ["ADMIN", "COMMISSIONER", "TECHNICIAN", "GOVERNOR", "PROVIDER"] as const) {
      for (const establishments of [["feltham"], ["cookham"]]) {
        const who = actor(role, establishments);
        const scope = establishmentScopeWhere(who);
        const inScope = scope !== null && (scope.establishmentId === undefined || scope.establishmentId.in.includes("feltham"));
        // The list's where and the record's check give one answer.
        expect(can(who, "agreement.read", record)).toBe(inScope);
        expect(can(who, "agreement.sign", record)).toBe(inScope);
      }
    }
    expect(can(actor("COMMISSIONER"), "contract.readAllEstablishments")).toBe(true);
    expect(can(actor("GOVERNOR", ["feltham"]), "contract.readAllEstablishments")).toBe(false);
    expect(establishmentScopeWhere(actor("GOVERNOR", ["feltham"]))).toEqual({ establishmentId: { in: ["feltham"] } });
    expect(establishmentScopeWhere(actor("COMMISSIONER"))).toEqual({});
    expect(establishmentScopeWhere(actor("TECHNICIAN"))).toBeNull();
  });

  it("agreementSideOf: the establishment's governor signs for it, a commissioner for NHS England, nobody else", () => {
    const record = { establishmentId: "feltham" };
    expect(agreementSideOf(actor("GOVERNOR", ["feltham"]), record)).toBe("GOVERNOR");
    expect(agreementSideOf(actor("GOVERNOR", ["cookham"]), record)).toBeNull();
    expect(agreementSideOf(actor("COMMISSIONER"), record)).toBe("COMMISSIONER");
    for (const role of ["ADMIN", "TECHNICIAN", "PROVIDER"] as const) expect(agreementSideOf(actor(role), record)).toBeNull();
  });

  it("time.markPaid: the commissioners running the tender, as time.approve", () => {
    const t = {
      createdById: "creator",
      panelMembers: [{ userId: "accepted", role: "COMMISSIONER" as const, status: "ACCEPTED" as const }],
    };
    for (const id of ["creator", "accepted", "stranger"]) {
      expect(can(actor("COMMISSIONER", [], id), "time.markPaid", t)).toBe(runsTender(actor("COMMISSIONER", [], id), t));
    }
    expect(can(actor("COMMISSIONER", [], "stranger"), "time.markPaid", t)).toBe(false);
  });

  it("contract checks: the provider of the contract's organisation, the establishment's governor, commissioners", () => {
    const contract = { establishmentId: "feltham", organisationId: "org-a" };
    const provider = { ...actor("PROVIDER"), organisationId: "org-a" };
    const otherProvider = { ...actor("PROVIDER"), organisationId: "org-b" };
    const governor = actor("GOVERNOR", ["feltham"]);
    const otherGovernor = actor("GOVERNOR", ["cookham"]);
    const commissioner = actor("COMMISSIONER");
    for (const cap of ["contract.readOwn", "return.submit", "action.answer"] as const) {
      expect(can(provider, cap, contract)).toBe(true);
      expect(can(otherProvider, cap, contract)).toBe(false);
      expect(can(commissioner, cap, contract)).toBe(false);
      expect(can(governor, cap, contract)).toBe(false);
      expect(can({ ...actor("PROVIDER"), organisationId: null }, cap, contract)).toBe(false);
    }
    expect(can(provider, "commitments.sign", contract)).toBe(true);
    expect(can(commissioner, "commitments.sign", contract)).toBe(true);
    expect(can(otherProvider, "commitments.sign", contract)).toBe(false);
    expect(can(governor, "commitments.sign", contract)).toBe(false);
    expect(can(governor, "review.cosign", contract)).toBe(true);
    expect(can(otherGovernor, "review.cosign", contract)).toBe(false);
    expect(can(commissioner, "review.cosign", contract)).toBe(false);
    expect(can(governor, "review.readDraft", contract)).toBe(true);
    expect(can(provider, "review.readDraft", contract)).toBe(false);
    for (const cap of ["commitments.draft", "review.write"] as const) {
      expect(can(commissioner, cap)).toBe(true);
      for (const role of ["PROVIDER", "GOVERNOR", "TECHNICIAN", "ADMIN"] as const) expect(can(actor(role), cap)).toBe(false);
    }
    expect(contractsReadableWhere(provider)).toEqual({ organisationId: "org-a" });
    expect(contractsReadableWhere(actor("PROVIDER"))).toBeNull();
    expect(contractsReadableWhere(actor("TECHNICIAN"))).toBeNull();
    expect(contractsReadableWhere(governor)).toEqual({ establishmentId: { in: ["feltham"] } });
  });

  it("bid.readOwn: a provider of the bidding organisation only", () => {
    const provider = { ...actor("PROVIDER"), organisationId: "org-a" };
    expect(can(provider, "bid.readOwn", { organisationId: "org-a" })).toBe(true);
    expect(can(provider, "bid.readOwn", { organisationId: "org-b" })).toBe(false);
    expect(can({ ...actor("COMMISSIONER"), organisationId: "org-a" }, "bid.readOwn", { organisationId: "org-a" })).toBe(false);
  });
});

describe("the printable 'You said, we did' of a shaping stage", () => {
  const stage = {
    tender: { createdById: "runner", panelMembers: [], establishmentId: "e1" },
    members: [
      { userId: "facilitator", role: "COMMISSIONER" as const, status: "ACCEPTED" as const, isFacilitator: true },
      { userId: "member", role: "COMMISSIONER" as const, status: "ACCEPTED" as const, isFacilitator: false },
      { userId: "young", role: "TECHNICIAN" as const, status: "ACCEPTED" as const, isFacilitator: false },
    ],
  };
  it("is for the facilitators (who hand it out on the wing) and the establishment's governor only", () => {
    expect(can(actor("COMMISSIONER", [], "runner"), "shaping.printSummary", stage)).toBe(true);
    expect(can(actor("COMMISSIONER", [], "facilitator"), "shaping.printSummary", stage)).toBe(true);
    expect(can(actor("GOVERNOR", ["e1"], "g"), "shaping.printSummary", stage)).toBe(true);
    expect(can(actor("COMMISSIONER", [], "member"), "shaping.printSummary", stage)).toBe(false);
    expect(can(actor("TECHNICIAN", [], "young"), "shaping.printSummary", stage)).toBe(false);
    expect(can(actor("GOVERNOR", ["e2"], "g2"), "shaping.printSummary", stage)).toBe(false);
    expect(can(actor("PROVIDER", [], "p"), "shaping.printSummary", stage)).toBe(false);
  });
});

describe("shaping: answering invitations and the menu", () => {
  it("only the invited commissioner or young commissioner answers their own invitation", () => {
    expect(can(actor("TECHNICIAN", [], "t1"), "shaping.respond", { userId: "t1" })).toBe(true);
    expect(can(actor("COMMISSIONER", [], "c1"), "shaping.respond", { userId: "c1" })).toBe(true);
    expect(can(actor("TECHNICIAN", [], "t2"), "shaping.respond", { userId: "t1" })).toBe(false);
    expect(can(actor("GOVERNOR", [], "g1"), "shaping.respond", { userId: "g1" })).toBe(false);
    expect(can(actor("ADMIN", [], "a1"), "shaping.respond", { userId: "a1" })).toBe(false);
  });

  it("shows Shaping in the menu to commissioners and young commissioners only (governors reach it from their establishment)", () => {
    const roles: Role[] = ["ADMIN", "COMMISSIONER", "TECHNICIAN", "GOVERNOR", "PROVIDER"];
    expect(roles.filter((r) => can(actor(r), "shaping.menu"))).toEqual(["COMMISSIONER", "TECHNICIAN"]);
  });
});
