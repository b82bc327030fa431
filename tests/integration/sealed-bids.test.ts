import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { uploadAttachment } from "@/server/bids/attachments";
import { downloadAttachment, getMyBid, listBidsForEvaluation } from "@/server/bids/queries";
import { submitBid } from "@/server/bids/submit-bid";
import { listPublishedClarifications, listQuestionsForCommissioner } from "@/server/clarifications/queries";
import { db } from "@/server/db";
import { declareConflicts } from "@/server/evaluation/declare-conflicts";
import { Forbidden, NotFound } from "@/server/errors";
import { getTenderForCommissioner, listTendersForCommissioner } from "@/server/tenders/queries";
import { openBids } from "@/server/tenders/open-bids";
import { createActor } from "../fixtures/factories";
import { FILES, providerOrganisation, publishedTender, type PublishedTender } from "../fixtures/tender-builders";

// THE SEALING MATRIX. Before the submission deadline nobody but the bidding
// organisation reads any part of a bid: text, price, files, or even whether
// it exists. Every read path × every kind of actor × the clock.

const DEADLINE = new Date("2026-12-18T17:00:00.000Z");
const CLOCK = {
  before: new Date("2026-12-10T09:00:00.000Z"),
  atDeadline: DEADLINE,
  afterDeadline: new Date(DEADLINE.getTime() + 1),
  opened: new Date("2026-12-19T09:00:00.000Z"),
} as const;
type Clock = keyof typeof CLOCK;

const SECRET_TEXT = "Our secret clinical model: nurse-led triage within 2 hours";
const SECRET_PRICE = "987654.32";

let tender: PublishedTender;
let actors: Record<string, Actor>;
let bidA: string;
let fileA: string;

beforeAll(async () => {
  tender = await publishedTender({ deadline: DEADLINE });
  const a = await providerOrganisation("Bidder A");
  const b = await providerOrganisation("Bidder B");
  const otherEstablishment = await publishedTender({ deadline: DEADLINE });
  actors = {
    admin: await createActor("ADMIN"),
    chair: tender.commissioner,
    commissionerNotOnPanel: await createActor("COMMISSIONER"),
    technicianOnPanel: tender.technicians[0]!,
    technicianNotOnPanel: await createActor("TECHNICIAN"),
    governorOfEstablishment: await createActor("GOVERNOR", { establishmentIds: [tender.establishmentId] }),
    governorElsewhere: await createActor("GOVERNOR", { establishmentIds: [otherEstablishment.establishmentId] }),
    providerA: a.users[0],
    providerA2: a.users[1],
    providerB: b.users[0],
    providerWithoutBid: await createActor("PROVIDER"),
  };
  const responses = { [tender.criteria.quality]: SECRET_TEXT, [tender.criteria.secondQuality]: "Working with the youth justice team." };
  fileA = (await uploadAttachment(actors.providerA!, tender.id, { filename: "Secret model.pdf", bytes: FILES.pdf }, CLOCK.before)).id;
  bidA = (await submitBid(actors.providerA!, tender.id, { responses, price: SECRET_PRICE }, CLOCK.before)).bidId;
  await submitBid(
    actors.providerB!,
    tender.id,
    { responses: { ...responses, [tender.criteria.quality]: "B's approach" }, price: "1000" },
    CLOCK.before,
  );
});

/** What each actor may see of bidder A's bid: "own" = the bidding organisation, "panel" = after opening. */
const ACCESS: Record<string, "own" | "panel" | "none"> = {
  admin: "none",
  chair: "panel",
  commissionerNotOnPanel: "none",
  technicianOnPanel: "panel",
  technicianNotOnPanel: "none",
  governorOfEstablishment: "none",
  governorElsewhere: "none",
  providerA: "own",
  providerA2: "own",
  providerB: "none",
  providerWithoutBid: "none",
};

function mayRead(who: string, clock: Clock): boolean {
  const access = ACCESS[who];
  return access === "own" || (access === "panel" && clock === "opened");
}

async function everyReadPath(actor: Actor, clock: Clock) {
  const now = CLOCK[clock];
  const myBid = await getMyBid(actor, tender.id);
  const evaluation = await listBidsForEvaluation(actor, tender.id, now);
  const file = await downloadAttachment(actor, fileA, now).then(
    (f) => f,
    (e: unknown) => e,
  );
  // A commissioner not running the tender is refused its details (what they may read is covered in who-runs-a-tender).
  const tenderView =
    actor.role === "COMMISSIONER"
      ? await getTenderForCommissioner(actor, tender.id, now).catch((e: unknown) => (e instanceof Forbidden ? null : Promise.reject(e)))
      : null;
  const tenderList = actor.role === "COMMISSIONER" ? await listTendersForCommissioner(actor, {}, now) : null;
  const clarifications = await listPublishedClarifications(tender.id);
  const questions = actor.role === "COMMISSIONER" ? await listQuestionsForCommissioner(actor, tender.id) : null;
  return { myBid, evaluation, file, tenderView, tenderList, clarifications, questions };
}

function serialise(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("latin1") : v,
  );
}

describe("sealed bids", () => {
  for (const clock of ["before", "atDeadline", "afterDeadline", "opened"] as const) {
    describe(`clock: ${clock}`, () => {
      beforeAll(async () => {
        if (clock !== "opened") return;
        await openBids(tender.commissioner, tender.id, CLOCK.opened);
        // Panel members see a bidder's files once they have declared no conflict with it.
        const bidders = await db.bid.findMany({ where: { tenderId: tender.id, status: "SUBMITTED" }, select: { organisationId: true } });
        for (const member of [actors.chair!, actors.technicianOnPanel!]) {
          await declareConflicts(
            member,
            tender.id,
            bidders.map((b) => ({ organisationId: b.organisationId, hasConflict: false })),
            CLOCK.opened,
          );
        }
      });

      for (const who of Object.keys(ACCESS)) {
        it(`${who} ${mayRead(who, clock) ? "may" : "may NOT"} read bidder A's bid`, async () => {
          const actor = actors[who]!;
          const seen = await everyReadPath(actor, clock);
          const everything = serialise(seen);
          if (mayRead(who, clock)) {
            expect(everything).toContain(SECRET_TEXT);
            expect(seen.file).not.toBeInstanceOf(Error);
          } else {
            expect(everything).not.toContain(SECRET_TEXT);
            expect(everything).not.toContain("98765432"); // the price in pence
            expect(everything).not.toContain("987,654.32");
            expect(everything).not.toContain("Secret model.pdf");
            expect(everything).not.toContain(bidA);
            expect(seen.file).toBeInstanceOf(NotFound); // not Forbidden: existence is not revealed
            expect(seen.myBid?.id).not.toBe(bidA);
          }
          // Nobody outside the panel ever gets the evaluation list, and before opening nobody at all.
          if (clock !== "opened" || ACCESS[who] !== "panel") expect(seen.evaluation).toEqual([]);
          else expect(seen.evaluation.map((b) => b.organisation.name).sort()).toEqual(["Bidder A", "Bidder B"]);
        });
      }
    });
  }

  it("the audit log and every email outside the organisation hold no bid content", async () => {
    const auditRows = await db.auditEvent.findMany({ where: { tenderId: tender.id } });
    expect(serialise(auditRows)).not.toContain(SECRET_TEXT);
    expect(serialise(auditRows)).not.toContain("98765432");
    const foreignEmails = await db.outboxMessage.findMany({
      where: { to: { notIn: [actors.providerA!.email, actors.providerA2!.email] } },
    });
    expect(serialise(foreignEmails)).not.toContain(SECRET_TEXT);
    expect(serialise(foreignEmails)).not.toContain("987,654.32");
  });

  it("the panel evaluates the submitted version, not later unsent edits", async () => {
    // After opening, the working copy is frozen anyway; here we check the content the panel gets is the snapshot.
    const [a] = (await listBidsForEvaluation(tender.commissioner, tender.id, CLOCK.opened)).filter((b) => b.id === bidA);
    expect(a?.content.responses.find((r) => r.criterionId === tender.criteria.quality)?.text).toBe(SECRET_TEXT);
    expect(a?.content.pricePence).toBe("98765432");
  });
});
