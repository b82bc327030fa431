import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { WHOLE_LIFE_PRICE } from "@/domain/money";
import { askQuestion } from "@/server/clarifications/ask-question";
import { answerQuestion } from "@/server/clarifications/answer-question";
import { confirmAward } from "@/server/awards/confirm-award";
import { decideAward } from "@/server/awards/decide-award";
import { recommendAward } from "@/server/awards/recommend-award";
import { submitBid } from "@/server/bids/submit-bid";
import { db } from "@/server/db";
import { freezeRanking, startModeration } from "@/server/evaluation/moderation";
import { getRecordPackage, getReleasePackage } from "@/server/ocds/queries";
import { ocidFor } from "@/server/ocds/publish-release";
import { cancelTender } from "@/server/tenders/cancel-tender";
import { openBids } from "@/server/tenders/open-bids";
import { publishTender } from "@/server/tenders/publish-tender";
import { penceToAmount } from "@/domain/ocds";
import { FROZEN, MODERATED, REASONS, scoreAs } from "../fixtures/award-builders";
import { BEFORE, DEADLINE, OPENED, type OpenedTender } from "../fixtures/evaluation-builders";
import { createActor } from "../fixtures/factories";
import { validateOcds } from "../fixtures/ocds-schemas";
import { providerOrganisation, publishedTender } from "../fixtures/tender-builders";

const validate = validateOcds;

const PUBLISHED = new Date("2026-11-30T10:00:00.000Z");
const RECOMMENDED = new Date("2026-12-21T12:00:00.000Z");
const APPROVED = new Date("2026-12-21T13:00:00.000Z");
const BIG_PRICE_PENCE = 12345678901n;

interface Journey extends OpenedTender {
  secrets: string[];
  ocid: string;
}

/** The Feltham journey through the use cases: publish, a question answered, two sealed bids, opening, blind scoring, moderation, award, sign-off, standstill, contract. */
async function felthamJourney(): Promise<Journey> {
  const t = await publishedTender({ deadline: DEADLINE });
  await db.tender.update({
    where: { id: t.id },
    data: {
      status: "DRAFT",
      publishedAt: null,
      estimatedValuePence: 330_000_000n,
      contractStartDate: new Date("2027-04-01T00:00:00Z"),
      contractTermMonths: 36,
    },
  });
  const commissioner2 = await createActor("COMMISSIONER");
  await db.panelMember.create({
    data: { tenderId: t.id, userId: commissioner2.id, role: "COMMISSIONER", status: "ACCEPTED", invitedById: t.commissioner.id },
  });
  await publishTender(t.commissioner, t.id, {}, PUBLISHED);

  const suffix = t.id.slice(0, 8);
  const a = await providerOrganisation(`Bidder A ${suffix}`);
  const b = await providerOrganisation(`Bidder B ${suffix}`);
  const { id: questionId } = await askQuestion(b.users[1], t.id, { question: "Is the service 24/7, including weekends?" }, BEFORE);
  await answerQuestion(t.commissioner, t.id, questionId, { answer: "Yes: a nurse is on site every day." }, BEFORE);

  const secretAnswer = `Sealed answer ${suffix}: nurse-led, trauma-informed care`;
  const answers = { [t.criteria.quality]: secretAnswer, [t.criteria.secondQuality]: "Weekly joint meetings." };
  const bidA = await submitBid(a.users[0], t.id, { responses: answers, price: (Number(BIG_PRICE_PENCE) / 100).toFixed(2) }, BEFORE);
  const bidB = await submitBid(b.users[0], t.id, { responses: answers, price: "150000000" }, BEFORE);

  // Sealed: nothing about the bids is in any release before the opening.
  const beforeOpening = JSON.stringify(await getRecordPackage(ocidFor(t.id)));
  for (const s of [a.organisation.name, b.organisation.name, secretAnswer, bidA.contentHash, "123456789.01"])
    expect(beforeOpening).not.toContain(s);

  await openBids(t.commissioner, t.id, OPENED);
  const seats = Object.fromEntries((await db.panelMember.findMany({ where: { tenderId: t.id } })).map((s) => [s.userId, s.id]));
  const journey: OpenedTender = {
    ...t,
    commissioner2,
    bids: { a: bidA.bidId, b: bidB.bidId },
    organisations: { a: a.organisation.id, b: b.organisation.id },
    seats,
  };
  for (const member of [t.commissioner, commissioner2, ...t.technicians]) await scoreAs(journey, member, [4, 4], [3, 3]);
  await startModeration(t.commissioner, t.id, MODERATED);
  await freezeRanking(t.commissioner, t.id, FROZEN);
  const governor = await createActor("GOVERNOR", { establishmentIds: [t.establishmentId] });
  const { awardDecisionId } = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: bidA.bidId, justification: "", noteToYoungCommissioners: "Thank you." },
    RECOMMENDED,
  );
  const decision = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
  await decideAward(
    governor,
    awardDecisionId,
    { decision: "APPROVED", typedName: governor.name, comment: "", contentHash: decision.contentHash },
    APPROVED,
  );
  const standstill = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
  await confirmAward(t.commissioner, t.id, new Date(standstill.standstillEndsAt!.getTime() + 1));

  const people = [t.commissioner, commissioner2, ...t.technicians, governor, ...a.users, ...b.users];
  const secrets = [
    secretAnswer,
    REASONS.a,
    REASONS.b,
    ...people.flatMap((p) => [p.name, p.email]),
    ...t.technicians.map((p) => p.id),
    "Young commissioner",
  ];
  return { ...journey, secrets, ocid: ocidFor(t.id) };
}

// Releases are read as loose JSON in these assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rel = Record<string, any>;

let journey: Journey;
beforeAll(async () => {
  journey = await felthamJourney();
}, 120_000);

describe("OCDS releases across the Feltham journey", () => {
  it("publishes one release per public event, in order, each valid against the OCDS 1.1 release schema", async () => {
    const rows = await db.ocdsRelease.findMany({ where: { tenderId: journey.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.tag)).toEqual(["tender", "tenderUpdate", "award", "contract"]);
    for (const r of rows) expect(validate("release-schema", r.release), r.tag).toEqual([]);
    const [tender, update, award, contract] = rows.map((r) => r.release as Rel) as [Rel, Rel, Rel, Rel];
    expect(tender).toMatchObject({
      ocid: journey.ocid,
      tag: ["tender"],
      initiationType: "tender",
      tender: {
        status: "active",
        procurementMethod: "open",
        mainProcurementCategory: "services",
        awardCriteria: "ratedCriteria",
        value: { amount: 3300000, currency: "GBP" },
      },
    });
    // The validator really checks: a status outside the closed codelist and a missing ocid are refused.
    expect(validate("release-schema", { ...tender, tender: { ...tender.tender, status: "open" } }).join()).toContain("/tender/status");
    expect(validate("release-schema", { ...tender, ocid: undefined }).join()).toContain("ocid");
    expect(tender.tender.awardCriteriaDetails).toContain("Quality 50%; Working together 30%; Price 20%");
    expect(tender.parties.map((p: { roles: string[] }) => p.roles)).toEqual([["buyer", "procuringEntity"], ["interestedParty"]]);
    expect(tender.tender.tenderers).toBeUndefined();
    expect(update.tender.documents).toEqual([
      expect.objectContaining({
        documentType: "clarifications",
        description: "Question: Is the service 24/7, including weekends?\nAnswer: Yes: a nurse is on site every day.",
      }),
    ]);
    expect(award.awards).toEqual([expect.objectContaining({ status: "pending", value: { amount: 123456789.01, currency: "GBP" } })]);
    // The award decision is the governor's approval; the standstill that follows is structured data.
    const decision = await db.awardDecision.findFirstOrThrow({ where: { tenderId: journey.id } });
    expect(award.awards[0].date).toBe(APPROVED.toISOString());
    expect(award.awards[0].standstillPeriod).toEqual({
      startDate: "2026-12-22T00:00:00.000Z",
      endDate: decision.standstillEndsAt!.toISOString(),
    });
    expect(award.awards[0].description).not.toContain("standstill until");
    // Confirming the contract does not move the award's date: the contract has its own.
    expect(contract.awards[0].date).toBe(APPROVED.toISOString());
    expect(contract.contracts[0].dateSigned).toBe(decision.awardedAt!.toISOString());
    expect(contract.contracts[0].dateSigned).not.toBe(APPROVED.toISOString());
    expect(award.tender.numberOfTenderers).toBe(2);
    expect(award.parties.flatMap((p: { roles: string[] }) => p.roles).sort()).toEqual([
      "buyer",
      "interestedParty",
      "procuringEntity",
      "supplier",
      "tenderer",
      "tenderer",
    ]);
    expect(contract).toMatchObject({
      tender: { status: "complete" },
      awards: [{ status: "active" }],
      contracts: [{ status: "active", awardID: award.awards[0].id, value: { amount: 123456789.01, currency: "GBP" } }],
    });
    // Stored exactly: the number in the database is the decimal of the pence.
    const [{ amount }] = await db.$queryRaw<
      [{ amount: string }]
    >`SELECT ("release"->'contracts'->0->'value'->>'amount') AS amount FROM "OcdsRelease" WHERE "tenderId" = ${journey.id}::uuid AND "tag" = 'contract'`;
    expect(amount).toBe("123456789.01");
  });

  it("serves a valid release package (paged, since=) and a valid record package with a compiled release", async () => {
    const first = (await getReleasePackage({ limit: "2" }))!;
    expect(validate("release-package-schema", first.releasePackage)).toEqual([]);
    expect(first.releasePackage.releases).toHaveLength(2);
    expect(first.next).toMatch(/after=\d+/);
    let page = first;
    const seen = [...first.releasePackage.releases];
    while (page.next) {
      const after = new URL(page.next).searchParams.get("after");
      page = (await getReleasePackage({ limit: "2", after }))!;
      expect(validate("release-package-schema", page.releasePackage)).toEqual([]);
      seen.push(...page.releasePackage.releases);
    }
    expect(seen.filter((r) => (r as { ocid: string }).ocid === journey.ocid)).toHaveLength(4);
    const since = (await getReleasePackage({ since: APPROVED.toISOString() }))!;
    expect(since.releasePackage.releases.map((r) => (r as { tag: string[] }).tag[0])).toEqual(
      expect.arrayContaining(["award", "contract"]),
    );
    expect(since.releasePackage.releases.every((r) => new Date((r as { date: string }).date) >= APPROVED)).toBe(true);
    expect(await getReleasePackage({ since: "2099-01-01" })).toBeNull();

    // Package metadata: when the package was made (not its newest release), the licence and the publication policy.
    const before = Date.now();
    const record = await getRecordPackage(journey.ocid);
    const after = Date.now();
    expect(validate("record-package-schema", record)).toEqual([]);
    for (const pkg of [record, first.releasePackage]) {
      expect(pkg).toMatchObject({
        license: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        publicationPolicy: expect.stringMatching(/^http:\/\/localhost:\d+\/open-data#publication-policy$/),
        extensions: ["https://gitlab.com/dncp-opendata/ocds_statusdetails_extension/-/raw/master/extension.json"],
      });
    }
    expect(new Date(record.publishedDate).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(record.publishedDate).getTime()).toBeLessThanOrEqual(after);
    expect(record.records[0]!.releases.map((r) => (r as { date: string }).date)).not.toContain(record.publishedDate);
    const compiled = record.records[0]!.compiledRelease as Rel;
    expect(validate("release-schema", compiled)).toEqual([]);
    expect(compiled).toMatchObject({
      tag: ["compiled"],
      tender: { status: "complete", numberOfTenderers: 2 },
      awards: [{ status: "active", date: APPROVED.toISOString() }],
      contracts: [{ status: "active" }],
    });
    expect(compiled.tender.documents).toHaveLength(1);
  });

  it("never publishes sealed content, panel members' scores, young commissioners or bidders' staff", async () => {
    const everything = JSON.stringify([await getRecordPackage(journey.ocid), await getReleasePackage({})]);
    for (const secret of journey.secrets) expect(everything, secret).not.toContain(secret);
    expect(everything).not.toMatch(/"(score|scores|reason|email|contactPoint|panel)"/);
  });

  it("a cancelled tender gets a tenderCancellation release; a draft never published gets none", async () => {
    const t = await publishedTender({ deadline: DEADLINE });
    await db.tender.update({ where: { id: t.id }, data: { status: "DRAFT", publishedAt: null } });
    await publishTender(t.commissioner, t.id, {}, PUBLISHED);
    await cancelTender(t.commissioner, t.id, { reason: "The service is being recommissioned with another establishment." }, BEFORE);
    const rows = await db.ocdsRelease.findMany({ where: { tenderId: t.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.tag)).toEqual(["tender", "tenderCancellation"]);
    expect(validate("release-schema", rows[1]!.release)).toEqual([]);
    expect(rows[1]!.release).toMatchObject({
      tender: { status: "cancelled", statusDetails: "Cancelled: The service is being recommissioned with another establishment." },
    });
    // The reason is beside the status, not appended to the description of the service.
    expect((rows[1]!.release as Rel).tender.description).toBe((rows[0]!.release as Rel).tender.description);
    expect((rows[1]!.release as Rel).awards).toBeUndefined();

    const draft = await publishedTender({ deadline: DEADLINE });
    await db.tender.update({ where: { id: draft.id }, data: { status: "DRAFT", publishedAt: null } });
    await cancelTender(draft.commissioner, draft.id, { reason: "Not needed after all." }, BEFORE);
    expect(await db.ocdsRelease.count({ where: { tenderId: draft.id } })).toBe(0);
    await expect(getRecordPackage(ocidFor(draft.id))).rejects.toThrow(/no contracting process/);
  });

  it("keeps releases immutable in the database", async () => {
    await expect(db.$executeRaw`UPDATE "OcdsRelease" SET "tag" = 'award' WHERE "tenderId" = ${journey.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "OcdsRelease" WHERE "tenderId" = ${journey.id}::uuid`).rejects.toThrow(/append-only/);
  });

  it("refuses a bad query with a clear message", async () => {
    await expect(getReleasePackage({ since: "yesterday" })).rejects.toMatchObject({
      fieldErrors: { since: expect.stringContaining("date") },
    });
    await expect(getReleasePackage({ limit: "1000" })).rejects.toMatchObject({ fieldErrors: { limit: expect.any(String) } });
    await expect(getReleasePackage({ after: "-1" })).rejects.toMatchObject({ fieldErrors: { after: expect.any(String) } });
  });
});

describe("OCDS amounts from pence", () => {
  it("are exact, with no float drift", () => {
    expect(JSON.stringify(penceToAmount(12345678901n))).toBe("123456789.01");
    expect(JSON.stringify(penceToAmount(1n))).toBe("0.01");
    expect(JSON.stringify(penceToAmount(10n))).toBe("0.1");
    expect(JSON.stringify(penceToAmount(999_999_999_999_999n))).toBe("9999999999999.99");
    for (let p = 0n; p < 100_000n; p += 7n)
      expect(JSON.stringify(penceToAmount(p))).toBe(String(Number(`${p / 100n}.${String(p % 100n).padStart(2, "0")}`)));
    expect(() => penceToAmount(10n ** 16n)).toThrow(RangeError);
  });
});

describe("the public Open data page", () => {
  it("links to both feeds and an example record, states the licence, and holds the publication policy the packages point to", async () => {
    const { default: OpenDataPage } = await import("@/app/(public)/open-data/page");
    const html = renderToStaticMarkup(await OpenDataPage());
    const pkg = (await getReleasePackage({}))!.releasePackage;
    const policy = new URL(pkg.publicationPolicy);
    expect(html).toContain(`id="${policy.hash.slice(1)}"`);
    expect(html).toContain(`href="${pkg.license}"`);
    expect(html).toContain('href="/api/ocds/releases"');
    // The example is the most recently updated process: its record exists.
    const latest = pkg.releases.length > 0 ? (await db.ocdsRelease.findFirstOrThrow({ orderBy: { seq: "desc" } })).ocid : null;
    expect(html).toContain(`href="/api/ocds/tenders/${encodeURIComponent(latest!)}"`);
    for (const tag of ["tender", "tenderUpdate", "award", "awardUpdate", "contract", "tenderCancellation"])
      expect(html).toContain(`>${tag}</dt>`);
    expect(html).toContain(WHOLE_LIFE_PRICE.slice(1));
  });
});

describe("the open data endpoints (no sign-in)", () => {
  it("serve JSON packages, page with a Link header, and answer bad input with 422 and unknown ocids with 404", async () => {
    const { GET: releases } = await import("@/app/api/ocds/releases/route");
    const { GET: record } = await import("@/app/api/ocds/tenders/[ocid]/route");
    const first = await releases(new Request("http://localhost:3000/api/ocds/releases?limit=1"));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("application/json");
    expect(first.headers.get("link")).toMatch(/<http:\/\/localhost:3000\/api\/ocds\/releases\?limit=1&after=\d+>; rel="next"/);
    expect(validate("release-package-schema", await first.json())).toEqual([]);
    expect((await releases(new Request("http://localhost:3000/api/ocds/releases?since=2099-01-01"))).status).toBe(204);
    const bad = await releases(new Request("http://localhost:3000/api/ocds/releases?since=soon"));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ fieldErrors: { since: expect.stringContaining("date") } });

    const ok = await record(new Request(`http://localhost:3000/api/ocds/tenders/${journey.ocid}`), {
      params: Promise.resolve({ ocid: journey.ocid }),
    });
    expect(ok.status).toBe(200);
    expect(validate("record-package-schema", await ok.json())).toEqual([]);
    const missing = await record(new Request("http://localhost:3000/api/ocds/tenders/x"), {
      params: Promise.resolve({ ocid: "ocds-zzzzzz-00000000-0000-4000-8000-000000000000" }),
    });
    expect(missing.status).toBe(404);
  });
});
