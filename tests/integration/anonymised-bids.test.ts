import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { startModeration } from "@/server/evaluation/moderation";
import { getModerationView, getPanelWorkspace, getScoringSheet } from "@/server/evaluation/queries";
import { createTender } from "@/server/tenders/create-tender";
import { getTenderForCommissioner } from "@/server/tenders/queries";
import { saveBidScores } from "@/server/evaluation/save-scores";
import { MODERATED, REASONS, scoreAs } from "../fixtures/award-builders";
import { declareNoConflicts, OPENED, openedTender, scoreSheet } from "../fixtures/evaluation-builders";
import { createActor, createEstablishment } from "../fixtures/factories";

describe("scoring anonymised bids", () => {
  it("is chosen on the tender form before publishing (off unless ticked)", async () => {
    const commissioner = await createActor("COMMISSIONER");
    const establishmentId = (await createEstablishment()).id;
    const form = {
      title: "Eye care",
      reference: `ANON-${Date.now()}`,
      summary: "Eye tests for young people.",
      establishmentId,
      procurementRoute: "PSR_COMPETITIVE_PROCESS" as const,
      aggregationRule: "EQUAL_VOTES" as const,
    };
    const on = await createTender(commissioner, { ...form, anonymiseBids: "yes" });
    const off = await createTender(commissioner, { ...form, reference: `${form.reference}-2` });
    expect((await getTenderForCommissioner(commissioner, on.id)).anonymiseBids).toBe(true);
    expect((await getTenderForCommissioner(commissioner, off.id)).anonymiseBids).toBe(false);
  });

  it("shows the panel Bid A and Bid B instead of names during evaluation, and the names from moderation on", async () => {
    const t = await openedTender();
    await db.tender.update({ where: { id: t.id }, data: { anonymiseBids: true } });
    const names = (await db.organisation.findMany({ where: { id: { in: [t.organisations.a, t.organisations.b] } } })).map((o) => o.name);
    const member = t.technicians[0]!;
    await declareNoConflicts(t, member);

    const workspace = await getPanelWorkspace(member, t.id, OPENED);
    // Conflicts are still declared against the bidders by name…
    expect(workspace.bidders.map((b) => b.name).sort()).toEqual([...names].sort());
    // …but the bids to score carry letters only.
    expect(workspace.bids.map((b) => b.organisation.name)).toEqual(["Bid A", "Bid B"]);
    // The page names each bid once, by its letter ("Bid A", not "Bid 1: Bid A").
    expect(workspace.anonymised).toBe(true);
    expect(workspace.bids.map((b) => b.label)).toEqual(["Bid A", "Bid B"]);
    const sheet = await getScoringSheet(member, t.id, t.bids.a, OPENED);
    expect(["Bid A", "Bid B"]).toContain(sheet.bid.organisation.name);
    for (const name of names) expect(JSON.stringify(workspace.bids)).not.toContain(name);

    // Everyone scores; a member who has sent all their scores sees the matrix, still lettered.
    await saveBidScores(member, t.id, t.bids.a, scoreSheet(t, [4, 4], REASONS.a), true, OPENED);
    await saveBidScores(member, t.id, t.bids.b, scoreSheet(t, [3, 3], REASONS.b), true, OPENED);
    for (const m of [t.commissioner, t.commissioner2, t.technicians[1]!]) await scoreAs(t, m, [4, 4], [3, 3]);
    const during = await getModerationView(member, t.id, OPENED);
    expect(during.visible && during.result.bids.map((b) => b.label).sort()).toEqual(["Bid A", "Bid B"]);

    await startModeration(t.commissioner, t.id, MODERATED);
    const after = await getModerationView(member, t.id, MODERATED);
    expect(after.visible && after.result.bids.map((b) => b.label).sort()).toEqual([...names].sort());
    const named = await getPanelWorkspace(member, t.id, MODERATED);
    expect(named.tender.anonymiseBids).toBe(true);
    expect(named.anonymised).toBe(false);
    expect(named.bids.map((b) => b.label)).toEqual(["Bid 1", "Bid 2"]);
  });
});
