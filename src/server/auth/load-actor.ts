import "server-only";
import { db } from "../db";
import { hasEstablishments } from "../policy";
import type { Actor } from "./actor";

/** The Actor for a user id, or null when the account no longer exists or is disabled. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      name: true,
      email: true,
      organisationId: true,
      disabledAt: true,
      establishments: { select: { establishmentId: true } },
    },
  });
  if (!user || user.disabledAt) return null;
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    organisationId: user.organisationId,
    establishmentIds: hasEstablishments(user) ? user.establishments.map((e) => e.establishmentId) : [],
  };
}
