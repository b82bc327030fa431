import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid, NotFound } from "../errors";
import { fieldErrorsOf } from "../validation";
import { loadTenderForBidChange } from "./bid-rules";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_BID = 10;
/**
 * Removed files are kept (a submitted version may list them), so uploading
 * and removing is limited too: over the bid's life, at most this many uploads
 * and this many bytes stored.
 */
export const MAX_UPLOADS_PER_BID = 30;
export const MAX_STORED_BYTES_PER_BID = 50 * 1024 * 1024;

const TYPES = {
  pdf: { contentType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: [0x50, 0x4b, 0x03, 0x04] },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: [0x50, 0x4b, 0x03, 0x04] },
} as const;

const CHOOSE_CRITERION = "Choose a criterion from the list";

/** The upload form: a file, and the criterion it supports (empty or missing: the whole bid). */
export const uploadAttachmentSchema = z.object({
  filename: z.string("Choose a file to upload"),
  bytes: z.instanceof(Uint8Array, { error: "Choose a file to upload" }),
  criterionId: z
    .string(CHOOSE_CRITERION)
    .nullish()
    .transform((v) => v || null)
    .pipe(z.guid(CHOOSE_CRITERION).nullable()),
});

export type UploadInput = z.input<typeof uploadAttachmentSchema>;

/** A safe display and download name: no paths, no control characters, at most 150 characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, "")
    .trim();
  return cleaned.slice(-150) || "attachment";
}

/**
 * The checks every uploaded file passes (bid attachments, representation
 * files): a PDF, DOCX or XLSX by extension and by content, not empty, at most
 * 10 MB. Errors are reported on `field`.
 */
export function checkAttachmentFile(
  name: string,
  bytes: Uint8Array,
  field = "file",
): { filename: string; contentType: string; sha256: string } {
  const filename = safeFilename(name);
  const extension = filename.split(".").pop()?.toLowerCase() ?? "";
  const type = TYPES[extension as keyof typeof TYPES];
  if (bytes.byteLength === 0) throw new Invalid({ [field]: "Choose a file to upload" });
  if (!type) throw new Invalid({ [field]: "The file must be a PDF, DOCX or XLSX" });
  if (!type.magic.every((b, i) => bytes[i] === b)) throw new Invalid({ [field]: `The file is not a real ${extension.toUpperCase()} file` });
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new Invalid({ [field]: "The file must be 10 MB or smaller" });
  return { filename, contentType: type.contentType, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Adds a PDF, DOCX or XLSX to the organisation's bid: checked by extension and by content. */
export async function uploadAttachment(actor: Actor, tenderId: string, form: UploadInput, now = clockNow()): Promise<{ id: string }> {
  const parsed = uploadAttachmentSchema.safeParse(form);
  if (!parsed.success) {
    const { criterionId, filename, bytes } = fieldErrorsOf(parsed.error);
    const file = filename ?? bytes;
    throw new Invalid({ ...(file ? { file } : {}), ...(criterionId ? { criterionId } : {}) });
  }
  const input = parsed.data;
  const { filename, contentType, sha256 } = checkAttachmentFile(input.filename, input.bytes);

  return db.$transaction(async (tx) => {
    const loaded = await loadTenderForBidChange(tx, actor, tenderId, now);
    if (input.criterionId && !loaded.tender.criteria.some((c) => c.id === input.criterionId)) {
      throw new Invalid({ criterionId: "Choose a criterion from the list" });
    }
    const bid = loaded.bid ?? (await tx.bid.create({ data: { tenderId, organisationId: loaded.organisationId, createdById: actor.id } }));
    if ((loaded.bid?.attachments.length ?? 0) >= MAX_ATTACHMENTS_PER_BID) {
      throw new Invalid({ file: `A bid can have at most ${MAX_ATTACHMENTS_PER_BID} attachments. Remove one first.` });
    }
    const stored = await tx.bidAttachment.aggregate({ where: { bidId: bid.id }, _count: { _all: true }, _sum: { sizeBytes: true } });
    if (stored._count._all >= MAX_UPLOADS_PER_BID || (stored._sum.sizeBytes ?? 0) + input.bytes.byteLength > MAX_STORED_BYTES_PER_BID) {
      throw new Invalid({
        file: `This bid has reached its upload limit (${MAX_UPLOADS_PER_BID} files or 50 MB in all, counting files you removed). Contact the commissioner if you need to send more.`,
      });
    }
    const attachment = await tx.bidAttachment.create({
      data: {
        bidId: bid.id,
        criterionId: input.criterionId || null,
        filename,
        contentType,
        sizeBytes: input.bytes.byteLength,
        sha256,
        uploadedById: actor.id,
        createdAt: now,
        content: { create: { data: Buffer.from(input.bytes) } },
      },
    });
    await tx.bid.update({ where: { id: bid.id }, data: { version: { increment: 1 } } });
    await audit(tx, actor, {
      action: "bid.attachment_added",
      entityType: "Bid",
      entityId: bid.id,
      tenderId,
      after: { attachmentId: attachment.id, sha256, sizeBytes: input.bytes.byteLength },
    });
    return { id: attachment.id };
  });
}

/** Takes an attachment out of the working copy; a submitted version that lists it keeps it. */
export async function removeAttachment(actor: Actor, tenderId: string, attachmentId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const loaded = await loadTenderForBidChange(tx, actor, tenderId, now);
    const attachment = loaded.bid?.attachments.find((a) => a.id === attachmentId);
    if (!loaded.bid || !attachment) throw new NotFound("That file is no longer attached to your bid.");
    await tx.bidAttachment.update({ where: { id: attachment.id }, data: { removedAt: now } });
    await tx.bid.update({ where: { id: loaded.bid.id }, data: { version: { increment: 1 } } });
    await audit(tx, actor, {
      action: "bid.attachment_removed",
      entityType: "Bid",
      entityId: loaded.bid.id,
      tenderId,
      after: { attachmentId },
    });
  });
}
