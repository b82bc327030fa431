import type { PanelRole as DomainPanelRole, Role as DomainRole } from "@/domain/roles";
import type { PanelRole, Role } from "@/generated/prisma/enums";

// The database's roles and panel roles and the domain's (src/domain/roles.ts) are the same sets:
// adding one to either fails to compile here until the other has it too.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rolesMatch: [Same<Role, DomainRole>, Same<PanelRole, DomainPanelRole>] = [true, true];
void rolesMatch;

/** The signed-in user, as every use case and query sees them. */
export interface Actor {
  id: string;
  role: Role;
  name: string;
  email: string;
  /** Providers: the bidding organisation they act for. */
  organisationId: string | null;
  /** Governors: the establishments they govern (empty for other roles). */
  establishmentIds: string[];
}
