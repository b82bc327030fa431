// The words of the Provider Selection Regime notices (regulation 12 and
// Schedule 10 of the Health Care Services (Provider Selection Regime)
// Regulations 2023, SI 2023/1348) and of the outcome letters, worked out from
// counts and dates. Pure: the server gathers the facts, these say them.
import { formatLondon, formatLondonDay, londonDateKey } from "./london-time";

/** The statutory instrument the notices are published under. */
export const PSR_LEGAL_BASIS = {
  scheme: "UKSI",
  id: "2023/1348",
  title: "The Health Care Services (Provider Selection Regime) Regulations 2023",
};

export type PsrNoticeKind = "intention" | "award";

export const NOTICE_TITLES: Record<PsrNoticeKind, string> = {
  intention: "Notice of intention to award a contract",
  award: "Notice of confirmation of contract award",
};

/** Panel members who declared a conflict of interest with a bidder, by role (never who). */
export interface DeclaredConflicts {
  commissioners: number;
  youngCommissioners: number;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Schedule 10: "any declared conflicts or potential conflicts of interest of
 * individuals making the decision, and how they were managed". A panel member
 * who declares a conflict with any bidder takes no part in scoring the tender,
 * and none of their marks count (src/server/evaluation/results.ts).
 */
export function conflictsStatement(c: DeclaredConflicts): string {
  const total = c.commissioners + c.youngCommissioners;
  if (total === 0)
    return "No member of the evaluation panel declared a conflict of interest with any bidder. Every panel member declared, for each bidder, whether they had one before seeing any bid.";
  const who = [
    c.commissioners > 0 ? count(c.commissioners, "commissioner", "commissioners") : null,
    c.youngCommissioners > 0 ? count(c.youngCommissioners, "young commissioner", "young commissioners") : null,
  ]
    .filter(Boolean)
    .join(" and ");
  return `${who} on the evaluation panel declared a conflict of interest with a bidder before seeing any bid. How it was managed: ${total === 1 ? "they" : "each of them"} took no part in scoring this tender, and none of their marks were counted in the result. Every other panel member declared no conflict with any bidder.`;
}

/** How, and until when, a provider may make representations (regulation 12(3)). */
export function representationsStatement(standstillEndsAt: Date, contact: string | null): string {
  const end = formatLondonDay(londonDateKey(standstillEndsAt));
  return `Providers may make written representations about this decision until midnight at the end of ${end}, when the standstill period ends. A bidder makes them from its outcome letter on the CoCommission portal${contact ? `; any other provider writes to ${contact}` : "; any other provider writes to the relevant authority named above"}, saying what they think was wrong and why. The contract is not entered into before the standstill ends, nor while representations are being considered.`;
}

/** The opening statement each notice carries, as PSR notices on the e-notification service do. */
export function noticeStatement(kind: PsrNoticeKind, standstillEndsAt: Date | null, awardedAt: Date | null): string {
  if (kind === "intention")
    return `This is a Provider Selection Regime (PSR) intention to award notice. The award of this contract is subject to the Health Care Services (Provider Selection Regime) Regulations 2023. The standstill period begins on the day after the publication of this notice${standstillEndsAt ? ` and ends at midnight at the end of ${formatLondonDay(londonDateKey(standstillEndsAt))}` : ""}. This contract has not yet been awarded: this notice is an intention to award under the PSR.`;
  return `This is a Provider Selection Regime (PSR) confirmation of contract award notice. This contract has been awarded under the Health Care Services (Provider Selection Regime) Regulations 2023, following the competitive process${awardedAt ? `, on ${formatLondon(awardedAt, "date")}` : ""}.`;
}

/** Who decided, in one sentence: the commissioner who recommended and the governor(s) who approved. */
export function decisionMakersSentence(d: {
  recommendedBy: string;
  recommendedAt: Date;
  approvedBy: { name: string; establishment: string; signedAt: Date }[];
}): string {
  const approvals = d.approvedBy.map((a) => `${a.name}, governor of ${a.establishment}, on ${formatLondon(a.signedAt, "date")}`).join("; ");
  return `Recommended by ${d.recommendedBy} (commissioner, NHS England) on ${formatLondon(d.recommendedAt, "date")}${approvals ? `, and approved by ${approvals} (co-commissioning sign-off)` : ""}.`;
}
