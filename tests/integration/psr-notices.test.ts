// The Provider Selection Regime notices (regulation 12, Schedule 10): the
// intention to award, public from the governor's approval, and the
// confirmation of award, public once the contract is awarded; both as a page
// and as an OCDS release package; and the outcome letters' additions (the
// winner's scores, who decided, the conflicts statement, the checkpoint).
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as noticeRoute } from "@/app/api/ocds/notices/[awardDecisionId]/[kind]/route";
import { OutcomeLetterView } from "@/components/awards/outcome-letter-view";
import { PsrNoticeView } from "@/components/notices/psr-notice-view";
import { formatCheckpoint, parseCheckpoint } from "@/server/audit-trail/checkpoint";
import { verifyAuditChain } from "@/server/audit-trail/chain";
import { confirmAward } from "@/server/awards/confirm-award";
import { decideAward } from "@/server/awards/decide-award";
import { getAwardSignOff, getOutcomeLetter } from "@/server/awards/queries";
import { recommendAward } from "@/server/awards/recommend-award";
import { db } from "@/server/db";
import { NotFound } from "@/server/errors";
import { noticeReleasePackage } from "@/server/notices/notice-release";
import { getPsrNotice } from "@/server/notices/psr-notice";
import { getRecordPackage } from "@/server/ocds/queries";
import { ocidFor } from "@/server/ocds/publish-release";
import { updateOrganisation } from "@/server/organisations/update-organisation";
import { frozenTender, REASONS, type FrozenTender } from "../fixtures/award-builders";
import { createActor } from "../fixtures/factories";
import { validateOcds } from "../fixtures/ocds-schemas";

const RECOMMENDED = new Date("2026-12-17T12:00:00.000Z");
const APPROVED = new Date("2026-12-17T15:00:00.000Z");

let t: FrozenTender;
let awardDecisionId: string;
let conflictedName: string;

const route = (kind: string, id = awardDecisionId) =>
  noticeRoute(new Request(`http://localhost/api/ocds/notices/${id}/${kind}`), { params: Promise.resolve({ awardDecisionId: id, kind }) });

beforeAll(async () => {
  t = await frozenTender();
  // A young commissioner who declared a conflict with bidder B: excluded, never scored.
  const conflicted = await createActor("TECHNICIAN");
  conflictedName = conflicted.name;
  const seat = await db.panelMember.create({
    data: { tenderId: t.id, userId: conflicted.id, role: "TECHNICIAN", status: "ACCEPTED", invitedById: t.commissioner.id },
  });
  await db.conflictDeclaration.create({
    data: { panelMemberId: seat.id, organisationId: t.organisations.b, hasConflict: true, details: "My aunt works there." },
  });
  // The parties' register numbers, addresses and contact points, as an administrator gives them.
  const admin = await createActor("ADMIN");
  const bidderA = await db.organisation.findUniqueOrThrow({ where: { id: t.organisations.a } });
  await updateOrganisation(admin, bidderA.id, {
    name: bidderA.name,
    kind: "PROVIDER",
    identifierScheme: "GB-CHC",
    identifierId: String(1_000_000 + Math.floor(Math.random() * 8_999_999)),
    streetAddress: "5 Wharf Street",
    locality: "London",
    postalCode: "E14 9SH",
    contactEmail: "partnerships@bidder-a.example.org",
  });
  const buyer = await db.organisation.findUniqueOrThrow({ where: { id: t.commissioner.organisationId! } });
  await updateOrganisation(admin, buyer.id, {
    name: buyer.name,
    kind: "COMMISSIONER",
    streetAddress: "Wellington House, 133-155 Waterloo Road",
    locality: "London",
    postalCode: "SE1 8UG",
    contactName: "Health and Justice Commissioning",
    contactEmail: "hj-commissioning@example.nhs.uk",
  });
  ({ awardDecisionId } = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you for your scores." },
    RECOMMENDED,
  ));
}, 120_000);

describe("the notice of intention to award", () => {
  it("does not exist before the governor approves (the standstill has not started)", async () => {
    await expect(getPsrNotice("intention", awardDecisionId)).rejects.toBeInstanceOf(NotFound);
    expect((await route("intention")).status).toBe(404);
    await expect(getPsrNotice("award", awardDecisionId)).rejects.toBeInstanceOf(NotFound);
  });

  it("from the approval: Schedule 10's content, public, with the approval's audit checkpoint", async () => {
    const decision = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash: decision.contentHash },
      APPROVED,
    );
    const notice = await getPsrNotice("intention", awardDecisionId);
    const bidderA = await db.organisation.findUniqueOrThrow({ where: { id: t.organisations.a } });
    expect(notice.provider.name).toBe(bidderA.name);
    expect(notice.authority.name).toBeTruthy();
    // Whole-life value: A's price for the full 36-month term, with its annual equivalent on the page.
    expect(notice.value).toEqual({ wholeLifePence: "100000000", termMonths: 36 });
    expect(notice.standstill.sentence).toBe(
      "The standstill began on Friday 18 December 2026 and ends at midnight at the end of Monday 4 January 2027.",
    );
    expect(notice.contractPeriod).toEqual({ start: "2027-04-01", end: "2030-03-31" });
    // The reasons against the key criteria: the winner's score per criterion, as in the signed summary (84.00).
    expect(notice.reasons.total).toBe("84.00");
    expect(notice.reasons.criteria.map((c) => [c.weight, c.score, c.points])).toEqual([
      [50, "4.00", "40.00"],
      [30, "4.00", "24.00"],
      [20, "5.00", "20.00"],
    ]);
    // Decision-makers by name and role; the panel by numbers only.
    expect(notice.decisionMakers.sentence).toContain(`Recommended by ${t.commissioner.name}`);
    expect(notice.decisionMakers.sentence).toContain(`approved by ${t.governor.name}, governor of`);
    expect(notice.conflicts).toMatchObject({ commissioners: 0, youngCommissioners: 1 });
    expect(notice.conflicts.statement).toMatch(/^1 young commissioner on the evaluation panel declared a conflict of interest/);
    expect(notice.conflicts.statement).toContain("took no part in scoring this tender");
    expect(notice.representations).toContain("until midnight at the end of Monday 4 January 2027");
    // The parties with their addresses and register numbers; representations go to the authority's contact point.
    expect(notice.authority).toMatchObject({ postalCode: "SE1 8UG", contactEmail: "hj-commissioning@example.nhs.uk" });
    expect(notice.provider).toMatchObject({ identifierScheme: "GB-CHC", postalCode: "E14 9SH" });
    expect(notice.representations).toContain("any other provider writes to hj-commissioning@example.nhs.uk");

    // The checkpoint is the governor's approval event, and it verifies the chain up to it.
    const signOff = await db.signOff.findFirstOrThrow({ where: { awardDecisionId, decision: "APPROVED" } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "SignOff", entityId: signOff.id } });
    expect(notice.checkpoint).toBe(formatCheckpoint({ eventId: event.id, hash: event.hash }));
    const parsed = parseCheckpoint(notice.checkpoint);
    expect(parsed.ok && (await verifyAuditChain(db, { checkpoint: parsed.checkpoint })).ok).toBe(true);

    // The page says it all, and never a young commissioner's name, nor what the panel wrote to bidders, nor the conflict's details.
    const html = renderToStaticMarkup(PsrNoticeView({ notice, dataUrl: "/api/ocds/notices/x/intention" }));
    for (const text of [
      bidderA.name,
      "£1,000,000.00 for the full 36-month term (£333,333.33 a year)",
      notice.checkpoint!,
      "Making representations",
    ])
      expect(html).toContain(text.replace(/'/g, "&#x27;"));
    for (const secret of [...t.technicians.map((p) => p.name), conflictedName, REASONS.a, REASONS.b, "My aunt works there."])
      expect(html).not.toContain(secret);
  });

  it("as data: an OCDS release package in Find a Tender's shape that validates", async () => {
    const response = await route("intention");
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = await response.json();
    expect(validateOcds("release-package-schema", body)).toEqual([]);
    expect(validateOcds("release-schema", body.releases[0])).toEqual([]);
    expect(body.extensions).toContain("https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json");
    const release = body.releases[0];
    expect(release.tag).toEqual(["award"]);
    expect(release.description).toMatch(/^This is a Provider Selection Regime \(PSR\) intention to award notice\./);
    expect(release.tender.legalBasis).toMatchObject({ scheme: "UKSI", id: "2023/1348" });
    expect(release.awards[0]).toMatchObject({
      id: awardDecisionId,
      status: "pending",
      value: { amount: 1000000, currency: "GBP" },
      date: APPROVED.toISOString(),
      standstillPeriod: { startDate: "2026-12-18T00:00:00.000Z", endDate: "2027-01-04T23:59:59.999Z" },
    });
    expect(release.tender.documents[0]).toMatchObject({ documentType: "awardNotice", noticeType: "PSR intention to award notice" });
    const supplier = release.parties.find((p: { roles: string[] }) => p.roles.includes("supplier"));
    expect(supplier.identifier).toMatchObject({ scheme: "GB-CHC", id: expect.stringMatching(/^\d{7}$/) });
    expect(supplier.address).toEqual({
      streetAddress: "5 Wharf Street",
      locality: "London",
      postalCode: "E14 9SH",
      countryName: "United Kingdom",
    });
    expect(supplier.contactPoint).toEqual({ email: "partnerships@bidder-a.example.org" });
    const buyerParty = release.parties.find((p: { roles: string[] }) => p.roles.includes("buyer"));
    expect(buyerParty.identifier).toBeUndefined();
    expect(buyerParty.address.postalCode).toBe("SE1 8UG");
    // The feed's award release names the same parties with the same identifiers, and the record still validates.
    const record = await getRecordPackage(ocidFor(t.id));
    expect(validateOcds("record-package-schema", record)).toEqual([]);
    const compiled = record.records[0]!.compiledRelease as { parties: { roles: string[]; identifier?: unknown; address?: unknown }[] };
    const feedSupplier = compiled.parties.find((p) => p.roles.includes("supplier"))!;
    expect(feedSupplier.identifier).toEqual(supplier.identifier);
    expect(compiled.parties.find((p) => p.roles.includes("buyer"))!.address).toEqual(buyerParty.address);
    const text = JSON.stringify(body);
    for (const secret of [...t.technicians.map((p) => p.name), conflictedName, REASONS.a, "My aunt works there."])
      expect(text).not.toContain(secret);
    // An unknown kind or a malformed id is a 404, not a 500.
    expect((await route("draft")).status).toBe(404);
    expect((await route("intention", "not-an-id")).status).toBe(404);
  });

  it("the outcome letters add the winner's scores per criterion, who decided, the conflicts and the checkpoint", async () => {
    const letter = await getOutcomeLetter(t.commissioner, awardDecisionId, t.bids.b);
    expect(letter.successful).toBe(false);
    expect(letter.winnerCriteria.map((c) => c.points)).toEqual(["40.00", "24.00", "20.00"]);
    expect(letter.criteria.map((c) => c.weightedPoints)).toEqual(["30.00", "18.00", "16.00"]);
    expect(letter.decisionMakers).toContain(t.governor.name);
    expect(letter.conflicts).toContain("1 young commissioner");
    const notice = await getPsrNotice("intention", awardDecisionId);
    expect(letter.checkpoint).toBe(notice.checkpoint);
    const html = renderToStaticMarkup(OutcomeLetterView({ letter }));
    expect(html).toContain("Successful bid&#x27;s points");
    expect(html).toContain(letter.checkpoint!);
    expect(html).toContain(`/notices/${awardDecisionId}/intention`);
  });

  it("the governor's sign-off record carries its audit checkpoint", async () => {
    const request = await getAwardSignOff(t.governor, awardDecisionId);
    const approval = request.signOffs.find((s) => s.decision === "APPROVED")!;
    const notice = await getPsrNotice("intention", awardDecisionId);
    expect(approval.checkpoint).toBe(notice.checkpoint);
  });
});

describe("the notice of confirmation of award", () => {
  it("exists once the contract is awarded, with the contract's dates and value and the award event's checkpoint", async () => {
    await expect(getPsrNotice("award", awardDecisionId)).rejects.toBeInstanceOf(NotFound);
    const { standstillEndsAt } = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    await confirmAward(t.commissioner, t.id, new Date(standstillEndsAt!.getTime() + 1));
    const notice = await getPsrNotice("award", awardDecisionId);
    const contract = await db.contract.findUniqueOrThrow({ where: { awardDecisionId } });
    expect(notice.contractId).toBe(contract.id);
    expect(notice.value).toEqual({ wholeLifePence: contract.valuePence.toString(), termMonths: 36 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "award.confirmed", entityId: contract.id } });
    expect(notice.checkpoint).toBe(`${event.id}:${event.hash}`);
    expect(notice.statement).toMatch(/^This is a Provider Selection Regime \(PSR\) confirmation of contract award notice\./);

    const body = noticeReleasePackage(notice);
    expect(validateOcds("release-package-schema", body)).toEqual([]);
    const release = body.releases[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(release.tag).toEqual(["award", "contract"]);
    expect(release.awards[0].status).toBe("active");
    expect(release.contracts[0]).toMatchObject({ id: contract.id, awardID: awardDecisionId, status: "active" });
    expect(release.tender.documents[0]).toMatchObject({ documentType: "contractNotice" });
    // The feed names the notices and the letters as documents (OCDS documentType codelist); the letters are not published.
    const record = await getRecordPackage(ocidFor(t.id));
    expect(validateOcds("record-package-schema", record)).toEqual([]);
    const compiled = record.records[0]!.compiledRelease as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const docs = compiled.awards[0].documents as { documentType: string; url?: string }[];
    expect(docs.map((d) => d.documentType)).toEqual(["awardNotice", "evaluationReports"]);
    expect(new URL(docs[0]!.url!).pathname).toBe(`/notices/${awardDecisionId}/intention`);
    expect(docs[1]!.url).toBeUndefined();
    expect(compiled.contracts[0].documents[0]).toMatchObject({ documentType: "contractNotice" });
    expect(new URL(compiled.contracts[0].documents[0].url).pathname).toBe(`/notices/${awardDecisionId}/award`);
    // The intention notice stays published, and still validates.
    expect(validateOcds("release-package-schema", await (await route("intention")).json())).toEqual([]);
  });
});
