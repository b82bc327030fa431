import { formatLondon } from "@/domain/london-time";

export interface RepresentationThreadData {
  id: string;
  status: "OPEN" | "CLARIFICATION_REQUESTED" | "DECIDED";
  text: string;
  submittedAt: Date;
  organisation: { name: string };
  attachments: { id: string; filename: string; sizeBytes: number }[];
  messages: { id: string; kind: "CLARIFICATION_REQUEST" | "CLARIFICATION_ANSWER"; text: string; createdAt: Date }[];
}

export interface ReviewData {
  id: string;
  outcome: "CONTINUE" | "BACK_TO_MODERATION" | "ABANDON";
  reasons: string;
  decidedAt: Date;
  confirmNotBefore: Date | null;
  decidedBy?: { name: string };
}

export const STATUS_LABEL: Record<RepresentationThreadData["status"], string> = {
  OPEN: "Open: waiting for the commissioner",
  CLARIFICATION_REQUESTED: "Open: waiting for the provider to clarify",
  DECIDED: "Decided",
};

export const OUTCOME_LABEL: Record<ReviewData["outcome"], string> = {
  CONTINUE: "Continue with the award",
  BACK_TO_MODERATION: "Go back to moderation",
  ABANDON: "Abandon the process (cancel the tender)",
};

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString("en-GB")} KB`;

/** One representation with its files and the questions and answers about it. */
export function RepresentationThread({
  representation,
  headingLevel = 3,
  showProvider = true,
}: {
  representation: RepresentationThreadData;
  headingLevel?: 2 | 3;
  showProvider?: boolean;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article
      className="mb-6 border border-slate-300 bg-white p-4"
      aria-labelledby={`rep-${representation.id}`}
      data-testid="representation"
    >
      <H id={`rep-${representation.id}`} className="text-xl font-bold">
        {showProvider ? `Representation from ${representation.organisation.name}` : "Your representation"}
      </H>
      <p className="mb-2 text-slate-700">
        Sent {formatLondon(representation.submittedAt, "dateTime")}.{" "}
        <strong data-testid="representation-status">{STATUS_LABEL[representation.status]}</strong>
      </p>
      <p className="mb-3 whitespace-pre-line">{representation.text}</p>
      {representation.attachments.length > 0 && (
        <>
          <p className="font-bold">Files</p>
          <ul className="mb-3 list-disc pl-6">
            {representation.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/representations/attachments/${a.id}`}>{a.filename}</a> ({kb(a.sizeBytes)})
              </li>
            ))}
          </ul>
        </>
      )}
      {representation.messages.length > 0 && (
        <ol className="space-y-2">
          {representation.messages.map((m) => (
            <li key={m.id} className={`border-l-4 p-2 ${m.kind === "CLARIFICATION_REQUEST" ? "border-nhs-blue" : "border-slate-500"}`}>
              <p className="font-bold">
                {m.kind === "CLARIFICATION_REQUEST" ? "The commissioner asked" : "The provider answered"},{" "}
                {formatLondon(m.createdAt, "dateTime")}
              </p>
              <p className="whitespace-pre-line">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

/** A further decision on representations, with its reasons. */
export function ReviewView({ review }: { review: ReviewData }) {
  return (
    <div className="mb-4 border-l-8 border-slate-700 bg-white p-4" data-testid="representation-review">
      <p className="text-lg font-bold">Further decision: {OUTCOME_LABEL[review.outcome]}</p>
      <p className="text-slate-700">
        {review.decidedBy ? `${review.decidedBy.name}, ` : ""}
        {formatLondon(review.decidedAt, "dateTime")}
      </p>
      <p className="mt-2 whitespace-pre-line">{review.reasons}</p>
      {review.confirmNotBefore && (
        <p className="mt-2">
          The award can be confirmed only after midnight at the end of {formatLondon(review.confirmNotBefore, "weekdayDate")}: 5 working
          days after this notice.
        </p>
      )}
    </div>
  );
}
