import "server-only";
import { z } from "zod";
import { evaluateGate, type GateResult } from "@/domain/co-production-gate";
import type { DraftSpecification } from "@/domain/draft-specification";
import { contentHash } from "../content-hash";
import type { Db, Tx } from "../db";
import { parseStoredJson } from "../stored-json";

const byTitle = (a: { position: number }, b: { position: number }) => a.position - b.position;

/**
 * The draft the young commissioners agree to, as it is now: the stage's requirements and the tender's criteria
 * (names, descriptions, weights, kinds), each with the themes it answers, in their order. Its `hash` is what a
 * review and a commissioner's reason to go ahead are bound to (as the governor's sign-off binds to a content hash).
 */
export async function loadDraftSpecification(
  client: Tx | Db,
  stage: { id: string; tenderId: string },
): Promise<{ draft: DraftSpecification; hash: string }> {
  const [requirements, criteria] = await Promise.all([
    client.serviceRequirement.findMany({
      where: { stageId: stage.id },
      orderBy: { position: "asc" },
      include: { themes: { include: { theme: { select: { id: true, title: true, position: true } } } } },
    }),
    client.criterion.findMany({
      where: { tenderId: stage.tenderId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { themes: { include: { theme: { select: { id: true, title: true, position: true } } } } },
    }),
  ]);
  const themes = (links: { theme: { id: string; title: string; position: number } }[]) =>
    links
      .map((l) => l.theme)
      .sort(byTitle)
      .map((t) => ({ id: t.id, title: t.title }));
  const draft: DraftSpecification = {
    requirements: requirements.map((r) => ({ id: r.id, text: r.text, themes: themes(r.themes) })),
    criteria: criteria.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      plainLanguageDescription: c.plainLanguageDescription,
      weight: c.weight,
      kind: c.kind,
      themes: themes(c.themes),
    })),
  };
  return { draft, hash: contentHash(draft) };
}

const themeSchema = z.object({ id: z.string(), title: z.string() });
const draftSchema = z.object({
  requirements: z.array(z.object({ id: z.string(), text: z.string(), themes: z.array(themeSchema) })),
  criteria: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      plainLanguageDescription: z.string(),
      weight: z.number(),
      kind: z.enum(["QUALITY", "PRICE"]),
      themes: z.array(themeSchema),
    }),
  ),
});

/** A review's stored draft (CoProductionReview.content). */
export function parseDraftSpecification(value: unknown): DraftSpecification {
  return parseStoredJson(draftSchema, value, "CoProductionReview.content");
}

/**
 * The co-production gate of a stage, now: its accepted young commissioner members, their reviews and the override,
 * against the current draft's hash.
 */
export async function loadGate(
  client: Tx | Db,
  stage: {
    id: string;
    tenderId: string;
    status: string;
    gateOverrideReason: string | null;
    gateOverrideContentHash: string | null;
  },
): Promise<{ gate: GateResult; hash: string; draft: DraftSpecification }> {
  const [{ draft, hash }, members, reviews] = await Promise.all([
    loadDraftSpecification(client, stage),
    client.shapingMember.findMany({ where: { stageId: stage.id, role: "TECHNICIAN", status: "ACCEPTED" }, select: { userId: true } }),
    client.coProductionReview.findMany({ where: { stageId: stage.id }, select: { userId: true, contentHash: true, decision: true } }),
  ]);
  const gate = evaluateGate({
    stageClosed: stage.status === "CLOSED",
    youngCommissionerIds: members.map((m) => m.userId),
    reviews,
    currentHash: hash,
    override:
      stage.gateOverrideReason !== null && stage.gateOverrideContentHash !== null
        ? { reason: stage.gateOverrideReason, contentHash: stage.gateOverrideContentHash }
        : null,
  });
  return { gate, hash, draft };
}
