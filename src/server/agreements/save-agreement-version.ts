import "server-only";
import { authorize } from "../policy";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { insertAgreementVersion, parseAgreementContent, type AgreementContentInput } from "./agreement-input";
import { loadAgreementForChange } from "./load-agreement";
import { clearNotices } from "../notifications/notify";

/**
 * An edit never changes a version: it makes the next one, and every earlier
 * sign-off of this agreement is voided (PRODUCT.md). `basedOnVersion` is the
 * version the editor started from, so two editors cannot overwrite each other.
 */
export async function saveAgreementVersion(
  actor: Actor,
  agreementId: string,
  input: AgreementContentInput & { basedOnVersion: number },
  now = clockNow(),
): Promise<{ version: number }> {
  authorize(actor, "agreement.draft");
  return db.$transaction(async (tx) => {
    const agreement = await loadAgreementForChange(tx, actor, agreementId);
    const latest = agreement.latest;
    if (input.basedOnVersion !== latest.version) {
      throw new Conflict(
        `Someone saved version ${latest.version} while you were editing. Open the latest version and make your changes again.`,
      );
    }
    const content = await parseAgreementContent(tx, agreement.establishmentId, input);
    const unchanged =
      content.priorities === latest.priorities &&
      content.servicesInScope === latest.servicesInScope &&
      content.youngPeopleInvolvement === latest.youngPeopleInvolvement &&
      content.otherTerms === latest.otherTerms &&
      content.contractIds.join() ===
        latest.contracts
          .map((c) => c.contractId)
          .sort()
          .join();
    if (unchanged)
      throw new Invalid({ priorities: "Nothing has changed since the last version" }, "Nothing has changed, so no new version was made.");
    const version = latest.version + 1;
    const created = await insertAgreementVersion(tx, { ...agreement, id: agreementId }, version, content, actor.id, now);
    const hash = created.contentHash;
    const voided = await tx.signOff.updateMany({ where: { agreementVersion: { agreementId }, voidedAt: null }, data: { voidedAt: now } });
    // Requests to sign (or decisions on) an earlier version are overtaken.
    await clearNotices(tx, [`/agreements/${agreementId}`], now);
    await audit(tx, actor, {
      action: "agreement.version_saved",
      entityType: "AgreementVersion",
      entityId: created.id,
      establishmentId: agreement.establishmentId,
      before: { version: latest.version, contentHash: latest.contentHash },
      after: { version, contentHash: hash, signOffsVoided: voided.count },
    });
    return { version };
  });
}
