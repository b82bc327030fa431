import { beforeEach, describe, expect, it } from "vitest";
import { uploadAttachment, removeAttachment, MAX_ATTACHMENT_BYTES } from "@/server/bids/attachments";
import { getMyBid, downloadAttachment } from "@/server/bids/queries";
import { saveBidDraft } from "@/server/bids/save-bid";
import { submitBid } from "@/server/bids/submit-bid";
import { withdrawBid } from "@/server/bids/withdraw-bid";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { createActor } from "../fixtures/factories";
import { FILES, providerOrganisation, publishedTender, type PublishedTender } from "../fixtures/tender-builders";

const DEADLINE = new Date("2026-12-18T17:00:00.000Z");
const BEFORE = new Date("2026-12-01T10:00:00.000Z");
let tender: PublishedTender;

const answers = (t: PublishedTender, quality = "We will run a trauma-informed nurse-led service.") => ({
  [t.criteria.quality]: quality,
  [t.criteria.secondQuality]: "We will work with education and youth justice teams every week.",
});

beforeEach(async () => {
  tender = await publishedTender({ deadline: DEADLINE });
});

describe("a provider's bid", () => {
  it("saves a draft, then submits with a receipt (time + SHA-256 of the content) emailed to the organisation", async () => {
    const {
      organisation,
      users: [grace, oliver],
    } = await providerOrganisation();
    await saveBidDraft(grace, tender.id, { responses: { [tender.criteria.quality]: "Draft ✓ — ünïcödé text" } }, BEFORE);
    expect((await getMyBid(grace, tender.id))?.status).toBe("DRAFT");

    const receipt = await submitBid(oliver, tender.id, { responses: answers(tender), price: "£1,250,000.50" }, BEFORE);
    expect(receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.submittedAt).toEqual(BEFORE);
    const bid = await getMyBid(grace, tender.id);
    expect(bid).toMatchObject({
      status: "SUBMITTED",
      organisationId: organisation.id,
      pricePence: 125_000_050n,
      contentHash: receipt.contentHash,
    });
    expect(bid?.versions).toHaveLength(1);
    const emails = await db.outboxMessage.findMany({ where: { template: "bid-receipt", to: { in: [grace.email, oliver.email] } } });
    expect(emails).toHaveLength(2);
    expect(emails[0]!.text).toContain(receipt.contentHash);
    expect(emails[0]!.text).toContain("18 December 2026, 5:00pm");
  });

  it("the same content gives the same hash; different content a different one", async () => {
    const a = await providerOrganisation();
    const first = await submitBid(a.users[0], tender.id, { responses: answers(tender), price: "100" }, BEFORE);
    const again = await submitBid(a.users[0], tender.id, { responses: answers(tender), price: "100" }, BEFORE);
    const changed = await submitBid(a.users[0], tender.id, { responses: answers(tender), price: "101" }, BEFORE);
    expect(again.contentHash).toBe(first.contentHash);
    expect(changed.contentHash).not.toBe(first.contentHash);
    expect((await getMyBid(a.users[0], tender.id))?.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it("submitting needs every quality answer and the price; word limits and money are checked; nothing is written", async () => {
    const {
      users: [grace],
    } = await providerOrganisation();
    const long = Array.from({ length: 51 }, (_, i) => `word${i}`).join(" ");
    const error = await submitBid(grace, tender.id, { responses: { [tender.criteria.quality]: long }, price: "12.345" }, BEFORE).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors).toEqual({
      [`response.${tender.criteria.quality}`]: "Your answer to “Quality” has 51 words. The limit is 50.",
      [`response.${tender.criteria.secondQuality}`]: "Answer “Working together”",
      price: "Enter an amount in pounds and pence, like 1500 or 1,500.50",
    });
    const missingPrice = await submitBid(grace, tender.id, { responses: answers(tender) }, BEFORE).catch((e: unknown) => e);
    expect((missingPrice as Invalid).fieldErrors).toEqual({ price: "Enter your price" });
    const huge = await saveBidDraft(
      grace,
      tender.id,
      { responses: { [tender.criteria.secondQuality]: "x".repeat(100_001) } },
      BEFORE,
    ).catch((e: unknown) => e);
    expect((huge as Invalid).fieldErrors[`response.${tender.criteria.secondQuality}`]).toMatch(/too long/);
    expect(await getMyBid(grace, tender.id)).toBeNull();
  });

  it("only providers bid, and only for their own organisation", async () => {
    for (const role of ["COMMISSIONER", "TECHNICIAN", "GOVERNOR", "ADMIN"] as const) {
      await expect(saveBidDraft(await createActor(role), tender.id, { responses: {} }, BEFORE)).rejects.toBeInstanceOf(Forbidden);
    }
    const a = await providerOrganisation();
    const b = await providerOrganisation();
    await submitBid(a.users[0], tender.id, { responses: answers(tender), price: "100" }, BEFORE);
    // B's save creates B's own bid; it never touches A's.
    await saveBidDraft(b.users[0], tender.id, { responses: { [tender.criteria.quality]: "B's words" } }, BEFORE);
    expect((await getMyBid(a.users[0], tender.id))?.responses.find((r) => r.criterionId === tender.criteria.quality)?.text).toBe(
      "We will run a trauma-informed nurse-led service.",
    );
    expect(await db.bid.count({ where: { tenderId: tender.id } })).toBe(2);
  });

  it("refuses a draft tender and an unknown tender without revealing anything", async () => {
    const {
      users: [grace],
    } = await providerOrganisation();
    const draft = await publishedTender({ deadline: DEADLINE });
    await db.tender.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
    await expect(saveBidDraft(grace, draft.id, { responses: {} }, BEFORE)).rejects.toBeInstanceOf(NotFound);
    await expect(saveBidDraft(grace, "00000000-0000-0000-0000-000000000000", { responses: {} }, BEFORE)).rejects.toBeInstanceOf(NotFound);
    await expect(saveBidDraft(grace, "not-a-uuid", { responses: {} }, BEFORE)).rejects.toBeInstanceOf(NotFound);
  });

  it("the deadline boundary: a submit at the deadline instant is on time, at deadline + 1 ms it is refused", async () => {
    const {
      users: [grace],
    } = await providerOrganisation();
    await expect(submitBid(grace, tender.id, { responses: answers(tender), price: "100" }, DEADLINE)).resolves.toMatchObject({
      submittedAt: DEADLINE,
    });
    const late = new Date(DEADLINE.getTime() + 1);
    await expect(submitBid(grace, tender.id, { responses: answers(tender, "Late change"), price: "90" }, late)).rejects.toThrow(
      "The submission deadline has passed, so bids can no longer be sent, changed or withdrawn.",
    );
    await expect(saveBidDraft(grace, tender.id, { responses: {} }, late)).rejects.toBeInstanceOf(Conflict);
    await expect(withdrawBid(grace, tender.id, late)).rejects.toBeInstanceOf(Conflict);
    await expect(uploadAttachment(grace, tender.id, { filename: "late.pdf", bytes: FILES.pdf }, late)).rejects.toBeInstanceOf(Conflict);
    const bid = await getMyBid(grace, tender.id);
    expect(bid?.pricePence).toBe(10000n);
    expect(bid?.versions).toHaveLength(1);
  });

  it("withdraw, then submit again before the deadline", async () => {
    const {
      users: [grace],
    } = await providerOrganisation();
    await expect(withdrawBid(grace, tender.id, BEFORE)).rejects.toThrow("There is no submitted bid to withdraw.");
    await submitBid(grace, tender.id, { responses: answers(tender), price: "100" }, BEFORE);
    await withdrawBid(grace, tender.id, BEFORE);
    expect((await getMyBid(grace, tender.id))?.status).toBe("WITHDRAWN");
    await submitBid(grace, tender.id, { responses: answers(tender), price: "95" }, BEFORE);
    const bid = await getMyBid(grace, tender.id);
    expect(bid).toMatchObject({ status: "SUBMITTED", pricePence: 9500n, withdrawnAt: null });
    expect(bid?.versions).toHaveLength(2);
  });

  it("a stale form (a colleague saved meanwhile) is refused, and concurrent saves never create two bids", async () => {
    const {
      users: [grace, oliver],
    } = await providerOrganisation();
    const results = await Promise.allSettled(
      [grace, oliver, grace, oliver].map((u, i) =>
        saveBidDraft(u, tender.id, { responses: { [tender.criteria.quality]: `version ${i}` } }, BEFORE),
      ),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await db.bid.count({ where: { tenderId: tender.id } })).toBe(1);
    const current = (await getMyBid(grace, tender.id))!;
    await saveBidDraft(oliver, tender.id, { responses: { [tender.criteria.quality]: "Oliver's edit" }, version: current.version }, BEFORE);
    await expect(
      submitBid(grace, tender.id, { responses: answers(tender), price: "100", version: current.version }, BEFORE),
    ).rejects.toThrow("Someone else in your organisation changed this bid. Reload to see the latest version.");
  });

  it("a double submit makes two versions of one bid, never two bids", async () => {
    const {
      users: [grace],
    } = await providerOrganisation();
    await Promise.all([
      submitBid(grace, tender.id, { responses: answers(tender), price: "100" }, BEFORE),
      submitBid(grace, tender.id, { responses: answers(tender), price: "100" }, BEFORE),
    ]);
    expect(await db.bid.count({ where: { tenderId: tender.id } })).toBe(1);
    expect((await getMyBid(grace, tender.id))?.versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });
});

describe("attachments", () => {
  it("accepts PDF and DOCX by content, refuses other files, and keeps a removed file for the version that listed it", async () => {
    const {
      users: [grace],
    } = await providerOrganisation();
    const pdf = await uploadAttachment(grace, tender.id, { filename: "../../etc/Method statement.pdf", bytes: FILES.pdf }, BEFORE);
    await uploadAttachment(grace, tender.id, { filename: "Staffing.docx", bytes: FILES.docx }, BEFORE);
    const bid = await getMyBid(grace, tender.id);
    expect(bid?.attachments.map((a) => a.filename)).toEqual(["Method statement.pdf", "Staffing.docx"]);

    const fake = await uploadAttachment(grace, tender.id, { filename: "virus.pdf", bytes: FILES.exe }, BEFORE).catch((e: unknown) => e);
    expect((fake as Invalid).fieldErrors).toEqual({ file: "The file is not a real PDF file" });
    const exe = await uploadAttachment(grace, tender.id, { filename: "setup.exe", bytes: FILES.exe }, BEFORE).catch((e: unknown) => e);
    expect((exe as Invalid).fieldErrors).toEqual({ file: "The file must be a PDF, DOCX or XLSX" });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(FILES.pdf);
    const tooBig = await uploadAttachment(grace, tender.id, { filename: "big.pdf", bytes: big }, BEFORE).catch((e: unknown) => e);
    expect((tooBig as Invalid).fieldErrors).toEqual({ file: "The file must be 10 MB or smaller" });

    await submitBid(grace, tender.id, { responses: answers(tender), price: "100" }, BEFORE);
    await removeAttachment(grace, tender.id, pdf.id, BEFORE);
    expect((await getMyBid(grace, tender.id))?.attachments.map((a) => a.filename)).toEqual(["Staffing.docx"]);
    // The bidder can still download it: it belongs to the submitted version.
    const file = await downloadAttachment(grace, pdf.id, BEFORE);
    expect(Buffer.from(file.data).equals(Buffer.from(FILES.pdf))).toBe(true);
  });
});
