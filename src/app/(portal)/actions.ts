"use server";
import { markActionReached } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { recordSignOut } from "@/server/users/record-sign-out";
import { endSession, getActor } from "@/server/auth/session";

/** Takes no arguments: whatever a request sends with it is not read. */
export async function signOutAction(): Promise<void> {
  markActionReached();
  const actor = await getActor();
  if (actor) {
    await recordSignOut(actor);
  }
  await endSession();
  redirect("/login?signedOut=1");
}
