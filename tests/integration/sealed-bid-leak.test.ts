// Finding 1 of issue 10: before the bids are opened, no part of a bid — price,
// answers, attachment names, even which organisations bid — is stored where
// anyone but the bidder can read it: outbox emails (which admins read),
// notifications, audit details, log lines, or the admin's outbox page.
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import OutboxPage from "@/app/(portal)/admin/outbox/page";
import type { Actor } from "@/server/auth/actor";
import { removeAttachment, uploadAttachment } from "@/server/bids/attachments";
import { saveBidDraft } from "@/server/bids/save-bid";
import { submitBid } from "@/server/bids/submit-bid";
import { withdrawBid } from "@/server/bids/withdraw-bid";
import { db } from "@/server/db";
import { countOutbox, listOutbox } from "@/server/notifications/queries";
import { cancelTender } from "@/server/tenders/cancel-tender";
import { openBids } from "@/server/tenders/open-bids";
import { createActor, createOrganisation } from "../fixtures/factories";
import { FILES, publishedTender, type PublishedTender } from "../fixtures/tender-builders";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ requireActor: async () => session.actor, getActor: async () => session.actor }));

const DEADLINE = new Date("2026-12-18T17:00:00.000Z");
const BEFORE = new Date("2026-12-01T10:00:00.000Z");
const OPENED = new Date("2026-12-19T09:00:00.000Z");

const ORGANISATION = "Quillfeather Secret Health CIC";
const ANSWER = "Trauma-informed nursing with a named keyworker on every wing";
const REVISED_ANSWER = "Revised plan: speech and language therapists embedded in education";
const FILE = "Quillfeather clinical model.pdf";
// Each test's bidder has its own name and email domain, so a tender opened in
// one test (whose receipts admins may then read) does not trip the next.
const secrets = () => [
  organisationName,
  emailDomain,
  ANSWER,
  REVISED_ANSWER,
  FILE,
  "Quillfeather staffing.pdf",
  // The price and the revised price, as typed, as shown in pounds and in pence.
  "987654.32",
  "987,654.32",
  "98765432",
  "876543.21",
  "876,543.21",
  "87654321",
];

let tender: PublishedTender;
let bidders: Actor[];
let logged: string[];
let organisationName: string;
let emailDomain: string;

beforeEach(async () => {
  tender = await publishedTender({ deadline: DEADLINE });
  const suffix = tender.id.slice(0, 6);
  organisationName = `${ORGANISATION} ${suffix}`;
  emailDomain = `quillfeather-${suffix}.example`;
  const organisation = await createOrganisation("PROVIDER", organisationName);
  bidders = [
    await createActor("PROVIDER", { organisationId: organisation.id, email: `bids@${emailDomain}`, name: "Bid Writer" }),
    await createActor("PROVIDER", { organisationId: organisation.id, email: `ceo@${emailDomain}`, name: "Chief Executive" }),
  ];
  logged = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
});

afterEach(() => vi.restoreAllMocks());

const answers = (text: string) => ({ [tender.criteria.quality]: text, [tender.criteria.secondQuality]: "Weekly joint meetings." });

/** Everything a non-bidder could read: stored email text, notifications of others, audit details, logs and the admin outbox page. */
async function whatOthersCanRead(): Promise<string> {
  const bidderIds = bidders.map((b) => b.id);
  const outbox = await db.outboxMessage.findMany();
  const notifications = await db.notification.findMany({ where: { userId: { notIn: bidderIds } } });
  const audit = await db.auditEvent.findMany();
  session.actor = await createActor("ADMIN");
  const page = renderToStaticMarkup(await OutboxPage({ searchParams: Promise.resolve({}) }));
  return [
    ...outbox.map((m) => [m.subject, m.text, m.html ?? "", m.lastError ?? ""].join("\n")),
    ...notifications.map((n) => `${n.title}\n${n.body}`),
    ...audit.map((a) => JSON.stringify([a.before, a.after])),
    ...logged,
    page,
  ].join("\n");
}

function expectNoSecrets(text: string) {
  for (const secret of secrets())
    expect(text.includes(secret) ? text.slice(text.indexOf(secret) - 200, text.indexOf(secret) + 50) : "", `found "${secret}"`).toBe("");
}

describe("a sealed bid leaks nowhere before the bids are opened", () => {
  it("after upload, draft, submit, revise, remove a file and withdraw", async () => {
    const [writer, ceo] = bidders as [Actor, Actor];
    await uploadAttachment(writer, tender.id, { filename: FILE, bytes: FILES.pdf }, BEFORE);
    const extra = await uploadAttachment(ceo, tender.id, { filename: "Quillfeather staffing.pdf", bytes: FILES.pdf }, BEFORE);
    await saveBidDraft(writer, tender.id, { responses: answers(ANSWER), price: "987654.32" }, BEFORE);
    const first = await submitBid(writer, tender.id, { responses: answers(ANSWER), price: "987654.32" }, BEFORE);
    await removeAttachment(ceo, tender.id, extra.id, BEFORE);
    await submitBid(ceo, tender.id, { responses: answers(REVISED_ANSWER), price: "876543.21" }, BEFORE);
    await withdrawBid(ceo, tender.id, BEFORE);
    await submitBid(writer, tender.id, { responses: answers(REVISED_ANSWER), price: "876543.21" }, BEFORE);

    expectNoSecrets(await whatOthersCanRead());

    // The bidders still get their receipt: received, the hash, and a link to the bid.
    const receipts = await db.outboxMessage.findMany({
      where: { template: "bid-receipt", to: writer.email },
      orderBy: { createdAt: "asc" },
    });
    expect(receipts).toHaveLength(3);
    expect(receipts[0]!.text).toContain(`Receipt hash (SHA-256 of the content): ${first.contentHash}`);
    expect(receipts[0]!.text).toContain(`/opportunities/${tender.id}/bid`);
    expect(receipts[0]!.text).toMatch(/was received/);
  });

  it("the admin outbox does not show that a receipt was queued, nor when, until the bids are opened", async () => {
    session.actor = await createActor("ADMIN");
    const empty = renderToStaticMarkup(await OutboxPage({ searchParams: Promise.resolve({}) }));
    const countBefore = await countOutbox(session.actor);
    const listBefore = await listOutbox(session.actor);
    await submitBid(bidders[0]!, tender.id, { responses: answers(ANSWER), price: "987654.32" }, BEFORE);
    expect(await db.outboxMessage.count({ where: { template: "bid-receipt", to: bidders[0]!.email } })).toBe(1);
    const before = renderToStaticMarkup(await OutboxPage({ searchParams: Promise.resolve({}) }));
    // The page reads as it did before the bid: no "Bid received" row, no hidden row, no time, no higher count.
    expect(before).toBe(empty);
    expect(before).not.toContain("Bid received");
    expect(await countOutbox(session.actor)).toBe(countBefore);
    expect((await listOutbox(session.actor)).map((m) => m.id)).toEqual(listBefore.map((m) => m.id));

    await openBids(tender.commissioner, tender.id, OPENED);
    const after = renderToStaticMarkup(await OutboxPage({ searchParams: Promise.resolve({}) }));
    expect(after).toContain(`Bid received: `);
    expect(after).toContain(bidders[0]!.email);
    expect(await countOutbox(session.actor)).toBeGreaterThan(countBefore);
  });

  it("a cancellation sent to the bidders does not tell the admin who bid", async () => {
    await submitBid(bidders[0]!, tender.id, { responses: answers(ANSWER), price: "987654.32" }, BEFORE);
    await cancelTender(tender.commissioner, tender.id, { reason: "Funding withdrawn" }, BEFORE);
    const cancellations = await db.outboxMessage.findMany({ where: { template: "tender-cancelled" } });
    expect(cancellations.map((m) => m.to).sort()).toEqual(bidders.map((b) => b.email).sort());
    expectNoSecrets(await whatOthersCanRead());
  });
});
