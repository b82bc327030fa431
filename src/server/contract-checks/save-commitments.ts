import "server-only";
import { reportingPeriods } from "@/domain/contract-checks";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Conflict, Invalid } from "../errors";
import { clearNotices, notifyUsers } from "../notifications/notify";
import { providerUsers } from "../notifications/recipients";
import { authorize } from "../policy";
import { commitmentsHash, parseMeasures, sameMeasures, type MeasureContent, type MeasureRowInput } from "./commitment-input";
import { commitmentsHref, loadContractForChange, type LoadedContract } from "./load-contract";

/**
 * The commissioner drafts the contract's commitments (from the specification
 * and the winning bid). Every save makes the next version; earlier versions'
 * signatures are voided (a signed version itself never changes: a trigger).
 * `basedOnVersion` (0 for the first) stops two editors overwriting each other.
 * The first save also sets out the contract's reporting periods.
 */
export async function saveCommitments(
  actor: Actor,
  contractId: string,
  input: { basedOnVersion: number; measures: MeasureRowInput[] },
  now = clockNow(),
): Promise<{ version: number }> {
  authorize(actor, "commitments.draft");
  return db.$transaction(async (tx) => {
    const contract = await loadContractForChange(tx, actor, contractId);
    const latest = await tx.commitmentVersion.findFirst({
      where: { contractId },
      orderBy: { version: "desc" },
      include: { measures: { orderBy: { position: "asc" } } },
    });
    const latestVersion = latest?.version ?? 0;
    if (input.basedOnVersion !== latestVersion) {
      throw new Conflict(
        `Someone saved version ${latestVersion} of these commitments while you were editing. Open the latest version and make your changes again.`,
      );
    }
    if (contract.status !== "ACTIVE") throw new Conflict("This contract has ended, so its commitments cannot change.");
    const previous: MeasureContent[] = (latest?.measures ?? []).map((m) => ({ ...m, unit: m.unit, themeId: m.themeId }));
    const measures = await parseMeasures(tx, contract.tender.shapingStage?.id ?? null, input.measures, new Set(previous.map((m) => m.key)));
    if (latest && sameMeasures(measures, previous)) {
      throw new Invalid(
        { "measures.0.name": "Nothing has changed since the last version" },
        "Nothing has changed, so no new version was made.",
      );
    }
    const version = latestVersion + 1;
    const hash = commitmentsHash(contractId, version, measures);
    const created = await tx.commitmentVersion.create({
      data: {
        contractId,
        version,
        contentHash: hash,
        createdById: actor.id,
        createdAt: now,
        measures: { create: measures },
      },
    });
    const voided = await tx.signOff.updateMany({
      where: { commitmentVersion: { contractId }, voidedAt: null },
      data: { voidedAt: now },
    });
    const periods = version === 1 ? await setOutPeriods(tx, contract) : 0;
    await clearNotices(tx, [commitmentsHref(contractId)], now);
    await notifyUsers(tx, await providerUsers(tx, [contract.organisationId]), "commitmentsToSign", {
      contract,
      version,
      href: commitmentsHref(contractId),
      commissionerSigned: false,
    });
    await audit(tx, actor, {
      action: "commitments.version_saved",
      entityType: "CommitmentVersion",
      entityId: created.id,
      establishmentId: contract.establishmentId,
      before: latest ? { version: latest.version, contentHash: latest.contentHash } : null,
      after: { contractId, version, contentHash: hash, measures: measures.length, signOffsVoided: voided.count, periodsSetOut: periods },
    });
    return { version };
  });
}

/** The reporting periods, from the contract's dates (London calendar quarters), once. */
async function setOutPeriods(tx: Tx, contract: LoadedContract): Promise<number> {
  if ((await tx.contractPeriod.count({ where: { contractId: contract.id } })) > 0) return 0;
  const periods = reportingPeriods(contract.start, contract.end);
  const day = (key: string) => new Date(`${key}T00:00:00.000Z`);
  await tx.contractPeriod.createMany({
    data: periods.map((p) => ({
      contractId: contract.id,
      number: p.number,
      startDate: day(p.start),
      endDate: day(p.end),
      dueDate: day(p.due),
    })),
  });
  return periods.length;
}
