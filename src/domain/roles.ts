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

/** The roles a panel seat can have (the database's PanelRole; checked in src/server/auth/actor.ts). */
export const PANEL_ROLES = ["COMMISSIONER", "TECHNICIAN"] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

export function isPanelRole(role: string): role is PanelRole {
  return (PANEL_ROLES as readonly string[]).includes(role);
}

/** A panel role in words, lower case: one member and several. */
export const PANEL_ROLE_NAMES: Record<PanelRole, { one: string; many: string }> = {
  COMMISSIONER: { one: "commissioner", many: "commissioners" },
  TECHNICIAN: { one: "young commissioner", many: "young commissioners" },
};

/**
 * A panel seat as others see it: "commissioner", or "young commissioner A"
 * (young commissioners are known by their letter, never by name).
 */
export function panelSeatName(role: PanelRole, anonymousLabel: string | null): string {
  switch (role) {
    case "COMMISSIONER":
      return PANEL_ROLE_NAMES.COMMISSIONER.one;
    case "TECHNICIAN":
      return `${PANEL_ROLE_NAMES.TECHNICIAN.one} ${anonymousLabel ?? ""}`;
    default: {
      const _exhaustive: never = role;
      return _exhaustive;
    }
  }
}

/** "young commissioner" → "Young commissioner". */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
