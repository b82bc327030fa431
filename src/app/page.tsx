import { redirect } from "next/navigation";
import { homePath } from "@/server/policy";
import { getActor } from "@/server/auth/session";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homePath(actor.role) : "/login");
}
