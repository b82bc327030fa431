import { describe, expect, it } from "vitest";
import { validateForPublish } from "@/domain/tender-lifecycle";
import { authenticate } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { DEMO_TENDER_REFERENCE, seedDemo } from "../fixtures/demo-scenario";

const counts = async () => ({
  users: await db.user.count(),
  organisations: await db.organisation.count(),
  establishments: await db.establishment.count(),
  tenders: await db.tender.count(),
  criteria: await db.criterion.count(),
  panel: await db.panelMember.count(),
  audit: await db.auditEvent.count(),
});

describe("the demo seed", () => {
  const now = new Date("2026-11-24T10:00:00Z");

  it("creates a user for every role and the Feltham re-tender in DRAFT, ready to publish", async () => {
    const result = await seedDemo({ password: "demo password for tests", now });
    expect(result.created).toBe(true);
    expect(await counts()).toMatchObject({ users: 11, organisations: 4, establishments: 2, tenders: 1, criteria: 5, panel: 5 });

    const tender = await db.tender.findUniqueOrThrow({
      where: { reference: DEMO_TENDER_REFERENCE },
      include: { criteria: true, panelMembers: true, establishment: true },
    });
    expect(tender.status).toBe("DRAFT");
    expect(tender.establishment.name).toBe("HMYOI Feltham");
    expect(tender.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(tender.criteria.filter((c) => c.kind === "PRICE")).toHaveLength(1);
    // It is realistic: the only thing between it and publishing is the commissioner's decision.
    const problems = validateForPublish(
      {
        ...tender,
        establishmentId: tender.establishmentId,
        criteria: tender.criteria,
        panel: tender.panelMembers.map((p) => ({ role: p.role, accepted: p.status === "ACCEPTED" })),
      },
      now,
    );
    expect(problems).toEqual([]);
    expect(JSON.stringify({ ...tender, estimatedValuePence: String(tender.estimatedValuePence) })).not.toMatch(/lorem|ipsum/i);

    const governor2 = await db.user.findUniqueOrThrow({ where: { email: "governor2@demo.test" }, include: { establishments: { include: { establishment: true } } } });
    expect(governor2.establishments.map((e) => e.establishment.name)).toEqual(["HMYOI Cookham Wood"]);
    await expect(authenticate({ email: "technician2@demo.test", password: "demo password for tests", ip: null })).resolves.toMatchObject({ role: "TECHNICIAN" });
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    const again = await seedDemo({ password: "a different password", now });
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
