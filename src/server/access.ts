// Who may do what: every role rule in one file. Use cases call these and
// throw Forbidden; pages call them to decide what to show and where to go.
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "./auth/actor";
import { Forbidden } from "./errors";

export type Section =
  | "tenders"
  | "panels"
  | "establishment"
  | "opportunities"
  | "admin"
  | "outbox"
  | "agreements"
  | "contracts"
  | "time"
  | "letters"
  | "welcome";

const SECTIONS: Record<Section, readonly Role[]> = {
  tenders: ["COMMISSIONER"],
  panels: ["COMMISSIONER", "TECHNICIAN"],
  establishment: ["GOVERNOR"],
  opportunities: ["PROVIDER"],
  admin: ["ADMIN"],
  outbox: ["ADMIN"],
  agreements: ["COMMISSIONER", "GOVERNOR"],
  contracts: ["COMMISSIONER", "GOVERNOR"],
  time: ["TECHNICIAN", "COMMISSIONER"],
  letters: ["PROVIDER", "COMMISSIONER", "GOVERNOR"],
  welcome: ["TECHNICIAN"],
};

export function canUseSection(actor: Actor, section: Section): boolean {
  return SECTIONS[section].includes(actor.role);
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  switch (role) {
    case "COMMISSIONER":
      return "/tenders";
    case "TECHNICIAN":
      return "/panels";
    case "GOVERNOR":
      return "/establishment";
    case "PROVIDER":
      return "/opportunities";
    case "ADMIN":
      return "/admin/users";
  }
}

export function assertRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw new Forbidden();
}

/** Admins and commissioners invite people; only admins invite staff of other roles. */
export function canInvite(actor: Actor, role: Role): boolean {
  if (actor.role === "ADMIN") return true;
  return actor.role === "COMMISSIONER" && role === "TECHNICIAN";
}

/** A governor acts only for the establishments they are linked to. */
export function governsEstablishment(actor: Actor, establishmentId: string): boolean {
  return actor.role === "GOVERNOR" && actor.establishmentIds.includes(establishmentId);
}
