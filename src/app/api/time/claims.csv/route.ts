import { londonDateKey } from "@/domain/london-time";
import { errorResponse } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { exportClaimsCsv } from "@/server/technicians/export-claims-csv";

export const dynamic = "force-dynamic";

/** Payroll CSV of approved claims on the commissioner's tenders; `?unpaid=1` for those not yet paid. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to download claims." }, { status: 401 });
  try {
    const unpaidOnly = new URL(request.url).searchParams.get("unpaid") === "1";
    const { csv } = await exportClaimsCsv(actor, { unpaidOnly });
    const filename = `paid-time-claims-${unpaidOnly ? "unpaid-" : ""}${londonDateKey(now())}.csv`;
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
