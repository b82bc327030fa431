"use server";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { audit } from "@/server/audit";
import { endSession, getActor } from "@/server/auth/session";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    await db.$transaction((tx) => audit(tx, actor, { action: "user.signed_out", entityType: "User", entityId: actor.id }));
  }
  await endSession();
  redirect("/login?signedOut=1");
}
