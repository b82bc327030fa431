import { londonDateKey } from "@/domain/london-time";
import { ownData } from "@/server/account/own-data";
import { errorResponse } from "@/server/action-result";
import { auditAlone } from "@/server/audit";
import { getActor } from "@/server/auth/session";
import { now } from "@/server/clock";

export const dynamic = "force-dynamic";

/** A young commissioner's own data as JSON (My account → Your data): a download, never cached. */
export async function GET(): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to download your data." }, { status: 401 });
  try {
    const data = await ownData(actor);
    await auditAlone(actor, { action: "account.data_downloaded", entityType: "User", entityId: actor.id, after: { format: "json" } });
    const body = JSON.stringify({ downloadedAt: new Date().toISOString(), about: "What CoCommission keeps about you", ...data }, null, 2);
    return new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="my-cocommission-data-${londonDateKey(now())}.json"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
