import { errorResponse } from "@/server/action-result";
import { NotFound } from "@/server/errors";
import { getPsrNotice } from "@/server/notices/psr-notice";
import { noticeReleasePackage } from "@/server/notices/notice-release";

export const dynamic = "force-dynamic";

/** Open data, no sign-in: a published PSR notice (intention to award, or confirmation of award) as an OCDS release package. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ awardDecisionId: string; kind: string }> },
): Promise<Response> {
  try {
    const { awardDecisionId, kind } = await params;
    if (kind !== "intention" && kind !== "award") throw new NotFound("There is no notice of that kind: intention or award.");
    const notice = await getPsrNotice(kind, awardDecisionId);
    return new Response(JSON.stringify(noticeReleasePackage(notice), null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `inline; filename="psr-${kind}-notice-${awardDecisionId}.json"`,
        "Cache-Control": "public, max-age=60",
        "Access-Control-Allow-Origin": "*",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
