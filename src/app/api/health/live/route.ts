export const dynamic = "force-dynamic";

/** Liveness: the process is up and serving. Never touches the database, so an outage does not get instances restarted. */
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
