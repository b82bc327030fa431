import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, NotFound } from "../errors";
import { assertDraft, loadManagedTender } from "./load-managed-tender";
import { isId } from "../ids";

/** Takes someone off a DRAFT tender's panel (not the chair). */
export async function removePanelMember(actor: Actor, tenderId: string, panelMemberId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    assertDraft(tender);
    const member = isId(panelMemberId) ? await tx.panelMember.findFirst({ where: { id: panelMemberId, tenderId } }) : null;
    if (!member) throw new NotFound("That person is no longer on this panel.");
    if (member.isChair) throw new Conflict("The chair cannot be removed from the panel.");
    await tx.panelMember.delete({ where: { id: member.id } });
    await audit(tx, actor, {
      action: "panel.member_removed",
      entityType: "PanelMember",
      entityId: member.id,
      tenderId,
      establishmentId: tender.establishmentId,
      before: member,
    });
  });
}
