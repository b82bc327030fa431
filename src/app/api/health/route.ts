import { readiness, readinessResponse } from "@/server/health";

export const dynamic = "force-dynamic";

/** Kept for existing callers (start-up scripts, uptime monitors): the same answer as /api/health/ready. */
export async function GET(): Promise<Response> {
  return readinessResponse(await readiness());
}
