import { beforeEach, describe, expect, it } from "vitest";
import { decideAward } from "@/server/awards/decide-award";
import { recommendAward } from "@/server/awards/recommend-award";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { freezeRanking } from "@/server/evaluation/moderation";
import { getRecordPackage } from "@/server/ocds/queries";
import { ocidFor } from "@/server/ocds/publish-release";
import { decideOnRepresentations } from "@/server/representations/decide-representations";
import { makeRepresentation } from "@/server/representations/make-representation";
import { frozenTender, type FrozenTender } from "../fixtures/award-builders";
import { validateOcds } from "../fixtures/ocds-schemas";

// An award published as an intention to award, then withdrawn after a representation is upheld:
// the open data must not keep saying "pending, to this supplier".
const APPROVED = new Date("2026-12-22T10:00:00.000Z");
const DURING = new Date("2027-01-04T10:00:00.000Z");
const DECIDED = new Date("2027-01-08T10:00:00.000Z");
const REASONS = "The price score used the wrong figure, and the service will be recommissioned with a new specification.";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rel = Record<string, any>;

let t: FrozenTender;
let awardDecisionId: string;

async function approve(at: Date): Promise<string> {
  const { awardDecisionId: id } = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
    new Date(at.getTime() - 3_600_000),
  );
  const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id } });
  await decideAward(t.governor, id, { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash }, at);
  return id;
}

async function represent() {
  const u = await db.user.findFirstOrThrow({ where: { organisationId: t.organisations.b } });
  const providerB: Actor = {
    id: u.id,
    role: "PROVIDER",
    name: u.name,
    email: u.email,
    organisationId: u.organisationId,
    establishmentIds: [],
  };
  await makeRepresentation(providerB, awardDecisionId, { text: "Our price was scored from the wrong figure.", files: [] }, DURING);
}

async function compiled(): Promise<{ releases: Rel[]; compiledRelease: Rel }> {
  const record = await getRecordPackage(ocidFor(t.id));
  expect(validateOcds("record-package-schema", record)).toEqual([]);
  const { releases, compiledRelease } = record.records[0]!;
  for (const r of [...releases, compiledRelease]) expect(validateOcds("release-schema", r)).toEqual([]);
  return { releases: releases as Rel[], compiledRelease: compiledRelease as Rel };
}

beforeEach(async () => {
  t = await frozenTender();
  awardDecisionId = await approve(APPROVED);
  await represent();
});

describe("an award withdrawn after representations, in the open data", () => {
  it("abandoned: the award is published as cancelled, the reason in tender.statusDetails, the description untouched", async () => {
    await decideOnRepresentations(t.commissioner, t.id, { outcome: "ABANDON", reasons: REASONS }, DECIDED);
    const { releases, compiledRelease } = await compiled();
    expect(releases.map((r) => r.tag[0])).toEqual(["award", "tenderCancellation"]);
    expect(compiledRelease.tender).toMatchObject({ status: "cancelled", statusDetails: `Cancelled: ${REASONS}` });
    expect(compiledRelease.tender.description).toBe(releases[0]!.tender.description);
    expect(compiledRelease.tender.description).not.toContain(REASONS);
    expect(compiledRelease.awards).toEqual([
      expect.objectContaining({ id: awardDecisionId, status: "cancelled", statusDetails: expect.stringContaining("no contract") }),
    ]);
  });

  it("back to moderation: an awardUpdate cancels the withdrawn award; the next award is pending and the old one stays cancelled", async () => {
    await decideOnRepresentations(t.commissioner, t.id, { outcome: "BACK_TO_MODERATION", reasons: REASONS }, DECIDED);
    let { releases, compiledRelease } = await compiled();
    expect(releases.map((r) => r.tag[0])).toEqual(["award", "awardUpdate"]);
    expect(compiledRelease.tender.status).toBe("active");
    expect(compiledRelease.awards).toEqual([expect.objectContaining({ id: awardDecisionId, status: "cancelled" })]);

    await freezeRanking(t.commissioner, t.id, new Date(DECIDED.getTime() + 60_000));
    const second = await approve(new Date("2027-01-12T10:00:00.000Z"));
    ({ releases, compiledRelease } = await compiled());
    expect(releases.map((r) => r.tag[0])).toEqual(["award", "awardUpdate", "award"]);
    expect(compiledRelease.awards.map((a: Rel) => [a.id, a.status])).toEqual([
      [awardDecisionId, "cancelled"],
      [second, "pending"],
    ]);
  });
});
