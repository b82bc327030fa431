import "server-only";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { isUniqueViolation } from "../db-errors";
import { Conflict, Invalid } from "../errors";
import { isId } from "../ids";
import { notifyUsers } from "../notifications/notify";
import { authorize, panelRoleFor } from "../policy";
import { loadStage } from "./load-stage";

/**
 * The commissioner running the tender invites a young commissioner or a commissioner to shape the service (a
 * commissioner may be marked as a facilitator: they record focus groups and check answers). As for a panel: they are
 * told on their home page and by email, and say yes or no; someone who declined or stepped back can be asked again.
 */
export async function inviteStageMember(
  actor: Actor,
  stageId: string,
  input: { userId?: string; facilitator?: string },
  now = clockNow(),
): Promise<{ id: string }> {
  const userId = (input.userId ?? "").trim();
  const facilitator = input.facilitator === "yes";
  try {
    return await db.$transaction(async (tx) => {
      const stage = await loadStage(tx, actor, stageId, { lock: true });
      authorize(actor, "shaping.manage", stage);
      if (!userId) throw new Invalid({ userId: "Select who to invite" });
      if (!shapingAllows.invite(stage.status) || stage.tender.status !== "DRAFT")
        throw new Conflict("This shaping stage is closed, so nobody new can join it.");
      const user = isId(userId)
        ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, name: true, email: true, disabledAt: true } })
        : null;
      const role = user ? panelRoleFor(user) : null;
      if (!user || user.disabledAt || !role) throw new Invalid({ userId: "Select a commissioner or young commissioner from the list" });
      if (facilitator && role !== "COMMISSIONER") throw new Invalid({ facilitator: "Only a commissioner can be a facilitator" });
      const existing = await tx.shapingMember.findUnique({ where: { stageId_userId: { stageId: stage.id, userId } } });
      if (existing && (existing.status === "INVITED" || existing.status === "ACCEPTED"))
        throw new Invalid({ userId: `${user.name} is already ${existing.status === "INVITED" ? "invited" : "taking part"}` });
      const data = { status: "INVITED" as const, isFacilitator: facilitator, invitedById: actor.id, invitedAt: now, respondedAt: null };
      const member = existing
        ? await tx.shapingMember.update({ where: { id: existing.id }, data })
        : await tx.shapingMember.create({ data: { ...data, stageId: stage.id, userId, role } });
      await notifyUsers(tx, [user], "shapingInvitation", {
        tender: stage.tender,
        invitedBy: actor.name,
        asYoungCommissioner: role === "TECHNICIAN",
        facilitator,
      });
      await audit(tx, actor, {
        action: "shaping.member_invited",
        entityType: "ShapingMember",
        entityId: member.id,
        tenderId: stage.tender.id,
        establishmentId: stage.tender.establishmentId,
        after: { userId, role, isFacilitator: facilitator },
      });
      return { id: member.id };
    });
  } catch (error) {
    // Two invitations of one person at once: the second finds the first's row taken.
    if (isUniqueViolation(error)) throw new Invalid({ userId: "That person was invited a moment ago" });
    throw error;
  }
}
