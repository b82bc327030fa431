import { errorResponse } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { downloadRepresentationAttachment } from "@/server/representations/queries";

export const dynamic = "force-dynamic";

/** A file sent with a representation: 404 for anyone who may not read the representation. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to download files." }, { status: 401 });
  try {
    const { id } = await params;
    const file = await downloadRepresentationAttachment(actor, id);
    const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
