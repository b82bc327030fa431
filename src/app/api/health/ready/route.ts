import { readiness, readinessResponse } from "@/server/health";

export const dynamic = "force-dynamic";

/**
 * Readiness, for a load balancer: 200 when PostgreSQL answers within 2 s and
 * every migration this build expects is applied; 503 otherwise, and while the
 * instance is stopping (so the balancer stops sending it requests).
 */
export async function GET(): Promise<Response> {
  return readinessResponse(await readiness());
}
