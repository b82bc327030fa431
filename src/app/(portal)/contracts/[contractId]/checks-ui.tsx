import {
  describeTarget,
  FREQUENCY_LABEL,
  PERIOD_STATE_LABEL,
  RATING_LABEL,
  REVIEW_STATE_LABEL,
  type MeasureDirection,
  type MeasureRating,
  type MeasureUnit,
  type PeriodState,
  type ReportingFrequency,
  type ReviewState,
} from "@/domain/contract-checks";
import { formatLondonDay } from "@/domain/london-time";

const RATING_COLOUR: Record<MeasureRating, string> = {
  MET: "bg-green-100 text-green-900 border-green-800",
  PARTLY_MET: "bg-amber-100 text-amber-900 border-amber-800",
  NOT_MET: "bg-red-100 text-red-900 border-red-800",
};

/** A rating in words as well as colour. */
export function RatingTag({ rating }: { rating: MeasureRating }) {
  return <strong className={`inline-block border px-2 py-0.5 text-sm font-bold ${RATING_COLOUR[rating]}`}>{RATING_LABEL[rating]}</strong>;
}

const PERIOD_COLOUR: Record<PeriodState, string> = {
  NOT_YET: "bg-slate-200 text-slate-900",
  OPEN: "bg-blue-100 text-blue-900",
  LATE: "bg-red-100 text-red-900",
  SUBMITTED: "bg-green-100 text-green-900",
  SUBMITTED_LATE: "bg-amber-100 text-amber-900",
};

export function PeriodStateTag({ state }: { state: PeriodState }) {
  return <strong className={`inline-block px-2 py-0.5 text-sm font-bold ${PERIOD_COLOUR[state]}`}>{PERIOD_STATE_LABEL[state]}</strong>;
}

export function ReviewStateText({ state }: { state: ReviewState | "IN_REVIEW" | null }) {
  if (state === null) return <>Not reviewed yet</>;
  if (state === "IN_REVIEW") return <>Being reviewed</>;
  return <>{REVIEW_STATE_LABEL[state]}</>;
}

/** "1 April 2027 to 30 June 2027" */
export function periodRange(start: string, end: string): string {
  const plain = (key: string) => formatLondonDay(key).replace(/^\w+ /, "");
  return `${plain(start)} to ${plain(end)}`;
}

export const plainDay = (key: string) => formatLondonDay(key).replace(/^\w+ /, "");

export interface MeasureView {
  id: string;
  position: number;
  name: string;
  target: number;
  unit: MeasureUnit;
  direction: MeasureDirection;
  frequency: ReportingFrequency;
  theme?: { title: string } | null;
}

/** The measures as a list of cards (readable at 360 px, unlike a wide table). */
export function MeasureList({ measures }: { measures: MeasureView[] }) {
  return (
    <ol className="space-y-3" data-testid="measures">
      {measures.map((m) => (
        <li key={m.id} className="border-l-4 border-blue-800 bg-white p-3">
          <strong className="block text-lg">
            {m.position}. {m.name}
          </strong>
          <span className="block">Target: {describeTarget(m)}</span>
          <span className="block">Reported: {FREQUENCY_LABEL[m.frequency].toLowerCase()}</span>
          {m.theme && <span className="block">Answers the shaping theme: {m.theme.title}</span>}
        </li>
      ))}
    </ol>
  );
}
