import { csvDownload } from "@/server/csv-download";
import { openClaimsCsv } from "@/server/technicians/export-claims-csv";

export const dynamic = "force-dynamic";

/** Payroll CSV of approved claims on the commissioner's tenders; `?unpaid=1` for those not yet paid. */
export async function GET(request: Request): Promise<Response> {
  return csvDownload("Sign in to download claims.", async (actor) => {
    const unpaidOnly = new URL(request.url).searchParams.get("unpaid") === "1";
    const { parts } = await openClaimsCsv(actor, { unpaidOnly });
    return { csv: parts, name: `paid-time-claims${unpaidOnly ? "-unpaid" : ""}` };
  });
}
