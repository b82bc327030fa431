import { errorResponse } from "@/server/action-result";
import { getRecordPackage } from "@/server/ocds/queries";

export const dynamic = "force-dynamic";

/** Open data, no sign-in: the OCDS 1.1 record package of one tender: every release and the compiled release. */
export async function GET(_request: Request, { params }: { params: Promise<{ ocid: string }> }): Promise<Response> {
  try {
    const { ocid } = await params;
    const recordPackage = await getRecordPackage(ocid);
    return new Response(JSON.stringify(recordPackage, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `inline; filename="${ocid}.json"`,
        "Cache-Control": "public, max-age=60",
        "Access-Control-Allow-Origin": "*",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
