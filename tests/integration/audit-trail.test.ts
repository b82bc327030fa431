import { formatLondonStamp } from "@/domain/london-time";
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { exportTenderAuditCsv } from "@/server/audit-trail/export-csv";
import { exportClaimsCsv } from "@/server/technicians/export-claims-csv";
import { approvedEntry, timeTender } from "../fixtures/time-builders";
import { getPortalAuditTrail, getTenderAuditTrail } from "@/server/audit-trail/queries";
import { submitBid } from "@/server/bids/submit-bid";
import { db } from "@/server/db";
import { Forbidden, NotFound } from "@/server/errors";
import { startModeration } from "@/server/evaluation/moderation";
import { saveBidScores } from "@/server/evaluation/save-scores";
import { openBids } from "@/server/tenders/open-bids";
import { paging } from "@/domain/paging";
import { declareNoConflicts, DEADLINE, BEFORE, OPENED, openedTender, scoreSheet } from "../fixtures/evaluation-builders";
import { MODERATED, REASONS } from "../fixtures/award-builders";
import { createActor, createEstablishment } from "../fixtures/factories";
import { providerOrganisation, publishedTender } from "../fixtures/tender-builders";

// The CSV routes read the session; here the test decides who is signed in.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getActor: async () => session.actor }));

const text = (rows: { who: string; what: string; details: string }[]) => rows.map((r) => `${r.who} | ${r.what} | ${r.details}`).join("\n");

describe("a tender's audit trail", () => {
  it("keeps bids sealed, from everyone, until the bids are opened: not even a row says that a bid exists, or when", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const bidder = await providerOrganisation(`Sealed Bidder ${t.id.slice(0, 6)}`);
    const admin = await createActor("ADMIN");
    const governor = await createActor("GOVERNOR", { establishmentIds: [t.establishmentId] });
    const viewers = [t.commissioner, governor, admin];
    const { reference } = await db.tender.findUniqueOrThrow({ where: { id: t.id }, select: { reference: true } });
    const before = await Promise.all(viewers.map((v) => getTenderAuditTrail(v, t.id, {})));
    const receipt = await submitBid(
      bidder.users[0],
      t.id,
      { responses: { [t.criteria.quality]: "Our secret approach", [t.criteria.secondQuality]: "x" }, price: "990000" },
      BEFORE,
    );
    for (const [i, viewer] of viewers.entries()) {
      const trail = await getTenderAuditTrail(viewer, t.id, {});
      // The trail reads exactly as it did before the bid: the same rows, the same count, no "Bids" kind to filter by.
      expect(trail.rows.map((r) => r.id)).toEqual(before[i]!.rows.map((r) => r.id));
      expect(trail.total).toBe(before[i]!.total);
      expect(trail.kinds.map((k) => k.kind)).not.toContain("bid");
      expect((await getTenderAuditTrail(viewer, t.id, { kind: "bid" })).rows).toEqual([]);
      const all = text(trail.rows);
      expect(all).not.toContain("Bid activity");
      expect(all).not.toContain("Sealed Bidder");
      expect(all).not.toContain(bidder.users[0].name);
      expect(all).not.toContain(receipt.contentHash);
    }
    const { csv } = await exportTenderAuditCsv(t.commissioner, t.id);
    expect(csv).not.toContain("Sealed Bidder");
    expect(csv).not.toContain("Bid activity");
    // The whole log, for administrators: no bid event of this tender either.
    const portal = await getPortalAuditTrail(admin, {});
    expect(portal.rows.filter((r) => r.tender === reference && r.kind === "bid")).toEqual([]);
    expect(JSON.stringify(portal)).not.toContain("Sealed Bidder");
    expect(JSON.stringify(portal)).not.toContain("Bid activity");

    await openBids(t.commissioner, t.id, OPENED);
    for (const viewer of viewers) {
      const opened = await getTenderAuditTrail(viewer, t.id, {});
      expect(opened.rows.find((r) => r.kind === "bid")).toMatchObject({
        who: `${bidder.users[0].name} (Sealed Bidder ${t.id.slice(0, 6)})`,
        what: "Bid submitted",
      });
    }
    expect((await getPortalAuditTrail(admin, {})).rows.filter((r) => r.tender === reference && r.kind === "bid")).toHaveLength(1);
  });

  it("hides scores until moderation starts, and young commissioners' names from all but the chair and admins", async () => {
    const t = await openedTender();
    const [tech] = t.technicians;
    await declareNoConflicts(t, tech!);
    await saveBidScores(tech!, t.id, t.bids.a, scoreSheet(t, [4, 4], "A very particular reason about trauma care."), true, OPENED);

    const byCommissioner2 = await getTenderAuditTrail(t.commissioner2, t.id, {});
    const scored = byCommissioner2.rows.find((r) => r.what === "Scores submitted")!;
    expect(scored).toMatchObject({
      who: "Young commissioner A",
      role: "Young commissioner",
      details: "Scores stay hidden until moderation starts (blind scoring).",
    });
    expect(text(byCommissioner2.rows)).not.toContain(tech!.name);
    expect(text(byCommissioner2.rows)).not.toContain("particular reason");

    const byChair = await getTenderAuditTrail(t.commissioner, t.id, {});
    expect(byChair.rows.find((r) => r.what === "Scores submitted")!.who).toBe(tech!.name);
    const byAdmin = await getTenderAuditTrail(await createActor("ADMIN"), t.id, {});
    expect(byAdmin.rows.find((r) => r.what === "Scores submitted")!.who).toBe(tech!.name);
    const governor = await createActor("GOVERNOR", { establishmentIds: [t.establishmentId] });
    expect(text((await getTenderAuditTrail(governor, t.id, {})).rows)).not.toContain(tech!.name);

    // After moderation starts the scores show (still anonymously to all but the chair).
    for (const member of [t.commissioner, t.commissioner2, t.technicians[1]!]) {
      await declareNoConflicts(t, member);
      await saveBidScores(member, t.id, t.bids.a, scoreSheet(t, [3, 3], REASONS.b), true, OPENED);
    }
    for (const member of [t.commissioner, t.commissioner2, ...t.technicians]) {
      await saveBidScores(member, t.id, t.bids.b, scoreSheet(t, [3, 3], REASONS.b), true, OPENED);
    }
    await startModeration(t.commissioner, t.id, MODERATED);
    const later = await getTenderAuditTrail(t.commissioner2, t.id, {});
    expect(text(later.rows)).toContain("particular reason");
    expect(text(later.rows)).not.toContain(tech!.name);
  });

  it("lists events oldest first, by kind, a page at a time", async () => {
    const t = await openedTender();
    const all = await getTenderAuditTrail(t.commissioner, t.id, {});
    expect(all.rows.map((r) => Number(r.id))).toEqual([...all.rows.map((r) => Number(r.id))].sort((a, b) => a - b));
    expect(all.kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["bid", "tender"]));
    const bids = await getTenderAuditTrail(t.commissioner, t.id, { kind: "bid" });
    expect(bids.rows.length).toBeGreaterThan(0);
    expect(bids.rows.every((r) => r.kind === "bid")).toBe(true);
    const first = await getTenderAuditTrail(t.commissioner, t.id, { paging: paging({ size: "10", page: "1" }) });
    expect(first.total).toBe(all.total);
    expect(first.rows.map((r) => r.id)).toEqual(all.rows.slice(0, 10).map((r) => r.id));
  });

  it("is readable by the commissioners running it, its establishment's governor and admins; not by others", async () => {
    const t = await openedTender();
    const governor = await createActor("GOVERNOR", { establishmentIds: [t.establishmentId] });
    for (const reader of [t.commissioner, t.commissioner2, governor, await createActor("ADMIN")]) {
      await expect(getTenderAuditTrail(reader, t.id, {})).resolves.toMatchObject({ tender: { id: t.id } });
    }
    const otherGovernor = await createActor("GOVERNOR", { establishmentIds: [(await createEstablishment()).id] });
    for (const outsider of [await createActor("COMMISSIONER"), t.technicians[0]!, await createActor("PROVIDER")]) {
      await expect(getTenderAuditTrail(outsider, t.id, {})).rejects.toBeInstanceOf(Forbidden);
    }
    // Another establishment's governor is not told that the tender exists (policy "tender.knowOf").
    await expect(getTenderAuditTrail(otherGovernor, t.id, {})).rejects.toBeInstanceOf(NotFound);
    await expect(getTenderAuditTrail(t.commissioner, "00000000-0000-4000-8000-000000000000", {})).rejects.toBeInstanceOf(NotFound);
    await expect(getTenderAuditTrail(t.commissioner, "not-a-uuid", {})).rejects.toBeInstanceOf(NotFound);
    await expect(getPortalAuditTrail(t.commissioner, {})).rejects.toBeInstanceOf(Forbidden);
    await expect(exportTenderAuditCsv(otherGovernor, t.id)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("the audit trail CSV", () => {
  it("has London times, the page's redactions, and formula-looking cells kept as text", async () => {
    const t = await openedTender();
    await db.user.update({ where: { id: t.commissioner2.id }, data: { name: '=HYPERLINK("http://evil.example","x")' } });
    await declareNoConflicts(t, t.commissioner2);
    const { csv, reference } = await exportTenderAuditCsv(t.commissioner, t.id);
    expect(csv.startsWith("\uFEFFEvent,When (London time),Tender,Who,Role,What,Details\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toContain(`,"=HYPERLINK`);
    // Each event's time in London, to the second.
    const events = await db.auditEvent.findMany({ where: { tenderId: t.id, action: { not: "audit.exported" } }, orderBy: { id: "asc" } });
    for (const e of events) expect(csv).toContain(`${e.id},${formatLondonStamp(e.at)},${reference},`);
    // the download is itself in the trail
    const trail = await getTenderAuditTrail(t.commissioner, t.id, { kind: "audit" });
    expect(trail.rows.map((r) => r.what)).toEqual(["Audit trail downloaded as CSV"]);
  });
});

describe("the audit CSV downloads", () => {
  it("a tender's trail: 401 signed out, 404 for a governor elsewhere (not told it exists), 403 for a provider, a dated attachment for its commissioner", async () => {
    const { GET } = await import("@/app/api/tenders/[tenderId]/audit.csv/route");
    const t = await openedTender();
    const call = () =>
      GET(new Request(`http://localhost:3000/api/tenders/${t.id}/audit.csv?kind=bids`), { params: Promise.resolve({ tenderId: t.id }) });
    session.actor = null;
    expect((await call()).status).toBe(401);
    session.actor = await createActor("GOVERNOR", { establishmentIds: [(await createEstablishment()).id] });
    expect((await call()).status).toBe(404);
    session.actor = await createActor("PROVIDER");
    expect((await call()).status).toBe(403);
    session.actor = t.commissioner;
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-trail-[A-Za-z0-9_-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(await response.text()).toContain("Event,When (London time),Tender,Who,Role,What,Details");
    session.actor = null;
  });

  it("the payroll CSV download (streamed batch by batch): a dated attachment whose bytes are the export's", async () => {
    const { GET } = await import("@/app/api/time/claims.csv/route");
    const t = await timeTender();
    const claims = [];
    for (let i = 0; i < 3; i++) claims.push(await approvedEntry(t, t.technicians[0]!, { minutes: String(10 + i) }));
    session.actor = t.commissioner;
    const response = await GET(new Request("http://localhost:3000/api/time/claims.csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="paid-time-claims-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString("utf8");
    expect(text).toBe((await exportClaimsCsv(t.commissioner)).csv);
    for (const id of claims) expect(text.split(id)).toHaveLength(2);
    session.actor = null;
  });

  it("the whole log: administrators only", async () => {
    const { GET } = await import("@/app/api/audit.csv/route");
    const call = () => GET(new Request("http://localhost:3000/api/audit.csv"));
    session.actor = null;
    expect((await call()).status).toBe(401);
    session.actor = await createActor("COMMISSIONER");
    expect((await call()).status).toBe(403);
    session.actor = await createActor("ADMIN");
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    session.actor = null;
  });
});
