import { errorResponse } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { fileDownloadResponse } from "@/server/file-download";
import { downloadAttachment } from "@/server/bids/queries";
import { now } from "@/server/clock";

export const dynamic = "force-dynamic";

/** A bid attachment, sealed like the bid: 404 for anyone who may not see it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to download files." }, { status: 401 });
  try {
    const { id } = await params;
    const file = await downloadAttachment(actor, id, now());
    return fileDownloadResponse(file);
  } catch (error) {
    return errorResponse(error);
  }
}
