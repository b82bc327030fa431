import "server-only";
import { utcDateKey } from "@/domain/london-time";
import { activityLabel, STATUS_FOR_TECHNICIAN } from "../technicians/time-labels";
import { authorize } from "../policy";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { anonymousLabels } from "../evaluation/queries";

// What the portal keeps about a young commissioner, for them to see and download (UK GDPR: the right of access and
// to data portability). Their marks name bids by letter only (Bid A, Bid B), as an anonymised panel sees them, so
// nothing about another organisation leaves in the download.

export interface OwnData {
  profile: {
    name: string;
    email: string;
    role: string;
    phone: string | null;
    under18: boolean | null;
    accountCreatedAt: Date;
    lastSignInAt: Date | null;
    closureRequestedAt: Date | null;
  };
  consents: { textVersion: string; agreedAt: Date; withdrawnAt: Date | null }[];
  panels: {
    tender: string;
    seat: string;
    shownToOthersAs: string | null;
    invitedAt: Date;
    answeredAt: Date | null;
    steppedBackAt: Date | null;
    scoresSubmittedAt: Date | null;
  }[];
  paidTime: {
    tender: string;
    workedOn: string;
    minutes: number;
    activity: string;
    note: string | null;
    status: string;
    amountPence: number | null;
    paidAt: Date | null;
  }[];
  marks: {
    tender: string;
    bid: string;
    criterion: string;
    mark: number | null;
    reason: string;
    status: string;
    submittedAt: Date | null;
    revisions: { from: number; to: number; why: string; at: Date }[];
  }[];
}

const SEAT_STATUS: Record<string, string> = {
  INVITED: "Invited",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  STEPPED_BACK: "Stepped back",
};

export async function ownData(actor: Actor): Promise<OwnData> {
  authorize(actor, "account.ownData");
  const [user, consents, seats, time] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { name: true, email: true, phone: true, under18: true, createdAt: true, lastSignInAt: true, closureRequestedAt: true },
    }),
    db.technicianConsent.findMany({ where: { userId: actor.id }, orderBy: { acceptedAt: "asc" } }),
    db.panelMember.findMany({
      where: { userId: actor.id },
      orderBy: { invitedAt: "asc" },
      select: {
        status: true,
        anonymousLabel: true,
        invitedAt: true,
        respondedAt: true,
        steppedBackAt: true,
        scoresSubmittedAt: true,
        tender: { select: { id: true, reference: true, title: true } },
        scores: {
          orderBy: [{ bidId: "asc" }, { criterion: { position: "asc" } }],
          select: {
            bidId: true,
            score: true,
            reason: true,
            status: true,
            submittedAt: true,
            criterion: { select: { name: true } },
            revisions: {
              orderBy: { revisedAt: "asc" },
              select: { previousScore: true, newScore: true, revisionReason: true, revisedAt: true },
            },
          },
        },
      },
    }),
    db.timeEntry.findMany({
      where: { technicianId: actor.id },
      orderBy: [{ workedOn: "asc" }, { createdAt: "asc" }],
      select: {
        workedOn: true,
        minutes: true,
        activity: true,
        note: true,
        status: true,
        amountPence: true,
        paidAt: true,
        tender: { select: { reference: true, title: true } },
      },
    }),
  ]);
  const tenderName = (t: { reference: string; title: string }) => `${t.reference}: ${t.title}`;
  const scoredTenders = seats.filter((s) => s.scores.length > 0).map((s) => s.tender.id);
  const bids = await db.bid.findMany({
    where: { tenderId: { in: scoredTenders }, status: "SUBMITTED" },
    select: { id: true, tenderId: true },
  });
  const letters = new Map(
    scoredTenders.map((tenderId) => [tenderId, anonymousLabels(bids.filter((b) => b.tenderId === tenderId).map((b) => b.id))]),
  );
  return {
    profile: {
      name: user.name,
      email: user.email,
      role: "Young commissioner",
      phone: user.phone,
      under18: user.under18,
      accountCreatedAt: user.createdAt,
      lastSignInAt: user.lastSignInAt,
      closureRequestedAt: user.closureRequestedAt,
    },
    consents: consents.map((c) => ({ textVersion: c.textVersion, agreedAt: c.acceptedAt, withdrawnAt: c.withdrawnAt })),
    panels: seats.map((s) => ({
      tender: tenderName(s.tender),
      seat: SEAT_STATUS[s.status] ?? s.status,
      shownToOthersAs: s.anonymousLabel ? `Young commissioner ${s.anonymousLabel}` : null,
      invitedAt: s.invitedAt,
      answeredAt: s.respondedAt,
      steppedBackAt: s.steppedBackAt,
      scoresSubmittedAt: s.scoresSubmittedAt,
    })),
    paidTime: time.map((t) => ({
      tender: tenderName(t.tender),
      workedOn: utcDateKey(t.workedOn),
      minutes: t.minutes,
      activity: activityLabel(t.activity),
      note: t.note,
      status: STATUS_FOR_TECHNICIAN[t.status],
      amountPence: t.amountPence,
      paidAt: t.paidAt,
    })),
    marks: seats.flatMap((s) =>
      s.scores.map((score) => ({
        tender: tenderName(s.tender),
        bid: letters.get(s.tender.id)?.get(score.bidId) ?? "A bid no longer in the tender",
        criterion: score.criterion.name,
        mark: score.score,
        reason: score.reason,
        status: score.status === "SUBMITTED" ? "Submitted" : "Draft",
        submittedAt: score.submittedAt,
        revisions: score.revisions.map((r) => ({ from: r.previousScore, to: r.newScore, why: r.revisionReason, at: r.revisedAt })),
      })),
    ),
  };
}
