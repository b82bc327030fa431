// Finding 5 of issue 10: the smaller doors. (Invitation links kept out of
// the stored outbox text: tests/integration/send-outbox.test.ts.)
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { MAX_UPLOADS_PER_BID, removeAttachment, uploadAttachment } from "@/server/bids/attachments";
import { downloadAttachment } from "@/server/bids/queries";
import { submitBid } from "@/server/bids/submit-bid";
import { askQuestion } from "@/server/clarifications/ask-question";
import { revealAsker } from "@/server/clarifications/queries";
import { db } from "@/server/db";
import { Forbidden, Invalid, NotFound } from "@/server/errors";
import { declareConflicts } from "@/server/evaluation/declare-conflicts";
import { getModerationBid, getModerationView } from "@/server/evaluation/queries";
import { stepBack } from "@/server/evaluation/step-back";
import { openBids } from "@/server/tenders/open-bids";
import { MODERATED, scoreAs } from "../fixtures/award-builders";
import { startModeration } from "@/server/evaluation/moderation";
import { openedTender } from "../fixtures/evaluation-builders";
import { createActor } from "../fixtures/factories";
import { FILES, providerOrganisation, publishedTender } from "../fixtures/tender-builders";

const DEADLINE = new Date("2026-12-18T17:00:00.000Z");
const BEFORE = new Date("2026-12-01T10:00:00.000Z");
const AFTER = new Date("2026-12-19T09:00:00.000Z");

describe("who asked a clarification question", () => {
  it("is shown only to commissioners running the tender, not to any commissioner", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const asker = await providerOrganisation();
    const { id } = await askQuestion(asker.users[0], t.id, { question: "Is the service 24/7?" }, BEFORE);
    const other = await createActor("COMMISSIONER");
    const declined = await createActor("COMMISSIONER");
    await db.panelMember.create({
      data: { tenderId: t.id, userId: declined.id, role: "COMMISSIONER", status: "DECLINED", invitedById: t.commissioner.id },
    });
    for (const who of [other, declined]) await expect(revealAsker(who, id)).rejects.toBeInstanceOf(Forbidden);
    expect(await db.auditEvent.count({ where: { action: "clarification.asker_viewed", entityId: id } })).toBe(0);
    await expect(revealAsker(t.commissioner, id)).resolves.toEqual({ organisation: asker.organisation.name, askedBy: asker.users[0].name });
  });
});

describe("a conflicted panel member", () => {
  it("cannot download the attachments of a bid; a member who declared no conflict can", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const bidder = await providerOrganisation();
    const file = await uploadAttachment(bidder.users[0], t.id, { filename: "Model.pdf", bytes: FILES.pdf }, BEFORE);
    await submitBid(
      bidder.users[0],
      t.id,
      { responses: { [t.criteria.quality]: "A", [t.criteria.secondQuality]: "B" }, price: "1000" },
      BEFORE,
    );
    await openBids(t.commissioner, t.id, AFTER);
    const [conflicted, clear] = t.technicians as [Actor, Actor];
    await declareConflicts(
      conflicted,
      t.id,
      [{ organisationId: bidder.organisation.id, hasConflict: true, details: "My cousin works there." }],
      AFTER,
    );
    await expect(downloadAttachment(conflicted, file.id, AFTER)).rejects.toBeInstanceOf(NotFound);
    // Before declaring, nobody on the panel sees a bidder's files either.
    await expect(downloadAttachment(clear, file.id, AFTER)).rejects.toBeInstanceOf(NotFound);
    await declareConflicts(clear, t.id, [{ organisationId: bidder.organisation.id, hasConflict: false }], AFTER);
    await expect(downloadAttachment(clear, file.id, AFTER)).resolves.toMatchObject({ filename: "Model.pdf" });
  });
});

describe("uploading and removing files", () => {
  it("has a limit over the bid's life, counting removed files; nothing is stored past it", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const bidder = await providerOrganisation();
    for (let i = 0; i < MAX_UPLOADS_PER_BID; i++) {
      const { id } = await uploadAttachment(bidder.users[0], t.id, { filename: `Draft ${i}.pdf`, bytes: FILES.pdf }, BEFORE);
      await removeAttachment(bidder.users[0], t.id, id, BEFORE);
    }
    const error = await uploadAttachment(bidder.users[0], t.id, { filename: "One more.pdf", bytes: FILES.pdf }, BEFORE).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors.file).toMatch(/upload limit/);
    expect(await db.bidAttachment.count({ where: { bid: { tenderId: t.id } } })).toBe(MAX_UPLOADS_PER_BID);
  });

  it("has a total size limit of 50 MB stored per bid", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const bidder = await providerOrganisation();
    const nineMb = new Uint8Array(9 * 1024 * 1024);
    nineMb.set(FILES.pdf);
    for (let i = 0; i < 5; i++) {
      const { id } = await uploadAttachment(bidder.users[0], t.id, { filename: `Big ${i}.pdf`, bytes: nineMb }, BEFORE);
      await removeAttachment(bidder.users[0], t.id, id, BEFORE);
    }
    const error = await uploadAttachment(bidder.users[0], t.id, { filename: "Big 6.pdf", bytes: nineMb }, BEFORE).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors?.file).toMatch(/50 MB in all/);
    expect(await db.bidAttachment.count({ where: { bid: { tenderId: t.id } } })).toBe(5);
  });
});

describe("a member who stepped back", () => {
  it("no longer reads the moderation page; members still on the panel do", async () => {
    const t = await openedTender();
    for (const member of [t.commissioner, t.commissioner2, ...t.technicians]) await scoreAs(t, member, [4, 4], [3, 3]);
    await startModeration(t.commissioner, t.id, MODERATED);
    const leaver = t.technicians[0]!;
    await expect(getModerationView(leaver, t.id, MODERATED)).resolves.toMatchObject({ visible: true });
    await stepBack(leaver, t.id, { keepSubmittedScores: true }, MODERATED);
    await expect(getModerationView(leaver, t.id, MODERATED)).rejects.toBeInstanceOf(Forbidden);
    await expect(getModerationView(t.technicians[1]!, t.id, MODERATED)).resolves.toMatchObject({ visible: true });
  });
});

describe("a member who declared a conflict of interest", () => {
  it("does not read the moderation pages (the ranking, any bid's votes and reasons); members without one do", async () => {
    const t = await openedTender();
    const conflicted = t.technicians[0]!;
    await declareConflicts(
      conflicted,
      t.id,
      [
        { organisationId: t.organisations.a, hasConflict: true, details: "I volunteer there." },
        { organisationId: t.organisations.b, hasConflict: false },
      ],
      MODERATED,
    );
    for (const member of [t.commissioner, t.commissioner2, t.technicians[1]!]) await scoreAs(t, member, [4, 4], [3, 3]);
    await startModeration(t.commissioner, t.id, MODERATED);
    await expect(getModerationView(conflicted, t.id, MODERATED)).rejects.toBeInstanceOf(Forbidden);
    await expect(getModerationBid(conflicted, t.id, t.bids.b, MODERATED)).rejects.toBeInstanceOf(Forbidden);
    await expect(getModerationView(t.technicians[1]!, t.id, MODERATED)).resolves.toMatchObject({ visible: true });
  });
});
