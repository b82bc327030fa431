import Link from "next/link";
import { StatusTag } from "@/components/ui/status-tag";
import { formatLondon } from "@/domain/london-time";
import type { TenderStage } from "@/domain/tender-lifecycle";
import type { ScoringProgress } from "@/server/tenders/queries";

export interface JoinedPanel {
  id: string;
  scoring: ScoringProgress | null;
  tender: {
    id: string;
    reference: string;
    title: string;
    stage: TenderStage;
    submissionDeadline: Date | null;
    establishment: { name: string };
  };
}

interface NextStep {
  /** Something for this person to do now: listed first and marked "To do". */
  todo: boolean;
  text: string;
  link?: { href: string; text: string };
}

/** What a panel needs from this member now, in plain words, by the tender's stage and their own progress. */
export function nextStep(p: JoinedPanel): NextStep {
  const panel = `/panels/${p.tender.id}`;
  switch (p.tender.stage) {
    case "DRAFT":
    case "SHAPING":
    case "PUBLISHED":
    case "CLOSED":
      return {
        todo: false,
        text:
          p.tender.stage === "PUBLISHED" && p.tender.submissionDeadline
            ? `Nothing to do yet. Providers can send bids until ${formatLondon(p.tender.submissionDeadline, "dateTime")}. We will tell you when there are bids to read.`
            : "Nothing to do yet. We will tell you when there are bids to read.",
      };
    case "EVALUATION":
      if (!p.scoring || p.scoring.state === "DECLARE")
        return {
          todo: true,
          text: "Tell us if you know anyone at the organisations that sent bids.",
          link: { href: panel, text: "Answer now" },
        };
      if (p.scoring.state === "EXCLUDED")
        return { todo: false, text: "Nothing to do. You know someone at one of the bidders, so you do not score this one." };
      if (p.scoring.bidsToScore > 0)
        return {
          todo: true,
          text: `${p.scoring.bidsToScore} ${p.scoring.bidsToScore === 1 ? "bid" : "bids"} still to score.`,
          link: { href: panel, text: "Score the bids" },
        };
      return { todo: false, text: "Done: you have sent all your scores. Next, the panel meets to talk about them (moderation)." };
    case "MODERATION":
      return {
        todo: true,
        text: "The panel is talking about the scores (moderation). You can change a score if you explain why.",
        link: { href: `${panel}/moderation`, text: "See everyone's scores" },
      };
    case "RANKING_FROZEN":
      return {
        todo: false,
        text: "Nothing to do. The panel's ranking is fixed; the commissioner is writing up who should get the contract.",
      };
    case "AWARD_PENDING_SIGNOFF":
      return { todo: false, text: "Nothing to do. The governor of the establishment is checking the panel's choice." };
    case "STANDSTILL":
      return {
        todo: false,
        text: "Nothing to do. The bidders have been told the result and have a few days to question it (the standstill).",
        link: { href: `${panel}/outcome`, text: "What happened and how your scores were used" },
      };
    case "AWARDED":
      return {
        todo: false,
        text: "Finished: the contract has been awarded.",
        link: { href: `${panel}/outcome`, text: "What happened and how your scores were used" },
      };
    case "CANCELLED":
      return { todo: false, text: "Nothing to do. This tender was cancelled." };
  }
}

/** The panels a member is on, the ones needing something from them first, each leading with that need. */
export function PanelList({ panels }: { panels: JoinedPanel[] }) {
  if (panels.length === 0) return <p className="text-slate-700">You are not on any panels yet.</p>;
  const withSteps = panels.map((p) => ({ p, step: nextStep(p) }));
  // Work only this person can do (declaring, scoring) first, then moderation, then the rest; otherwise as listed.
  const rank = ({ p, step }: (typeof withSteps)[number]) => (!step.todo ? 2 : p.tender.stage === "EVALUATION" ? 0 : 1);
  const ordered = [...withSteps].sort((a, b) => rank(a) - rank(b));
  return (
    <ul className="divide-y divide-slate-300 border-y border-slate-300">
      {ordered.map(({ p, step }) => (
        <li key={p.id} className="py-4">
          <h3 id={`panel-${p.id}`} className="text-xl font-bold">
            <Link href={`/panels/${p.tender.id}`}>{p.tender.title}</Link>
          </h3>
          <p className={`my-2 ${step.todo ? "border-l-4 border-nhs-blue bg-white p-2 font-bold" : ""}`} data-testid="next-step">
            {step.todo && <span className="mr-2 inline-block bg-nhs-blue px-2 text-white">To do</span>}
            {step.text}
            {step.link && (
              <>
                {" "}
                {/* Described by the panel's title, so a list of links still says which panel each is for. */}
                <Link href={step.link.href} className="font-bold" aria-describedby={`panel-${p.id}`}>
                  {step.link.text}
                </Link>
              </>
            )}
          </p>
          <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-slate-700">
            <StatusTag stage={p.tender.stage} />
            <span>{p.tender.establishment.name}</span>
            <span>{p.tender.reference}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
