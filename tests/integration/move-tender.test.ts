// Issue 14: a tender changes state one way (src/server/tenders/move-tender.ts):
// the transition table decides, a forbidden move is a clear Conflict and
// writes nothing, an allowed one writes the table's state and its audit event.
import type { AuditAction } from "@/server/audit-trail/labels";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Conflict } from "@/server/errors";
import { moveTender } from "@/server/tenders/move-tender";
import { publishedTender } from "../fixtures/tender-builders";

const DEADLINE = new Date("2026-12-18T17:00:00.000Z");
const BEFORE = new Date("2026-12-01T10:00:00.000Z");
const AFTER = new Date("2026-12-19T09:00:00.000Z");

async function snapshot(tenderId: string) {
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { status: true, version: true, bidsOpenedAt: true },
  });
  const auditEvents = await db.auditEvent.count({ where: { tenderId } });
  return { ...tender, auditEvents };
}

describe("moving a tender", () => {
  it("refuses a move the transition table forbids, with a clear message, and writes nothing", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const before = await snapshot(t.id);
    let workRan = false;
    const move = db.$transaction((tx) =>
      moveTender(tx, t.commissioner, { tenderId: t.id, action: "confirmAward", now: BEFORE, set: { bidsOpenedAt: BEFORE } }, async () => {
        workRan = true;
        return { audit: { action: "tender.test" as AuditAction, entityType: "Tender", entityId: t.id, tenderId: t.id }, result: undefined };
      }),
    );
    await expect(move).rejects.toThrow(Conflict);
    await expect(move).rejects.toThrow("Confirming the award is not possible: this tender is open for bids.");
    expect(workRan).toBe(false);
    expect(await snapshot(t.id)).toEqual(before);
  });

  it("reads a published tender past its deadline as closed (the clock moves it, not an action)", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const move = (now: Date) =>
      db.$transaction((tx) =>
        moveTender(tx, t.commissioner, { tenderId: t.id, action: "openBids", now, set: { bidsOpenedAt: now } }, async ({ from, to }) => ({
          audit: {
            action: "tender.test_moved" as AuditAction,
            entityType: "Tender",
            entityId: t.id,
            tenderId: t.id,
            before: { status: from },
            after: { status: to },
          },
          result: { from, to },
        })),
      );
    await expect(move(BEFORE)).rejects.toThrow("Opening the bids is not possible: this tender is open for bids.");
    const before = await snapshot(t.id);

    expect(await move(AFTER)).toEqual({ from: "CLOSED", to: "EVALUATION" });
    expect(await snapshot(t.id)).toEqual({ status: "EVALUATION", version: before.version + 1, bidsOpenedAt: AFTER, auditEvents: 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { tenderId: t.id } });
    expect(event).toMatchObject({
      action: "tender.test_moved",
      before: { status: "CLOSED" },
      after: { status: "EVALUATION" },
    });
  });

  it("rolls the new state back when the use case's own work refuses", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    const before = await snapshot(t.id);
    const move = db.$transaction((tx) =>
      moveTender(tx, t.commissioner, { tenderId: t.id, action: "openBids", now: AFTER, set: { bidsOpenedAt: AFTER } }, async () => {
        throw new Conflict("Not today.");
      }),
    );
    await expect(move).rejects.toThrow("Not today.");
    expect(await snapshot(t.id)).toEqual(before);
  });
});
