import "server-only";
import type { Metadata } from "next";
import type { Actor } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";

/**
 * A page title that names the record, e.g. "Panel: Feltham … (NHSE-LDN-2026-014)",
 * read through the page's own query so it shows only what the reader may see.
 * When they may not (the page itself answers 403 or 404), just `what`; the
 * loader may name the record more precisely (`what`, e.g. "Score bid 2, Acme").
 */
export async function recordTitle(
  what: string,
  load: (actor: Actor) => Promise<{ title: string; reference?: string | null; what?: string }>,
): Promise<Metadata> {
  const actor = await getActor();
  if (!actor) return { title: what };
  try {
    const record = await load(actor);
    return { title: `${record.what ?? what}: ${record.title}${record.reference ? ` (${record.reference})` : ""}` };
  } catch {
    return { title: what };
  }
}
