"use server";
import { redirect } from "next/navigation";
import { recordSignOut } from "@/server/users/record-sign-out";
import { endSession, getActor } from "@/server/auth/session";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    await recordSignOut(actor);
  }
  await endSession();
  redirect("/login?signedOut=1");
}
