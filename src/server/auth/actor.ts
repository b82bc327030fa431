import type { Role } from "@/generated/prisma/enums";

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
