import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { canInvite, canUseSection, governsEstablishment, homePath, type Section } from "@/server/access";
import type { Actor } from "@/server/auth/actor";

const actor = (role: Role, establishmentIds: string[] = []): Actor => ({
  id: "u",
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
      COMMISSIONER: ["tenders", "panels", "agreements", "contracts", "time"],
      TECHNICIAN: ["panels", "time"],
      GOVERNOR: ["establishment", "agreements", "contracts"],
      PROVIDER: ["opportunities"],
    };
    const all: Section[] = ["tenders", "panels", "establishment", "opportunities", "admin", "outbox", "agreements", "contracts", "time"];
    for (const [role, allowed] of Object.entries(matrix) as [Role, Section[]][]) {
      for (const section of all) expect([role, section, canUseSection(actor(role), section)]).toEqual([role, section, allowed.includes(section)]);
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

  it("a governor governs only their linked establishments; other roles govern none", () => {
    expect(governsEstablishment(actor("GOVERNOR", ["feltham"]), "feltham")).toBe(true);
    expect(governsEstablishment(actor("GOVERNOR", ["feltham"]), "cookham")).toBe(false);
    expect(governsEstablishment(actor("COMMISSIONER", ["feltham"]), "feltham")).toBe(false);
  });
});
