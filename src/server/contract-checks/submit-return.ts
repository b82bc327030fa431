import "server-only";
import { londonDateKey, utcDateKey, formatLondonDay } from "@/domain/london-time";
import { measureDueInPeriod, parseMeasureValue, reviewState } from "@/domain/contract-checks";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { checkAttachmentFile } from "../bids/attachments";
import { now as clockNow } from "../clock";
import { contentHash } from "../content-hash";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { clearNotices, notifyUsers } from "../notifications/notify";
import { authorize } from "../policy";
import { commitmentsInForce } from "./in-force";
import { loadContractForChange, periodHref } from "./load-contract";

export const MAX_RETURN_FILES = 5;
const MAX_NARRATIVE = 10_000;

export interface ReturnInput {
  /** Typed values keyed by measure id. */
  values: Record<string, string>;
  narrative: string;
  /** Only after the period's review is signed: what is being corrected and why. */
  correctionReason?: string;
  files: { filename: string; bytes: Uint8Array }[];
}

/**
 * The provider sends its return for a period: a value for each measure due in
 * it (checked against the measure's unit), what happened in words, and files
 * (the bid attachment checks). It can be sent from the period's last day; a
 * return sent after the due day is flagged late. Sending again before the
 * review is signed replaces it (a new version; the review's signatures are
 * voided); after the review is signed only a correction, with its reason, is
 * accepted. Every version is kept.
 */
export async function submitReturn(
  actor: Actor,
  contractId: string,
  periodNumber: number,
  input: ReturnInput,
  now = clockNow(),
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const contract = await loadContractForChange(tx, actor, contractId);
    authorize(actor, "return.submit", contract);
    const period = await tx.contractPeriod.findUnique({
      where: { contractId_number: { contractId, number: Number.isSafeInteger(periodNumber) ? periodNumber : -1 } },
      include: {
        returns: { orderBy: { version: "desc" }, take: 1, include: { values: true, files: { select: { sha256: true, filename: true } } } },
        review: { include: { signOffs: true } },
      },
    });
    if (!period) throw new NotFound("We could not find that reporting period.");
    const today = londonDateKey(now);
    const end = utcDateKey(period.endDate);
    if (today < end) throw new Conflict(`This period is not over yet. You can send its return from ${formatLondonDay(end)}.`);
    const commitments = await commitmentsInForce(tx, contractId);
    if (!commitments)
      throw new Conflict("The commitments for this contract have not been signed by both sides yet, so there is nothing to report on.");

    const signed = period.review !== null && reviewState(period.review) === "SIGNED";
    const reason = (input.correctionReason ?? "").trim();
    const errors: Record<string, string> = {};
    if (signed && !reason) {
      if (input.correctionReason === undefined) {
        throw new Conflict(
          "The review of this return has been signed, so it cannot be replaced. Send a correction instead, saying what you are correcting.",
        );
      }
      errors.correctionReason = "Say what you are correcting and why";
    }
    if (!signed && reason) errors.correctionReason = "Only a return whose review has been signed can be corrected: leave this empty";
    if (reason.length > 2000) errors.correctionReason = "Must be 2,000 characters or fewer";

    const due = commitments.measures.filter((m) => measureDueInPeriod(m.frequency, end, contract.end));
    const values: { measureId: string; value: number }[] = [];
    for (const m of due) {
      const parsed = parseMeasureValue(m.unit, input.values[m.id] ?? "");
      if ("error" in parsed) errors[`value.${m.id}`] = parsed.error;
      else values.push({ measureId: m.id, value: parsed.value });
    }
    const narrative = input.narrative.trim();
    if (!narrative) errors.narrative = "Say in a few sentences how the service went in this period";
    else if (narrative.length > MAX_NARRATIVE) errors.narrative = "Must be 10,000 characters or fewer";
    const files = input.files.filter((f) => f.bytes.byteLength > 0 || f.filename !== "");
    if (files.length > MAX_RETURN_FILES) errors.files = `Send at most ${MAX_RETURN_FILES} files`;
    const checked: { filename: string; contentType: string; sha256: string; bytes: Uint8Array }[] = [];
    if (!errors.files) {
      for (const f of files) {
        try {
          checked.push({ ...checkAttachmentFile(f.filename, f.bytes, "files"), bytes: f.bytes });
        } catch (error) {
          if (error instanceof Invalid) Object.assign(errors, { files: `${f.filename || "A file"}: ${error.fieldErrors.files}` });
          else throw error;
        }
      }
    }
    if (Object.keys(errors).length > 0) throw new Invalid(errors);

    const previous = period.returns[0];
    // Files sent before are kept with their version; a new version lists only the files sent with it.
    const content = {
      periodId: period.id,
      commitmentVersionId: commitments.id,
      narrative,
      correctionReason: reason || null,
      values: values.map((v) => [v.measureId, v.value]).sort(),
      files: checked.map((f) => [f.sha256, f.filename]).sort(),
    };
    if (previous) {
      const before = {
        periodId: period.id,
        commitmentVersionId: previous.commitmentVersionId,
        narrative: previous.narrative,
        correctionReason: previous.correctionReason,
        values: previous.values.map((v) => [v.measureId, v.value]).sort(),
        files: previous.files.map((f) => [f.sha256, f.filename]).sort(),
      };
      if (contentHash(before) === contentHash(content)) {
        throw new Invalid(
          { narrative: "This is the same as the return you already sent" },
          "Nothing has changed since your last return, so nothing was sent.",
        );
      }
    }
    const version = (previous?.version ?? 0) + 1;
    const hash = contentHash({ ...content, version });
    const created = await tx.contractReturn.create({
      data: {
        periodId: period.id,
        version,
        commitmentVersionId: commitments.id,
        narrative,
        correctionReason: reason || null,
        contentHash: hash,
        submittedById: actor.id,
        submittedAt: now,
        values: { create: values },
        files: {
          create: checked.map((f) => ({
            filename: f.filename,
            contentType: f.contentType,
            sizeBytes: f.bytes.byteLength,
            sha256: f.sha256,
            data: new Uint8Array(f.bytes),
          })),
        },
      },
    });
    // A review written on an earlier version no longer matches what was sent: its signatures are voided.
    let voided = 0;
    if (period.review && !signed) {
      voided = (await tx.signOff.updateMany({ where: { contractReviewId: period.review.id, voidedAt: null }, data: { voidedAt: now } }))
        .count;
    }
    const href = periodHref(contractId, period.number);
    await clearNotices(tx, [href], now);
    // Told: whoever wrote the review (or is writing it), else whoever wrote the commitments.
    const reviewers = await tx.user.findMany({
      where: { disabledAt: null, id: period.review?.updatedById ?? commitments.createdById },
      select: { id: true, email: true, name: true },
    });
    await notifyUsers(tx, reviewers, "contractReturnSent", { contract, period: period.number, version, correction: reason ?? null, href });
    await audit(tx, actor, {
      action: reason ? "contract_return.corrected" : "contract_return.submitted",
      entityType: "ContractReturn",
      entityId: created.id,
      establishmentId: contract.establishmentId,
      after: {
        contractId,
        period: period.number,
        version,
        contentHash: hash,
        late: today > utcDateKey(period.dueDate),
        files: checked.length,
        reviewSignOffsVoided: voided,
      },
    });
    return { version };
  });
}
