import "server-only";
import type { Actor } from "../auth/actor";
import { audit } from "../audit";
import { db } from "../db";

/** Audits that the actor signed out. */
export async function recordSignOut(actor: Actor): Promise<void> {
  await db.$transaction((tx) => audit(tx, actor, { action: "user.signed_out", entityType: "User", entityId: actor.id }));
}
