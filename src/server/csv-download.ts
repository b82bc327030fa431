import "server-only";
import { londonDateKey } from "@/domain/london-time";
import { errorResponse } from "@/server/action-result";
import type { Actor } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";
import { now } from "@/server/clock";

/**
 * A CSV export for the signed-in user: 401 with `signInMessage` when nobody is
 * signed in, the use case's own 4xx when it refuses, otherwise the file as a
 * download named `<name>-<London date>.csv` (never cached, never sniffed).
 * The CSV may come in parts (a large export written in batches): it is then
 * sent as it is written, never held whole.
 */
export async function csvDownload(
  signInMessage: string,
  produce: (actor: Actor) => Promise<{ csv: string | AsyncIterable<string>; name: string }>,
): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: signInMessage }, { status: 401 });
  try {
    const { csv, name } = await produce(actor);
    const filename = `${name.replace(/[^A-Za-z0-9_-]+/g, "-")}-${londonDateKey(now())}.csv`;
    return new Response(typeof csv === "string" ? csv : textStream(csv), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

function textStream(parts: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = parts[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
