import { londonDateKey } from "@/domain/london-time";
import { errorResponse } from "@/server/action-result";
import { exportPortalAuditCsv } from "@/server/audit-trail/export-csv";
import { kindFilter } from "@/server/audit-trail/queries";
import { getActor } from "@/server/auth/session";
import { now } from "@/server/clock";

export const dynamic = "force-dynamic";

/** The portal's whole audit log as CSV (`?kind=` for one kind): administrators only. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to download the audit log." }, { status: 401 });
  try {
    const kind = kindFilter(new URL(request.url).searchParams.get("kind") ?? undefined);
    const csv = await exportPortalAuditCsv(actor, kind);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${londonDateKey(now())}.csv"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
