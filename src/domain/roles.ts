// The portal's roles, named once. The database enum (prisma/schema.prisma,
// Role) must list the same ones: src/server/auth/actor.ts fails to compile
// when they differ, and every Record<Role, …> below and elsewhere fails to
// compile until a new role is handled.

export const ROLES = ["ADMIN", "COMMISSIONER", "TECHNICIAN", "GOVERNOR", "PROVIDER"] as const;
export type Role = (typeof ROLES)[number];

/** How a role is shown next to a name (the header, the audit trail). */
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrator",
  COMMISSIONER: "Commissioner",
  TECHNICIAN: "Young commissioner",
  GOVERNOR: "Governor",
  PROVIDER: "Provider",
};

/** The longer name when choosing a role for someone (the invitation form), in the order offered. */
export const ROLE_CHOICES: Record<Role, string> = {
  COMMISSIONER: "Commissioner (NHS England)",
  TECHNICIAN: "Young commissioner (commissioning technician)",
  GOVERNOR: "Governor",
  PROVIDER: "Provider (bidding organisation)",
  ADMIN: "Administrator",
};
