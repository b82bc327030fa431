// The download route for a file sent with a representation
// (src/app/api/representations/attachments/[id]/route.ts), called as each
// reader and as nobody: the bidder who made it and the people who consider it
// get the file; another bidder, an outsider or an unknown id get 404; nobody
// signed in gets 401. The same rules as the bid attachment route.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/representations/attachments/[id]/route";
import { decideAward } from "@/server/awards/decide-award";
import { recommendAward } from "@/server/awards/recommend-award";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { makeRepresentation } from "@/server/representations/make-representation";
import { frozenTender, type FrozenTender } from "../fixtures/award-builders";
import { createActor } from "../fixtures/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getActor: async () => session.actor, requireActor: async () => session.actor }));

const APPROVED = new Date("2026-12-22T10:00:00.000Z");
const DURING = new Date("2027-01-04T10:00:00.000Z");
const PDF = "%PDF-1.4 our staffing plan, page 4";

let t: FrozenTender;
let attachmentId: string;
let bidder: Actor;
let colleague: Actor;
let otherBidder: Actor;

async function providersOf(organisationId: string): Promise<Actor[]> {
  const users = await db.user.findMany({ where: { organisationId }, orderBy: { email: "asc" } });
  return users.map((u) => ({
    id: u.id,
    role: "PROVIDER",
    name: u.name,
    email: u.email,
    organisationId: u.organisationId,
    establishmentIds: [],
  }));
}

beforeAll(async () => {
  t = await frozenTender();
  const { awardDecisionId } = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
    new Date(APPROVED.getTime() - 3_600_000),
  );
  const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
  await decideAward(t.governor, awardDecisionId, { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash }, APPROVED);
  bidder = (await providersOf(t.organisations.b))[0]!;
  otherBidder = (await providersOf(t.organisations.a))[0]!;
  // A second user of the bidding organisation: the representation is the organisation's.
  colleague = await createActor("PROVIDER", { organisationId: t.organisations.b });
  const { representationId } = await makeRepresentation(
    bidder,
    awardDecisionId,
    { text: "The panel misread our staffing plan.", files: [{ filename: "Staffing plan é.pdf", bytes: new TextEncoder().encode(PDF) }] },
    DURING,
  );
  attachmentId = (await db.representationAttachment.findFirstOrThrow({ where: { representationId } })).id;
});

async function download(actor: Actor | null, id = attachmentId): Promise<Response> {
  session.actor = actor;
  return GET(new Request(`http://localhost/api/representations/attachments/${id}`), { params: Promise.resolve({ id }) });
}

describe("downloading a representation's file", () => {
  it("the bidder who made it, a colleague in its organisation, the commissioners running the tender and the governor get the file", async () => {
    for (const [who, actor] of [
      ["bidder", bidder],
      ["colleague", colleague],
      ["commissioner", t.commissioner],
      ["second commissioner", t.commissioner2],
      ["governor", t.governor],
    ] as const) {
      const response = await download(actor);
      expect(response.status, who).toBe(200);
      expect(await response.text(), who).toBe(PDF);
      expect(response.headers.get("content-type"), who).toBe("application/pdf");
      expect(response.headers.get("content-disposition"), who).toBe(
        `attachment; filename="Staffing plan _.pdf"; filename*=UTF-8''Staffing%20plan%20%C3%A9.pdf`,
      );
      expect(response.headers.get("x-content-type-options"), who).toBe("nosniff");
      expect(response.headers.get("cache-control"), who).toBe("private, no-store");
    }
  });

  it("another bidder, an outsider commissioner, another establishment's governor, a young commissioner on the panel and an admin get 404", async () => {
    for (const [who, actor] of [
      ["other bidder", otherBidder],
      ["a provider not bidding", await createActor("PROVIDER")],
      ["commissioner not running the tender", await createActor("COMMISSIONER")],
      ["another establishment's governor", t.otherGovernor],
      ["young commissioner", t.technicians[0]!],
      ["admin", await createActor("ADMIN")],
    ] as const) {
      const response = await download(actor);
      expect(response.status, who).toBe(404);
      const body = await response.text();
      expect(body, who).not.toContain("PDF");
      expect(JSON.parse(body), who).toEqual({ error: "We could not find that file.", code: "NOT_FOUND" });
    }
  });

  it("nobody signed in gets 401 and no file", async () => {
    const response = await download(null);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("PDF");
  });

  it("unknown or malformed ids are 404, even for a reader of the representation", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id", "../bids/attachments/x", ""]) {
      const response = await download(t.commissioner, id);
      expect(response.status, id).toBe(404);
    }
  });
});
