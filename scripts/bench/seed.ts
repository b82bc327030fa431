// The bench's large data set, made by a seeded random generator so every run
// measures the same rows: 12 establishments, 500 tenders across every
// lifecycle state, one big tender (50 bids × 10 criteria × 12 panel members,
// with revisions), 20,000 time entries, 200,000 audit events and 5,000 outbox
// messages. Rows go in as multi-row INSERTs (json_populate_recordset), and the
// biggest tables straight from generate_series, so seeding takes seconds.
import type { Client } from "pg";
import type { ChainedFields as AuditFields } from "../../src/server/audit-trail/chain";

export const BENCH_PASSWORD = "bench password 2026";
/** Change it whenever the rows change shape: a bench database seeded by an older version is then seeded again. */
export const SEED_VERSION = "bench-seed-5";

export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(next() * 4)]!;
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, uuid };
}

type Row = Record<string, unknown>;

/** Multi-row insert: one statement per 2,000 rows; columns not given take their defaults. */
export async function insert(client: Client, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const list = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const json = JSON.stringify(chunk, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    await client.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(null::"${table}", $1::json)`, [json]);
  }
}

const ESTABLISHMENTS = [
  ["HMYOI Feltham", "FEL", "YOUNG_OFFENDER_INSTITUTION", "London"],
  ["HMYOI Cookham Wood", "CKW", "YOUNG_OFFENDER_INSTITUTION", "South East"],
  ["HMYOI Werrington", "WER", "YOUNG_OFFENDER_INSTITUTION", "Midlands"],
  ["HMYOI Wetherby", "WET", "YOUNG_OFFENDER_INSTITUTION", "North East"],
  ["HMP & YOI Parc", "PRC", "YOUNG_OFFENDER_INSTITUTION", "Wales"],
  ["Oakhill Secure Training Centre", "OAK", "SECURE_TRAINING_CENTRE", "East of England"],
  ["Aldine House Secure Children's Home", "ALD", "SECURE_CHILDRENS_HOME", "North East"],
  ["Clayfields House", "CLA", "SECURE_CHILDRENS_HOME", "Midlands"],
  ["Adel Beck", "ADB", "SECURE_CHILDRENS_HOME", "North East"],
  ["Barton Moss", "BAM", "SECURE_CHILDRENS_HOME", "North West"],
  ["Lincolnshire Secure Unit", "LSU", "SECURE_CHILDRENS_HOME", "Midlands"],
  ["Oasis Restore Secure School", "ORS", "SECURE_SCHOOL", "South East"],
] as const;

const WORDS =
  "health wellbeing care mental physical young people custody clinical support team plan service nurse assessment trauma informed family substance safeguarding education liaison therapy access night weekend cover staff training outcome review".split(
    " ",
  );

type TenderState =
  "DRAFT" | "PUBLISHED" | "CLOSED" | "EVALUATION" | "MODERATION" | "AWARD_PENDING_SIGNOFF" | "STANDSTILL" | "AWARDED" | "CANCELLED";
const STATE_COUNTS: [TenderState, number][] = [
  ["DRAFT", 80],
  ["PUBLISHED", 80],
  ["CLOSED", 40],
  ["EVALUATION", 60],
  ["MODERATION", 50],
  ["AWARD_PENDING_SIGNOFF", 29],
  ["STANDSTILL", 30],
  ["AWARDED", 91],
  ["CANCELLED", 40],
]; // + the big tender = 500

export interface SeededIds {
  users: { email: string; id: string; role: string; name: string; organisationId: string | null; establishmentIds: string[] }[];
  bigTenderId: string;
  bigBidIds: string[];
  openTenderId: string;
  providerBidTenderId: string;
  /** Tenders to take through freeze → recommend (→ sign-off → award) with the real use cases; the big tender first. */
  toAward: { id: string; target: string; chair: string; governor: string }[];
}

export async function seedBench(
  client: Client,
  opts: { passwordHash: string; consentVersion: string; now: Date; auditHash: (event: AuditFields) => string },
): Promise<SeededIds> {
  const r = random(20261125);
  const now = opts.now;
  const day = 86_400_000;
  const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
  const sentence = (words: number) => {
    const w = Array.from({ length: words }, () => r.pick(WORDS));
    return `${w.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const text = (sentences: number) => Array.from({ length: sentences }, () => sentence(r.int(8, 16))).join(" ");

  // People and places
  const commissionerOrg = { id: r.uuid(), name: "NHS England Health and Justice (bench)", kind: "COMMISSIONER", region: "England" };
  const providerOrgs = Array.from({ length: 60 }, (_, i) => ({
    id: r.uuid(),
    name: `${r.pick(["Northgate", "Harbour", "Brightwell", "Riverside", "Oakfield", "Meadow", "Castle", "Summit"])} ${r.pick(["Youth", "Community", "Children's", "Integrated"])} Health ${String(i + 1).padStart(2, "0")} Ltd`,
    kind: "PROVIDER",
    region: "England",
  }));
  await insert(client, "Organisation", [commissionerOrg, ...providerOrgs]);
  const establishments = ESTABLISHMENTS.map(([name, code, type, region]) => ({ id: r.uuid(), name, code, type, region }));
  await insert(client, "Establishment", establishments);

  const users: SeededIds["users"] = [];
  const userRows: Row[] = [];
  const addUser = (email: string, name: string, role: string, organisationId: string | null, establishmentIds: string[] = []) => {
    const id = r.uuid();
    users.push({ email, id, role, name, organisationId, establishmentIds });
    userRows.push({ id, email, name, role, passwordHash: opts.passwordHash, organisationId, updatedAt: now.toISOString() });
    return id;
  };
  addUser("admin@bench.test", "Bench Admin", "ADMIN", null);
  const commissioners = Array.from({ length: 6 }, (_, i) =>
    addUser(`commissioner${i + 1}@bench.test`, `Commissioner ${i + 1}`, "COMMISSIONER", commissionerOrg.id),
  );
  const technicians = Array.from({ length: 20 }, (_, i) => addUser(`technician${i + 1}@bench.test`, `Tech ${i + 1}`, "TECHNICIAN", null));
  const governors = establishments.map((e, i) => addUser(`governor${i + 1}@bench.test`, `Governor ${i + 1}`, "GOVERNOR", null, [e.id]));
  const providers = providerOrgs.map((o, i) => addUser(`provider${i + 1}@bench.test`, `Provider user ${i + 1}`, "PROVIDER", o.id));
  await insert(client, "User", userRows);
  await insert(
    client,
    "GovernorEstablishment",
    governors.map((userId, i) => ({ userId, establishmentId: establishments[i]!.id })),
  );
  await insert(
    client,
    "TechnicianConsent",
    technicians.map((userId) => ({ id: r.uuid(), userId, textVersion: opts.consentVersion, acceptedAt: at(-400) })),
  );

  // Tenders
  const tenders: Row[] = [];
  const criteria: Row[] = [];
  const panel: Row[] = [];
  const bids: Row[] = [];
  const versions: Row[] = [];
  const responses: Row[] = [];
  const declarations: Row[] = [];
  const scores: Row[] = [];
  const revisions: Row[] = [];
  const panelsOf = new Map<string, string[]>(technicians.map((t) => [t, []]));
  const tenderMeta: { id: string; state: TenderState; establishmentId: string; chair: string; rate: number }[] = [];
  const toAward: SeededIds["toAward"] = [];

  const states: TenderState[] = ["AWARD_PENDING_SIGNOFF", ...STATE_COUNTS.flatMap(([s, n]) => Array<TenderState>(n).fill(s))];
  let bigTenderId = "";
  let bigBidIds: string[] = [];
  let openTenderId = "";
  let providerBidTenderId = "";
  states.forEach((state, index) => {
    const big = index === 0;
    const id = r.uuid();
    const establishment = big ? establishments[0]! : establishments[index % 12]!;
    const chair = big ? commissioners[0]! : commissioners[index % 6]!;
    const rate = 1500 + 50 * (index % 5);
    // Award states are reached through the real use cases afterwards (frozen
    // ranking, hashed summary, governor's sign-off, contract): stored as MODERATION here.
    const awardState = state === "AWARD_PENDING_SIGNOFF" || state === "STANDSTILL" || state === "AWARDED";
    const stored = state === "CLOSED" ? "PUBLISHED" : awardState ? "MODERATION" : state;
    const deadlinePast = !["DRAFT", "PUBLISHED"].includes(state);
    const opened = ["EVALUATION", "MODERATION", "AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"].includes(state);
    const cancelled = state === "CANCELLED";
    tenders.push({
      id,
      reference: big ? "BENCH-BIG" : `BENCH-${String(index).padStart(4, "0")}`,
      title: big
        ? "Integrated health services for HMYOI Feltham (bench: 50 bids)"
        : `${establishment.name}: ${r.pick(["mental health", "substance misuse", "primary care", "dental", "speech and language", "physical health"])} services ${2026 + (index % 4)}`,
      summary: text(2),
      description: text(6),
      establishmentId: establishment.id,
      estimatedValuePence: String(r.int(500_000, 20_000_000) * 100),
      contractStartDate: at(deadlinePast ? 60 : 180).slice(0, 10),
      contractTermMonths: 36,
      aggregationRule: index % 3 === 0 ? "PANEL_PARITY" : "EQUAL_VOTES",
      technicianHourlyRatePence: rate,
      clarificationDeadline: at(deadlinePast ? -90 : 20),
      submissionDeadline: at(deadlinePast ? -80 : 30),
      status: stored,
      publishedAt: state === "DRAFT" ? null : at(-120),
      bidsOpenedAt: opened ? at(-79) : null,
      cancelledAt: cancelled ? at(-10) : null,
      cancelReason: cancelled ? "The service is now commissioned nationally." : null,
      createdById: chair,
      createdAt: at(-150 + (index % 100)),
      updatedAt: at(-5),
    });
    tenderMeta.push({ id, state, establishmentId: establishment.id, chair, rate });
    if (awardState) toAward.push({ id, target: state, chair, governor: governors[establishments.indexOf(establishment)]! });
    if (big) bigTenderId = id;
    if (state === "PUBLISHED" && !openTenderId) openTenderId = id;

    // Criteria: the big tender has 9 quality criteria and price (10); others 3 + price.
    const qualityCount = big ? 9 : 3;
    const quality = Array.from({ length: qualityCount }, (_, c) => ({
      id: r.uuid(),
      position: c + 1,
      weight: big ? 10 : [40, 20, 20][c]!,
    }));
    const price = { id: r.uuid(), position: qualityCount + 1, weight: big ? 10 : 20 };
    for (const q of quality)
      criteria.push({
        id: q.id,
        tenderId: id,
        position: q.position,
        name: `${r.pick(["Quality", "Safeguarding", "Involving young people", "Staffing", "Continuity", "Outcomes", "Partnership", "Access", "Transition"])} ${q.position}`,
        description: text(2),
        plainLanguageDescription: sentence(10),
        weight: q.weight,
        kind: "QUALITY",
        updatedAt: now.toISOString(),
      });
    criteria.push({
      id: price.id,
      tenderId: id,
      position: price.position,
      name: "Price",
      description: "Lowest compliant price scores 5.",
      plainLanguageDescription: "Cheaper bids score higher.",
      weight: price.weight,
      kind: "PRICE",
      updatedAt: now.toISOString(),
    });

    // Panel: the chair, other commissioners, young commissioners A, B, …
    const commissionerSeats = big ? commissioners.slice(0, 4) : [chair, commissioners[(index + 1) % 6]!];
    const technicianSeats = big ? technicians.slice(0, 8) : [technicians[index % 20]!, technicians[(index + 7) % 20]!];
    const evaluated =
      ["MODERATION", "AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"].includes(state) || (state === "EVALUATION" && index % 2 === 0);
    const seats = [
      ...commissionerSeats.map((userId, i) => ({
        id: r.uuid(),
        userId,
        role: "COMMISSIONER",
        isChair: i === 0,
        anonymousLabel: null as string | null,
      })),
      ...technicianSeats.map((userId, i) => ({ id: r.uuid(), userId, role: "TECHNICIAN", isChair: false, anonymousLabel: "ABCDEFGH"[i]! })),
    ];
    for (const s of seats) {
      panel.push({
        ...s,
        tenderId: id,
        status: "ACCEPTED",
        invitedById: chair,
        invitedAt: at(-140),
        respondedAt: at(-139),
        scoresSubmittedAt: evaluated ? at(-40) : null,
      });
      if (s.role === "TECHNICIAN") panelsOf.get(s.userId)!.push(id);
    }

    // Bids (sealed until the deadline; drafts have none)
    if (state === "DRAFT") return;
    const bidCount = big ? 50 : 3;
    const bidders = big
      ? providerOrgs.slice(0, 50)
      : Array.from(new Set(Array.from({ length: 6 }, () => r.pick(providerOrgs)))).slice(0, 3);
    if (!big && bidders.length < 3) return;
    const tenderBidIds: string[] = [];
    for (let b = 0; b < bidCount; b++) {
      const org = bidders[b]!;
      const bidId = r.uuid();
      tenderBidIds.push(bidId);
      const pricePence = String(r.int(400_000, 2_000_000) * 100);
      const responseTexts = quality.map((q) => ({ criterionId: q.id, text: text(big ? 12 : 5) }));
      const content = { tenderId: id, organisationId: org.id, responses: responseTexts, pricePence, attachments: [] };
      const providerUser = providers[providerOrgs.indexOf(org)]!;
      bids.push({
        id: bidId,
        tenderId: id,
        organisationId: org.id,
        status: "SUBMITTED",
        pricePence,
        submittedAt: at(-85),
        contentHash: r.uuid().replaceAll("-", "").repeat(2),
        createdById: providerUser,
        updatedAt: at(-85),
      });
      versions.push({
        id: r.uuid(),
        bidId,
        version: 1,
        content,
        contentHash: r.uuid().replaceAll("-", "").repeat(2),
        submittedById: providerUser,
        submittedAt: at(-85),
      });
      for (const t of responseTexts) responses.push({ id: r.uuid(), bidId, criterionId: t.criterionId, text: t.text, updatedAt: at(-85) });
      if (state === "PUBLISHED" && !providerBidTenderId && providerOrgs.indexOf(org) === 0) providerBidTenderId = id;
      if (!opened) continue;
      for (const s of seats)
        declarations.push({ id: r.uuid(), panelMemberId: s.id, organisationId: org.id, hasConflict: false, declaredAt: at(-70) });
      if (!evaluated) continue;
      for (const s of seats)
        for (const q of quality) {
          const scoreId = r.uuid();
          const value = r.int(1, 5);
          scores.push({
            id: scoreId,
            panelMemberId: s.id,
            bidId,
            criterionId: q.id,
            score: value,
            reason: sentence(r.int(10, 20)),
            status: "SUBMITTED",
            submittedAt: at(-45),
            updatedAt: at(-45),
          });
          if (big && r.next() < 0.1) {
            const previous = value === 5 ? 3 : value + 1;
            revisions.push({
              id: r.uuid(),
              scoreId,
              previousScore: previous,
              previousReason: sentence(12),
              newScore: value,
              newReason: sentence(12),
              revisionReason: "We talked it through in the meeting.",
              revisedById: s.userId,
              revisedAt: at(-30),
            });
          }
        }
    }
    if (big) bigBidIds = tenderBidIds;
  });

  await insert(client, "Tender", tenders);
  await insert(client, "Criterion", criteria);
  await insert(client, "PanelMember", panel);
  await insert(client, "Bid", bids);
  await insert(client, "BidVersion", versions);
  await insert(client, "BidResponse", responses);
  await insert(client, "ConflictDeclaration", declarations);
  await insert(client, "Score", scores);
  await insert(client, "ScoreRevision", revisions);

  // Paid time: 20,000 entries over two years, on the technicians' own panels.
  const entries: Row[] = [];
  const rateOf = new Map(tenderMeta.map((t) => [t.id, t.rate]));
  const chairOf = new Map(tenderMeta.map((t) => [t.id, t.chair]));
  for (let i = 0; i < 20_000; i++) {
    const technicianId = technicians[i % 20]!;
    const tenderId = r.pick(panelsOf.get(technicianId)!);
    const minutes = r.int(2, 16) * 15;
    const roll = r.next();
    const status = roll < 0.3 ? "PENDING" : roll < 0.6 ? "APPROVED" : roll < 0.65 ? "RETURNED" : "PAID";
    const reviewed = status !== "PENDING";
    const priced = status === "APPROVED" || status === "PAID";
    const rate = rateOf.get(tenderId)!;
    entries.push({
      id: r.uuid(),
      technicianId,
      tenderId,
      workedOn: at(-r.int(1, 730)).slice(0, 10),
      minutes,
      activity: r.pick(["TRAINING", "READING_BIDS", "SCORING", "MODERATION_MEETING", "OTHER"]),
      note: r.next() < 0.3 ? sentence(8) : null,
      status,
      reviewedById: reviewed ? chairOf.get(tenderId)! : null,
      reviewedAt: reviewed ? at(-r.int(1, 300)) : null,
      reviewNote: status === "RETURNED" ? "Please split this into two sessions." : null,
      hourlyRatePence: priced ? rate : null,
      amountPence: priced ? Math.round((rate * minutes) / 60) : null,
      paidAt: status === "PAID" ? at(-r.int(1, 200)) : null,
      createdAt: at(-r.int(1, 730)),
      updatedAt: at(-1),
    });
  }
  await insert(client, "TimeEntry", entries);

  // 200,000 audit events; 5,000 outbox messages generated in PostgreSQL.
  // The audit log is a hash chain (src/server/audit-trail/chain.ts): each
  // event's hash covers its content and the previous hash, so the 200,000
  // events are built here in id order and the chain head is moved to the end.
  const actions = [
    "tender.updated",
    "tender.published",
    "bid.submitted",
    "evaluation.score_submitted",
    "moderation.score_revised",
    "time.logged",
    "time.approved",
    "award.recommended",
    "agreement.signed",
    "panel.member_invited",
  ];
  const actorIds = [...commissioners, ...technicians, ...governors];
  const head = await client.query<{ lastEventId: string | null; hash: string | null }>(
    `SELECT "lastEventId"::text AS "lastEventId", hash FROM "AuditChainHead" WHERE id = 1`,
  );
  let prevHash = head.rows[0]?.hash ?? null;
  let nextId = BigInt(head.rows[0]?.lastEventId ?? "0") + 1n;
  const events: Row[] = [];
  const start = now.getTime() - 200_000 * 300_000;
  for (let g = 1; g <= 200_000; g++) {
    const t = tenderMeta[(g * 31) % tenderMeta.length]!;
    const actorIndex = (g * 7) % actorIds.length;
    const event = {
      id: nextId++,
      at: new Date(start + g * 300_000),
      actorId: actorIds[actorIndex]!,
      actorRole: actorIndex < 6 ? "COMMISSIONER" : actorIndex < 26 ? "TECHNICIAN" : "GOVERNOR",
      action: actions[g % actions.length]!,
      entityType: "Tender",
      entityId: t.id,
      tenderId: t.id,
      establishmentId: t.establishmentId,
      before: { status: "DRAFT", version: g % 9 },
      after: { status: "PUBLISHED", version: (g % 9) + 1 },
      prevHash,
    };
    const hash = opts.auditHash(event);
    events.push({ ...event, id: event.id.toString(), at: event.at.toISOString(), hash });
    prevHash = hash;
  }
  await insert(client, "AuditEvent", events);
  await client.query(`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), $1::bigint)`, [(nextId - 1n).toString()]);
  await client.query(`UPDATE "AuditChainHead" SET "lastEventId" = $1::bigint, hash = $2, "updatedAt" = now() WHERE id = 1`, [
    (nextId - 1n).toString(),
    prevHash,
  ]);
  await client.query(
    `INSERT INTO "OutboxMessage" ("to", subject, text, template, status, attempts, "lastError", "nextAttemptAt", "sentAt", "createdAt")
     SELECT 'person' || (g % 98) || '@bench.test', 'Update on tender BENCH-' || lpad((g % 500)::text, 4, '0'),
            repeat('Hello, there is news about a tender you are part of. ', 8),
            (ARRAY['panel-invitation','deadline-reminder','moderation-started','award-signoff-request','outcome-letter'])[1 + g % 5],
            (CASE WHEN g % 20 = 0 THEN 'FAILED' WHEN g % 10 = 1 THEN 'PENDING' ELSE 'SENT' END)::"OutboxStatus",
            CASE WHEN g % 20 = 0 THEN 8 ELSE 1 END,
            CASE WHEN g % 20 = 0 THEN 'connect ECONNREFUSED 127.0.0.1:25' ELSE NULL END,
            $1::timestamptz - make_interval(secs => g * 600),
            CASE WHEN g % 10 > 1 THEN $1::timestamptz - make_interval(secs => g * 600) ELSE NULL END,
            $1::timestamptz - make_interval(secs => g * 600)
     FROM generate_series(1, 5000) AS g`,
    [now.toISOString()],
  );
  return { users, bigTenderId, bigBidIds, openTenderId, providerBidTenderId, toAward };
}
