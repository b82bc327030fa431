import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { Forbidden, NotFound } from "../errors";
import type { Paging } from "@/domain/paging";
import { isId } from "../ids";
import { can, tenderRelationsSelect } from "../policy";
import { ROLE_LABELS } from "@/domain/roles";
import { actionLabel, kindLabel, kindOf } from "./labels";

// Reads of the audit log for people. Three rules live here, before anything
// reaches a page or a CSV: sealed bids (who bid and anything about a bid stays
// hidden until the bids are opened, from everyone), blind scoring (scores in
// the log stay hidden until moderation starts), and young commissioners'
// anonymity ("Young commissioner A" to everyone but the chair and admins).

export interface AuditRow {
  id: string;
  at: Date;
  who: string;
  role: string;
  what: string;
  kind: string;
  details: string;
  tender: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  kinds: { kind: string; label: string }[];
}

const SCORES_VISIBLE = new Set(["MODERATION", "AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"]);
const PERSONAL_KEYS = new Set(["userId", "email", "technicianId", "askedById", "signerId"]);
const KIND_PATTERN = /^[a-z_]{1,40}$/;

const eventSelect = {
  id: true,
  at: true,
  actorId: true,
  actorRole: true,
  action: true,
  before: true,
  after: true,
  tenderId: true,
  actor: { select: { name: true, organisation: { select: { name: true } } } },
} satisfies Prisma.AuditEventSelect;
type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

interface TenderContext {
  reference: string;
  status: string;
  bidsOpened: boolean;
  /** userId → "A", "B", … for the tender's young commissioners. */
  labels: Map<string, string | null>;
}

interface Viewer {
  /** Admins and the chair see young commissioners' names. */
  seesNames: (tenderId: string | null) => boolean;
  isAdmin: boolean;
}

export function kindFilter(raw: string | string[] | undefined): string | undefined {
  const kind = Array.isArray(raw) ? raw[0] : raw;
  return kind && KIND_PATTERN.test(kind) ? kind : undefined;
}

/** One tender's audit trail, oldest first: for its commissioners, its establishment's governor and admins. */
export async function getTenderAuditTrail(actor: Actor, tenderId: string, filter: { kind?: string; paging?: Paging }) {
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  const tender = await db.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      establishmentId: true,
      bidsOpenedAt: true,
      establishment: { select: { name: true } },
      ...tenderRelationsSelect,
    },
  });
  if (!tender) throw new NotFound("We could not find that tender.");
  // Not found for a governor of another establishment (policy "tender.knowOf").
  if (!can(actor, "tender.knowOf", tender)) throw new NotFound("We could not find that tender.");
  if (!can(actor, "audit.readTender", tender))
    throw new Forbidden(
      "Only the commissioners running this tender, its establishment's governor and administrators can read its audit trail.",
    );
  const chair = await db.panelMember.findFirst({
    where: { tenderId, userId: actor.id, isChair: true, status: "ACCEPTED" },
    select: { id: true },
  });
  const admin = can(actor, "audit.seeNames");
  const viewer: Viewer = { isAdmin: admin, seesNames: () => admin || chair !== null };
  // Sealed: until the bids are opened, no bid event is listed, counted or offered as a kind (not even "a provider did something").
  const scope: Prisma.AuditEventWhereInput = tender.bidsOpenedAt ? { tenderId } : { tenderId, NOT: { action: { startsWith: "bid." } } };
  const page = await readEvents(scope, filter, viewer);
  return { tender: { id: tender.id, reference: tender.reference, title: tender.title, establishment: tender.establishment.name }, ...page };
}

/** The whole portal's audit log, oldest first: administrators only. */
export async function getPortalAuditTrail(actor: Actor, filter: { kind?: string; paging?: Paging }): Promise<AuditPage> {
  if (!can(actor, "audit.readAll")) throw new Forbidden("Only administrators can read the whole audit log.");
  return readEvents(await unsealedScope(), filter, { isAdmin: true, seesNames: () => true });
}

/**
 * The whole log without the bid events of tenders whose bids are not opened yet (administrators included: a row, even
 * "Bid activity by a provider", would tell that a bid exists and when). Those tenders are few: the ones open for bids,
 * closed and waiting to be opened, or cancelled before opening.
 */
async function unsealedScope(): Promise<Prisma.AuditEventWhereInput> {
  const sealed = await db.$queryRaw<{ id: string }[]>`
    SELECT t."id" FROM "Tender" t
    WHERE t."bidsOpenedAt" IS NULL AND EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."tenderId" = t."id" AND e."action" LIKE 'bid.%')`;
  if (sealed.length === 0) return {};
  return { NOT: { action: { startsWith: "bid." }, tenderId: { in: sealed.map((t) => t.id) } } };
}

async function readEvents(
  scope: Prisma.AuditEventWhereInput,
  filter: { kind?: string; paging?: Paging },
  viewer: Viewer,
): Promise<AuditPage> {
  const where: Prisma.AuditEventWhereInput = filter.kind ? { ...scope, action: { startsWith: `${filter.kind}.` } } : scope;
  const [events, total, actions] = await Promise.all([
    db.auditEvent.findMany({
      where,
      select: eventSelect,
      orderBy: { id: "asc" },
      ...(filter.paging ? { skip: filter.paging.skip, take: filter.paging.size } : {}),
    }),
    db.auditEvent.count({ where }),
    db.auditEvent.groupBy({ by: ["action"], where: scope }),
  ]);
  const kinds = [...new Set(actions.map((a) => kindOf(a.action)))].sort().map((kind) => ({ kind, label: kindLabel(kind) }));
  const contexts = await loadTenderContexts([...new Set(events.map((e) => e.tenderId).filter((id): id is string => id !== null))]);
  return { rows: events.map((e) => present(e, e.tenderId ? contexts.get(e.tenderId) : undefined, viewer)), total, kinds };
}

async function loadTenderContexts(ids: string[]): Promise<Map<string, TenderContext>> {
  if (ids.length === 0) return new Map();
  const tenders = await db.tender.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      reference: true,
      status: true,
      bidsOpenedAt: true,
      panelMembers: { where: { role: "TECHNICIAN" }, select: { userId: true, anonymousLabel: true } },
    },
  });
  return new Map(
    tenders.map((t) => [
      t.id,
      {
        reference: t.reference,
        status: t.status,
        bidsOpened: t.bidsOpenedAt !== null,
        labels: new Map(t.panelMembers.map((m) => [m.userId, m.anonymousLabel])),
      },
    ]),
  );
}

function present(e: EventRow, tender: TenderContext | undefined, viewer: Viewer): AuditRow {
  const kind = kindOf(e.action);
  const base = { id: e.id.toString(), at: e.at, what: actionLabel(e.action), kind, tender: tender?.reference ?? null };
  const role = e.actorRole ? (ROLE_LABELS[e.actorRole] ?? e.actorRole) : "System";

  // Sealed: nothing about a bid, not even who, before the bids are opened. The queries leave these events out
  // altogether (getTenderAuditTrail, unsealedScope); this holds for one opened between the two reads.
  if (kind === "bid" && tender && !tender.bidsOpened) {
    return { ...base, who: "A provider", role, what: "Bid activity", details: "Sealed until the bids are opened." };
  }
  let who = e.actor?.name ?? "The portal";
  if (e.actorRole === "TECHNICIAN" && !viewer.seesNames(e.tenderId)) {
    const label = e.actorId ? tender?.labels.get(e.actorId) : undefined;
    who = `Young commissioner ${label ?? "(not on this panel)"}`;
  } else if (e.actorRole === "PROVIDER") {
    // Questions are published without naming who asked; looking that up is itself audited.
    if (kind === "clarification" && !viewer.isAdmin) who = "A provider";
    else who = e.actor?.organisation ? `${e.actor.name} (${e.actor.organisation.name})` : who;
  }
  if (e.action === "evaluation.scores_submitted" && tender && !SCORES_VISIBLE.has(tender.status)) {
    return { ...base, who, role, details: "Scores stay hidden until moderation starts (blind scoring)." };
  }
  const scrub = (v: unknown) => scrubbed(v, { names: viewer.seesNames(e.tenderId), sealedCounts: tender ? !tender.bidsOpened : false });
  return { ...base, who, role, details: describeChange(scrub(e.before), scrub(e.after)) };
}

function scrubbed(value: unknown, opts: { names: boolean; sealedCounts: boolean }): unknown {
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, opts));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!opts.names && PERSONAL_KEYS.has(k)) continue;
    // How many providers bid is sealed too, until the bids are opened.
    if (opts.sealedCounts && k === "providersNotified") continue;
    out[k] = scrubbed(v, opts);
  }
  return out;
}

const MAX_VALUE = 300;

function show(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** "status: DRAFT → PUBLISHED; publishedAt: …": what changed, in one line. */
export function describeChange(before: unknown, after: unknown): string {
  const obj = (v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v };
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((k) => {
      if (k in b && k in a)
        return JSON.stringify(b[k]) === JSON.stringify(a[k]) ? `${k}: ${show(a[k])}` : `${k}: ${show(b[k])} → ${show(a[k])}`;
      if (k in a) return `${k}: ${show(a[k])}`;
      return `${k} was: ${show(b[k])}`;
    })
    .join("; ");
}
