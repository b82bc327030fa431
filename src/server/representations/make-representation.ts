import "server-only";
import { textFingerprint } from "../content-hash";
import { z } from "zod";
import { formatLondonDay, londonDateKey } from "@/domain/london-time";
import { standstillHasEnded } from "@/domain/working-days";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { checkAttachmentFile, MAX_ATTACHMENT_BYTES } from "../bids/attachments";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { fieldErrorsOf } from "../validation";
import { notifyUsers } from "../notifications/notify";
import { can } from "../policy";
import { lockAwardDecision } from "./load";
import { governorsOf, providerUsers, commissionersRunning } from "../notifications/recipients";

export const MAX_REPRESENTATION_FILES = 5;
/** All files of one representation travel in one form post. */
export const MAX_REPRESENTATION_TOTAL_BYTES = MAX_ATTACHMENT_BYTES;
export const MAX_REPRESENTATION_CHARS = 10_000;

const WRITE = "Write your representation";
const NOT_A_FILE = "Choose PDF, DOCX or XLSX files to attach";

export const representationSchema = z.object({
  text: z
    .string(WRITE)
    .trim()
    .min(1, WRITE)
    .min(20, "Say what you think was wrong and why, in at least 20 characters")
    .max(MAX_REPRESENTATION_CHARS, `Your representation must be ${MAX_REPRESENTATION_CHARS.toLocaleString("en-GB")} characters or fewer`),
  files: z
    .array(z.object({ filename: z.string(NOT_A_FILE), bytes: z.instanceof(Uint8Array, { error: NOT_A_FILE }) }), NOT_A_FILE)
    .default([]),
});

export interface RepresentationInput {
  text: string;
  files: { filename: string; bytes: Uint8Array }[];
}

function checkInput(form: RepresentationInput) {
  const parsed = representationSchema.safeParse(form);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  // Any problem with the posted files is one message by the file input.
  for (const key of Object.keys(errors))
    if (key === "files" || key.startsWith("files.")) {
      errors.attachments ??= errors[key]!;
      delete errors[key];
    }
  const text = parsed.success ? parsed.data.text : "";
  // The files are checked even when the text is wrong, so every message shows at once.
  const posted = representationSchema.shape.files.safeParse(form.files);
  // A file input left empty posts one nameless, empty file.
  const files = posted.success ? posted.data.filter((f) => f.bytes.byteLength > 0 || f.filename) : [];
  const checked = [];
  if (errors.attachments) {
    // The posted files are not files: nothing more to check.
  } else if (files.length > MAX_REPRESENTATION_FILES) errors.attachments = `Attach at most ${MAX_REPRESENTATION_FILES} files`;
  else if (files.reduce((n, f) => n + f.bytes.byteLength, 0) > MAX_REPRESENTATION_TOTAL_BYTES)
    errors.attachments = "The files together must be 10 MB or smaller";
  else {
    for (const f of files) {
      try {
        checked.push({ ...checkAttachmentFile(f.filename, f.bytes, "attachments"), bytes: f.bytes });
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        errors.attachments = `${f.filename || "A file"}: ${error.fieldErrors.attachments}`;
        break;
      }
    }
  }
  if (Object.keys(errors).length) throw new Invalid(errors);
  return { text, files: checked };
}

/**
 * A bidder makes a written representation about the award from its outcome
 * letter, during standstill (PSR regulation 12(3)): before midnight at the
 * end of the 8th working day after the day the standstill began. One per
 * organisation per award decision; the commissioners running the tender and
 * the establishment's governor are told. Confirming the award is refused
 * while it is open (confirm-award.ts).
 */
export async function makeRepresentation(
  actor: Actor,
  awardDecisionId: string,
  input: RepresentationInput,
  now = clockNow(),
): Promise<{ representationId: string }> {
  const notFound = new NotFound("We could not find that letter.");
  const organisationId = actor.organisationId;
  if (!can(actor, "representation.make") || !organisationId) throw notFound;
  const { text, files } = checkInput(input);
  return db.$transaction(async (tx) => {
    const decision = await lockAwardDecision(tx, awardDecisionId, notFound);
    // Only a bidder in this award has a letter, and so a say.
    const bid = decision.summary.ranking.find((r) => r.organisationId === organisationId);
    if (decision.status !== "APPROVED" || !bid || !decision.standstillEndsAt) throw notFound;
    // Representations are the unsuccessful bidders' say; the winner's letter tells them what happens next instead.
    if (bid.bidId === decision.summary.recommended.bidId)
      throw new Conflict("Representations are for the bidders who were not successful. Your organisation's bid is the one to be awarded.");
    if (decision.tender.status !== "STANDSTILL")
      throw new Conflict("Representations can be made only during the standstill, and this award is no longer in standstill.");
    if (standstillHasEnded(decision.standstillEndsAt, now)) {
      throw new Conflict(
        `The standstill has ended, so representations are closed. They could be made until midnight at the end of ${formatLondonDay(londonDateKey(decision.standstillEndsAt))}.`,
      );
    }
    const existing = await tx.representation.findUnique({
      where: { awardDecisionId_organisationId: { awardDecisionId, organisationId } },
      select: { id: true },
    });
    if (existing)
      throw new Conflict(
        "Your organisation has already made a representation about this decision. It is shown below; the commissioner may ask you to clarify it.",
      );

    const representation = await tx.representation.create({
      data: {
        awardDecisionId,
        tenderId: decision.tender.id,
        organisationId,
        submittedById: actor.id,
        text,
        submittedAt: now,
        attachments: {
          create: files.map((f) => ({
            filename: f.filename,
            contentType: f.contentType,
            sizeBytes: f.bytes.byteLength,
            sha256: f.sha256,
            data: Buffer.from(f.bytes),
            createdAt: now,
          })),
        },
      },
    });
    await audit(tx, actor, {
      action: "representation.submitted",
      entityType: "Representation",
      entityId: representation.id,
      tenderId: decision.tender.id,
      establishmentId: decision.tender.establishmentId,
      after: {
        awardDecisionId,
        organisationId,
        // The text itself stays in the representation; the log keeps its fingerprint.
        textSha256: textFingerprint(text),
        attachments: files.map((f) => ({ filename: f.filename, sha256: f.sha256, sizeBytes: f.bytes.byteLength })),
      },
    });
    const { tender } = decision;
    await notifyUsers(tx, await commissionersRunning(tx, tender.id), "representationToCommissioners", { tender, provider: bid.provider });
    await notifyUsers(tx, await governorsOf(tx, tender.establishmentId), "representationToGovernors", {
      tender,
      decisionId: awardDecisionId,
      provider: bid.provider,
    });
    await notifyUsers(tx, await providerUsers(tx, [organisationId]), "representationReceived", { tender, decisionId: awardDecisionId });
    return { representationId: representation.id };
  });
}
