import { exportPortalAuditCsv } from "@/server/audit-trail/export-csv";
import { kindFilter } from "@/server/audit-trail/queries";
import { csvDownload } from "@/server/csv-download";

export const dynamic = "force-dynamic";

/** The portal's whole audit log as CSV (`?kind=` for one kind): administrators only. */
export async function GET(request: Request): Promise<Response> {
  return csvDownload("Sign in to download the audit log.", async (actor) => {
    const kind = kindFilter(new URL(request.url).searchParams.get("kind") ?? undefined);
    return { csv: await exportPortalAuditCsv(actor, kind), name: "audit-log" };
  });
}
