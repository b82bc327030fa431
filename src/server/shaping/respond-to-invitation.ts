import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { assertConsented } from "../consent-gate";
import { db } from "../db";
import { Conflict, Forbidden, NotFound } from "../errors";
import { loadStage } from "./load-stage";
import { isId } from "../ids";
import { authorize } from "../policy";

const NOT_FOUND = "We could not find that invitation.";

/** The invited person says yes or no to shaping a service. Yes needs a young commissioner's consent, as for a panel; no never does. */
export async function respondToStageInvitation(
  actor: Actor,
  memberId: string,
  accept: boolean,
  now = clockNow(),
): Promise<{ stageId: string }> {
  if (!isId(memberId)) throw new NotFound(NOT_FOUND);
  return db.$transaction(async (tx) => {
    const member = await tx.shapingMember.findFirst({
      where: { id: memberId, userId: actor.id },
      include: { stage: { select: { id: true, status: true, tender: { select: { id: true, status: true, establishmentId: true } } } } },
    });
    if (!member) throw new NotFound(NOT_FOUND);
    authorize(actor, "shaping.respond", member);
    if (accept && member.role === "TECHNICIAN") await assertConsented(tx, actor);
    if (member.status !== "INVITED")
      throw new Conflict(
        member.status === "ACCEPTED" ? "You are already taking part in this shaping stage." : "This invitation is no longer open.",
      );
    if (member.stage.status === "CLOSED" || member.stage.tender.status !== "DRAFT")
      throw new Conflict("This shaping stage has finished, so the invitation is no longer open.");
    const claimed = await tx.shapingMember.updateMany({
      where: { id: member.id, status: "INVITED" },
      data: { status: accept ? "ACCEPTED" : "DECLINED", respondedAt: now },
    });
    if (claimed.count !== 1) throw new Conflict("You have already answered this invitation.");
    await audit(tx, actor, {
      action: accept ? "shaping.invitation_accepted" : "shaping.invitation_declined",
      entityType: "ShapingMember",
      entityId: member.id,
      tenderId: member.stage.tender.id,
      establishmentId: member.stage.tender.establishmentId,
      before: { status: "INVITED" },
      after: { status: accept ? "ACCEPTED" : "DECLINED" },
    });
    return { stageId: member.stage.id };
  });
}

/** A member steps back from a shaping stage. What they already said stays (it was given to the stage); they can be asked again. */
export async function stepBackFromStage(actor: Actor, stageId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    // Only someone taking part can step back; to anyone else the stage is not there (or not theirs to leave).
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    const member = await tx.shapingMember.findFirst({
      where: { stageId: stage.id, userId: actor.id, status: "ACCEPTED" },
      include: { stage: { select: { status: true, tender: { select: { id: true, establishmentId: true } } } } },
    });
    if (!member) throw new Forbidden("Only people taking part in this shaping stage can step back from it.");
    authorize(actor, "shaping.respond", member);
    const stepped = await tx.shapingMember.updateMany({
      where: { id: member.id, status: "ACCEPTED" },
      data: { status: "STEPPED_BACK", respondedAt: now },
    });
    if (stepped.count !== 1) throw new Conflict("You are not taking part in this shaping stage.");
    await audit(tx, actor, {
      action: "shaping.member_stepped_back",
      entityType: "ShapingMember",
      entityId: member.id,
      tenderId: member.stage.tender.id,
      establishmentId: member.stage.tender.establishmentId,
      before: { status: "ACCEPTED" },
      after: { status: "STEPPED_BACK" },
    });
  });
}
