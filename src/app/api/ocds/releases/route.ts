import { errorResponse } from "@/server/action-result";
import { getReleasePackage } from "@/server/ocds/queries";

export const dynamic = "force-dynamic";

/**
 * Open data, no sign-in: an OCDS 1.1 release package of every release, in
 * publication order. `?since=2026-11-25` (or a date-time) for releases from
 * then on, `?limit=` up to 100; the next page is in the `Link` header
 * (rel="next"). 204 when there is nothing (a package holds at least one release).
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const q = new URL(request.url).searchParams;
    const result = await getReleasePackage({ since: q.get("since"), after: q.get("after"), limit: q.get("limit") });
    if (!result) return new Response(null, { status: 204, headers: { "Cache-Control": "public, max-age=60" } });
    const headers: Record<string, string> = {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'inline; filename="ocds-releases.json"',
      "Cache-Control": "public, max-age=60",
      "Access-Control-Allow-Origin": "*",
    };
    if (result.next) headers.Link = `<${result.next}>; rel="next"`;
    return new Response(JSON.stringify(result.releasePackage, null, 2), { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
