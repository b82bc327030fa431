import { errorResponse } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { getReturnFile } from "@/server/contract-checks/queries";
import { fileDownloadResponse } from "@/server/file-download";

export const dynamic = "force-dynamic";

/** A file sent with a contract return: 404 for anyone who may not read the contract. */
export async function GET(_request: Request, { params }: { params: Promise<{ contractId: string; fileId: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to download files." }, { status: 401 });
  try {
    const { contractId, fileId } = await params;
    return fileDownloadResponse(await getReturnFile(actor, contractId, fileId));
  } catch (error) {
    return errorResponse(error);
  }
}
