import "server-only";
import { cache } from "react";
import { participationParts, youngPeopleTookPart } from "@/domain/shaping-summary";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";
import { loadShapingSummary } from "./shaping-summary";
import { storedSummaries } from "../awards/award-summary";
import type { FollowedTo } from "@/domain/you-said-we-did";

// Reads of what young people shaped, for the pages after the shaping stage. Each returns only what its reader may
// see, built from the one read model (shaping-summary.ts).

/** "What young people told us" on a published notice: all a provider ever sees of shaping. */
export interface NoticeShaping {
  tookPart: string;
  parts: string[];
  themes: { title: string; description: string; place: number | null; quotes: string[] }[];
}

/**
 * The notice's section for providers (policy "tender.readPublished", a tender past DRAFT): the themes in priority
 * order, their consented quotes and how many took part, in words. Nothing else from shaping: no counts of anonymous
 * answers under 5, no requirements, no gate, no view that is not a consented quote. Null without shaping.
 */
export const getNoticeShaping = cache(async function getNoticeShaping(actor: Actor, tenderId: string): Promise<NoticeShaping | null> {
  authorize(actor, "tender.readPublished");
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  const tender = await db.tender.findFirst({ where: { id: tenderId, status: { not: "DRAFT" } }, select: { id: true } });
  if (!tender) throw new NotFound("We could not find that tender.");
  const summary = await loadShapingSummary(db, tender.id);
  if (!summary) return null;
  return {
    tookPart: youngPeopleTookPart(summary.participation),
    parts: participationParts(summary.participation),
    themes: summary.themes.map((t) => ({ title: t.title, description: t.description, place: t.place, quotes: t.quotes })),
  };
});

/**
 * The printable easy-read "You said, we did" for the wing (policy "shaping.printSummary": the facilitators and the
 * establishment's governor; anyone else taking part is refused, anyone not is "not found"). After the award it follows
 * each theme to the criteria that scored it, the winning bid's scores and the contract, from the frozen award summary;
 * before, it says which criteria will score it. No names of people, no quotes, nothing identifying.
 */
export const getYouSaidWeDid = cache(async function getYouSaidWeDid(actor: Actor, stageId: string) {
  const stage = await loadStage(db, actor, stageId);
  authorize(actor, "shaping.printSummary", stage);
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: stage.tenderId },
    select: {
      title: true,
      status: true,
      establishment: { select: { name: true } },
      awardDecisions: {
        where: { status: "APPROVED" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, contentHash: true },
      },
    },
  });
  const decision = tender.awardDecisions[0];
  const frozen = decision ? (await storedSummaries(db, [decision])).get(decision.id) : undefined;
  const cancelled = tender.status === "CANCELLED";
  if (frozen?.shaping) {
    const provider = frozen.recommended.provider;
    const to: FollowedTo = cancelled
      ? { state: "CANCELLED" }
      : tender.status === "AWARDED"
        ? { state: "AWARDED", provider }
        : { state: "PENDING", provider };
    return { title: tender.title, establishment: tender.establishment.name, stageId: stage.id, shaping: frozen.shaping, to };
  }
  const summary = await loadShapingSummary(db, stage.tenderId);
  const to: FollowedTo = cancelled ? { state: "CANCELLED" } : { state: "NOT_YET" };
  return {
    title: tender.title,
    establishment: tender.establishment.name,
    stageId: stage.id,
    shaping: summary && {
      tookPart: youngPeopleTookPart(summary.participation),
      themes: summary.themes.map((t) => ({
        title: t.title,
        place: t.place,
        criteria: t.criteria.map((c) => ({ name: c.name, kind: c.kind, score: null })),
      })),
    },
    to,
  };
});
