import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, NotFound } from "../errors";
import { isId } from "../ids";
import { assertConsented } from "../consent-gate";

/** The invited person says yes or no to joining a panel. Saying yes needs a young commissioner's consent; saying no never does. */
export async function respondToPanelInvitation(actor: Actor, panelMemberId: string, accept: boolean, now = clockNow()): Promise<void> {
  if (!isId(panelMemberId)) throw new NotFound("We could not find that invitation.");
  await db.$transaction(async (tx) => {
    if (accept) await assertConsented(tx, actor);
    const member = await tx.panelMember.findFirst({
      where: { id: panelMemberId, userId: actor.id },
      include: { tender: { select: { id: true, status: true, establishmentId: true } } },
    });
    if (!member) throw new NotFound("We could not find that invitation.");
    if (member.status !== "INVITED")
      throw new Conflict(member.status === "ACCEPTED" ? "You have already joined this panel." : "This invitation is no longer open.");
    if (member.tender.status === "CANCELLED") throw new Conflict("This tender has been cancelled.");
    const claimed = await tx.panelMember.updateMany({
      where: { id: member.id, status: "INVITED" },
      data: { status: accept ? "ACCEPTED" : "DECLINED", respondedAt: now },
    });
    if (claimed.count !== 1) throw new Conflict("You have already answered this invitation.");
    await audit(tx, actor, {
      action: accept ? "panel.invitation_accepted" : "panel.invitation_declined",
      entityType: "PanelMember",
      entityId: member.id,
      tenderId: member.tender.id,
      establishmentId: member.tender.establishmentId,
      before: { status: "INVITED" },
      after: { status: accept ? "ACCEPTED" : "DECLINED" },
    });
  });
}
