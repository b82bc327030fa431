// Freezing the ranking cannot be undone (issue 27, item 9): the chair's action freezes only from the confirmation
// step, which says what is still flagged for discussion. A one-click freeze (the old form, or a replay of it) is
// sent to that step and changes nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { startModeration } from "@/server/evaluation/moderation";
import { MODERATED, scoreAs } from "../fixtures/award-builders";
import type { OpenedTender } from "../fixtures/evaluation-builders";
import { openedTender } from "../fixtures/evaluation-builders";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ requireActor: async () => session.actor, getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

let t: OpenedTender;

beforeEach(async () => {
  t = await openedTender();
  for (const member of [t.commissioner, t.commissioner2, ...t.technicians]) await scoreAs(t, member, [4, 4], [3, 3]);
  await startModeration(t.commissioner, t.id, MODERATED);
  session.actor = t.commissioner;
});

async function chair(fields: Record<string, string>): Promise<string> {
  const { chairAction } = await import("@/app/(portal)/panels/[tenderId]/actions");
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const error = await chairAction(t.id, { status: "idle" }, form).then(
    () => null,
    (e: unknown) => e,
  );
  // Every outcome here is a redirect: its digest carries the URL.
  const digest = String((error as { digest?: string } | null)?.digest ?? "");
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(";")[2]!;
}

const status = async () => (await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status;

describe("freezing the ranking takes a confirmation", () => {
  it("a one-click freeze is sent to the confirmation step and freezes nothing", async () => {
    expect(await chair({ command: "freeze" })).toBe(`/panels/${t.id}/moderation?freeze=confirm#freeze`);
    expect(await chair({ command: "freeze", confirm: "no" })).toBe(`/panels/${t.id}/moderation?freeze=confirm#freeze`);
    expect(await status()).toBe("MODERATION");
    expect(await db.auditEvent.count({ where: { tenderId: t.id, action: "moderation.ranking_frozen" } })).toBe(0);
  });

  it("confirmed, it freezes", async () => {
    expect(await chair({ command: "freeze", confirm: "yes" })).toBe(`/panels/${t.id}/moderation?frozen=1`);
    expect(await status()).toBe("AWARD_PENDING_SIGNOFF");
    expect(await db.auditEvent.count({ where: { tenderId: t.id, action: "moderation.ranking_frozen" } })).toBe(1);
  });
});
