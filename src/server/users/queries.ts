import "server-only";
import { authorize } from "../policy";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { FIRST_PAGE, type Paging } from "@/domain/paging";

/** One page of the people with accounts, by role then email. */
export async function listUsers(actor: Actor, page: Paging = FIRST_PAGE) {
  authorize(actor, "user.manage");
  return db.user.findMany({
    skip: page.skip,
    take: page.size,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      lastSignInAt: true,
      organisation: { select: { name: true } },
      establishments: { select: { establishment: { select: { name: true } } } },
    },
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
}

export async function countUsers(actor: Actor) {
  authorize(actor, "user.manage");
  return db.user.count();
}

export async function listInvitations(actor: Actor) {
  authorize(actor, "user.manage");
  return db.invitation.findMany({
    select: { id: true, email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** Choices for the invitation form. */
export async function invitationOptions(actor: Actor) {
  authorize(actor, "user.inviteAny");
  const [organisations, establishments] = await Promise.all([
    db.organisation.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }),
    db.establishment.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { organisations, establishments };
}
