import { exportTenderAuditCsv } from "@/server/audit-trail/export-csv";
import { kindFilter } from "@/server/audit-trail/queries";
import { csvDownload } from "@/server/csv-download";

export const dynamic = "force-dynamic";

/** A tender's audit trail as CSV (`?kind=` for one kind), for those who may read it. */
export async function GET(request: Request, { params }: { params: Promise<{ tenderId: string }> }): Promise<Response> {
  return csvDownload("Sign in to download the audit trail.", async (actor) => {
    const { tenderId } = await params;
    const kind = kindFilter(new URL(request.url).searchParams.get("kind") ?? undefined);
    const { csv, reference } = await exportTenderAuditCsv(actor, tenderId, kind);
    return { csv, name: `audit-trail-${reference}` };
  });
}
