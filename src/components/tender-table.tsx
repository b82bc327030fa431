import Link from "next/link";
import { StatusTag } from "@/components/ui/status-tag";
import { formatLondon } from "@/domain/london-time";
import type { TenderStage, TenderStatus } from "@/domain/tender-lifecycle";

export interface TenderRow {
  id: string;
  reference: string;
  title: string;
  status: TenderStatus;
  stage: TenderStage;
  submissionDeadline: Date | null;
  establishment: { name: string };
}

/**
 * A list of tenders that stays readable on a 360 px screen (stacked cards, not a wide table).
 * `headingLevel`: 3 under a section's h2 (the default), 2 when the list follows the page's h1.
 */
export function TenderList({
  tenders,
  hrefFor,
  empty,
  headingLevel = 3,
}: {
  tenders: TenderRow[];
  hrefFor?: (id: string) => string;
  empty: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (tenders.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-300 border-y border-slate-300">
      {tenders.map((t) => (
        <li key={t.id} className="py-4">
          <p className="text-sm text-slate-600">{t.reference}</p>
          <Heading className="text-xl font-bold">{hrefFor ? <Link href={hrefFor(t.id)}>{t.title}</Link> : t.title}</Heading>
          <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1">
            <StatusTag stage={t.stage} />
            <span>{t.establishment.name}</span>
            {/* Only while bids can still be sent: a closing date in the past is noise. */}
            {t.submissionDeadline && (t.status === "PUBLISHED" || t.status === "DRAFT") && (
              <span>Bids close {formatLondon(t.submissionDeadline, "dateTime")}</span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
