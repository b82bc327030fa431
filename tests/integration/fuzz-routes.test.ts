// The route handlers that take input, fuzzed like the server actions
// (tests/integration/fuzz-actions.test.ts): any id, any query string, any
// role or nobody signed in — a 4xx or a file, never a 5xx.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as ownDataJson } from "@/app/api/account/data.json/route";
import { GET as attachment } from "@/app/api/bids/attachments/[id]/route";
import { GET as claimsCsv } from "@/app/api/time/claims.csv/route";
import type { Actor } from "@/server/auth/actor";
import { uploadAttachment } from "@/server/bids/attachments";
import { createActor } from "../fixtures/factories";
import { BEFORE } from "../fixtures/evaluation-builders";
import { FILES, providerOrganisation, publishedTender } from "../fixtures/tender-builders";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getActor: async () => session.actor, requireActor: async () => session.actor }));

let actors: (Actor | null)[];
let fileId: string;
let cases = 0;

beforeAll(async () => {
  const t = await publishedTender({ deadline: new Date("2026-12-18T17:00:00.000Z") });
  const bidder = await providerOrganisation();
  fileId = (await uploadAttachment(bidder.users[0], t.id, { filename: "Model.pdf", bytes: FILES.pdf }, BEFORE)).id;
  actors = [
    null,
    await createActor("ADMIN"),
    t.commissioner,
    t.technicians[0]!,
    await createActor("GOVERNOR"),
    bidder.users[1],
    await createActor("PROVIDER"),
  ];
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

const anyText = () =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.uuid(),
    fc.constantFrom("-".repeat(36), "..%2F..%2Fetc", "é".repeat(40), "x".repeat(20_000)),
  );

describe("fuzzing the route handlers", () => {
  it("never answer 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 6 }), fc.oneof(anyText(), fc.constant("FILE")), anyText(), async (who, id, query) => {
        session.actor = actors[who] ?? null;
        const file = await attachment(new Request("http://localhost/api/bids/attachments/x"), {
          params: Promise.resolve({ id: id === "FILE" ? fileId : id }),
        });
        const csv = await claimsCsv(new Request(`http://localhost/api/time/claims.csv?unpaid=${encodeURIComponent(query)}`));
        const json = await ownDataJson();
        cases += 3;
        expect([file.status < 500, csv.status < 500, json.status < 500]).toEqual([true, true, true]);
        // Only a young commissioner downloads their own data.
        if (json.status === 200) expect(session.actor?.role).toBe("TECHNICIAN");
        // Only the bidding organisation gets the sealed file.
        if (id === "FILE" && file.status === 200) expect(session.actor?.organisationId).toBe(actors[5]!.organisationId);
      }),
      { numRuns: 60 },
    );
    console.info(`3 route handlers × ${cases / 3} cases, 0 server errors`);
  });
});
