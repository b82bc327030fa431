import { londonDateKey } from "@/domain/london-time";
import { errorResponse } from "@/server/action-result";
import { exportTenderAuditCsv } from "@/server/audit-trail/export-csv";
import { kindFilter } from "@/server/audit-trail/queries";
import { getActor } from "@/server/auth/session";
import { now } from "@/server/clock";

export const dynamic = "force-dynamic";

/** A tender's audit trail as CSV (`?kind=` for one kind), for those who may read it. */
export async function GET(request: Request, { params }: { params: Promise<{ tenderId: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to download the audit trail." }, { status: 401 });
  try {
    const { tenderId } = await params;
    const kind = kindFilter(new URL(request.url).searchParams.get("kind") ?? undefined);
    const { csv, reference } = await exportTenderAuditCsv(actor, tenderId, kind);
    const safeReference = reference.replace(/[^A-Za-z0-9_-]+/g, "-");
    return csvResponse(csv, `audit-trail-${safeReference}-${londonDateKey(now())}.csv`);
  } catch (error) {
    return errorResponse(error);
  }
}

function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
