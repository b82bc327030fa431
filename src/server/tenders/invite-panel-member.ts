import "server-only";
import { panelRoleFor } from "../policy";
import {} from "@/server/policy";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid } from "../errors";
import { notifyUsers } from "../notifications/notify";
import { assertDraft, loadManagedTender } from "./load-managed-tender";
import { isId } from "../ids";

const LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Invites a commissioner or a young commissioner to the panel. Technicians
 * get the next anonymous label ("Young commissioner A", "B", …).
 */
export async function invitePanelMember(actor: Actor, tenderId: string, userId: string, now = clockNow()): Promise<{ id: string }> {
  if (!userId) throw new Invalid({ userId: "Select who to invite" });
  return db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    assertDraft(tender);
    const user = isId(userId)
      ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, name: true, email: true, disabledAt: true } })
      : null;
    const panelRole = user ? panelRoleFor(user) : null;
    if (!user || user.disabledAt || !panelRole) {
      throw new Invalid({ userId: "Select a commissioner or young commissioner from the list" });
    }
    const existing = await tx.panelMember.findUnique({ where: { tenderId_userId: { tenderId, userId } } });
    if (existing && existing.status !== "DECLINED" && existing.status !== "STEPPED_BACK") {
      throw new Invalid({ userId: `${user.name} is already on this panel` });
    }
    const role = panelRole;
    let anonymousLabel = existing?.anonymousLabel ?? null;
    if (role === "TECHNICIAN" && !anonymousLabel) {
      const used = new Set(
        (await tx.panelMember.findMany({ where: { tenderId }, select: { anonymousLabel: true } })).map((p) => p.anonymousLabel),
      );
      anonymousLabel = [...LABELS].find((l) => !used.has(l)) ?? null;
      if (!anonymousLabel) throw new Invalid({ userId: "This panel already has 26 young commissioners" });
    }
    const member = existing
      ? await tx.panelMember.update({
          where: { id: existing.id },
          data: {
            status: "INVITED",
            invitedById: actor.id,
            invitedAt: now,
            respondedAt: null,
            steppedBackAt: null,
            keepSubmittedScores: null,
          },
        })
      : await tx.panelMember.create({ data: { tenderId, userId, role, anonymousLabel, invitedById: actor.id, invitedAt: now } });
    await notifyUsers(tx, [user], "panelInvitation", { tender, invitedBy: actor.name, asYoungCommissioner: role === "TECHNICIAN" });
    await audit(tx, actor, {
      action: "panel.member_invited",
      entityType: "PanelMember",
      entityId: member.id,
      tenderId,
      establishmentId: tender.establishmentId,
      after: { userId, role, anonymousLabel },
    });
    return { id: member.id };
  });
}
