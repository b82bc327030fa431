import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { notifyUsers } from "../notifications/notify";
import { accountClosers } from "../notifications/recipients";
import { authorize } from "../policy";

export const CLOSURES_PATH = "/account/closures";

/**
 * A young commissioner asks for their account to be closed. Nothing is removed yet: an administrator, or a
 * commissioner running a tender they sit on, completes it once their paid time is settled (close-account.ts),
 * and each of them is told.
 */
export async function requestAccountClosure(actor: Actor, input: { confirm: string }, now = clockNow()): Promise<void> {
  authorize(actor, "account.requestClosure");
  if (input.confirm !== "yes") throw new Invalid({ confirm: "Tick the box to say you want your account closed" });
  await db.$transaction(async (tx) => {
    const asked = await tx.user.updateMany({ where: { id: actor.id, closureRequestedAt: null }, data: { closureRequestedAt: now } });
    if (asked.count !== 1) throw new Conflict("You have already asked for your account to be closed.");
    const closers = await accountClosers(tx, actor);
    await notifyUsers(tx, closers, "accountClosureRequested", { person: actor.name, closuresPath: CLOSURES_PATH });
    await audit(tx, actor, {
      action: "account.closure_requested",
      entityType: "User",
      entityId: actor.id,
      after: { closureRequestedAt: now },
    });
  });
}
