import { errorResponse } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { fileDownloadResponse } from "@/server/file-download";
import { downloadRepresentationAttachment } from "@/server/representations/queries";

export const dynamic = "force-dynamic";

/** A file sent with a representation: 404 for anyone who may not read the representation. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to download files." }, { status: 401 });
  try {
    const { id } = await params;
    const file = await downloadRepresentationAttachment(actor, id);
    return fileDownloadResponse(file);
  } catch (error) {
    return errorResponse(error);
  }
}
