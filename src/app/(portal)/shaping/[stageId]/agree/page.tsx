import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { Panel } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import type { DraftTheme } from "@/domain/draft-specification";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getAgreePage } from "@/server/shaping/theme-queries";
import { StageFrame } from "../stage-frame";
import { reviewSpecificationAction } from "./actions";

export const metadata: Metadata = { title: "Do you agree?" };

const SAVED: Record<string, string> = {
  agreed: "Thank you. You agreed to this version.",
  changes: "Thank you. The commissioner will read what you want changed.",
};

function Answers({ themes }: { themes: DraftTheme[] }) {
  if (themes.length === 0) return <span className="block text-slate-700">Not linked to a theme</span>;
  return <span className="block text-slate-700">Answers: {themes.map((t) => t.title).join(", ")}</span>;
}

export default async function AgreePage({
  params,
  searchParams,
}: {
  params: Promise<{ stageId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const [{ stageId }, { saved }] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const page = await readable(getAgreePage(actor, stageId));
  const { stage, draft, gate, last } = page;
  const top = page.priorities.filter((p) => p.highPriority);
  return (
    <StageFrame stage={stage} title="Do you agree with the plan?">
      {saved && SAVED[saved] && <Panel title={SAVED[saved]}>{null}</Panel>}
      <p className="mb-4">
        You helped choose what matters most. Now the commissioner has written what the service must do and what providers will be asked.
        Read it, then say if you agree. The tender cannot go out until most of the young commissioners agree, or the commissioner writes
        down why it goes ahead without.
      </p>
      <p className="mb-6 font-bold" data-testid="agree-tally">
        {gate.agree} of {gate.members} young commissioner{gate.members === 1 ? "" : "s"} agree with this version so far.
      </p>

      {page.changes && (
        <section aria-labelledby="changed" className="mb-8 border-l-4 border-nhs-blue bg-white p-4">
          <h2 id="changed" className="mb-2 text-xl font-bold">
            What changed since you last answered
          </h2>
          {page.changes.length === 0 ? (
            <p>Only small things changed (like the order).</p>
          ) : (
            <ul className="list-disc space-y-1 pl-6">
              {page.changes.map((c, i) => (
                <li key={i}>
                  <strong>
                    {c.kind === "added" ? "New" : c.kind === "removed" ? "Taken out" : c.kind === "moved" ? "Moved" : "Changed"}:
                  </strong>{" "}
                  {c.what}
                  {c.detail && <span className="block text-slate-700">{c.detail}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {top.length > 0 && (
        <section aria-labelledby="top" className="mb-8">
          <h2 id="top" className="mb-2 text-2xl font-bold">
            What matters most
          </h2>
          <ol className="list-decimal space-y-1 pl-6">
            {top.map((t) => (
              <li key={t.themeId}>{t.title}</li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="must" className="mb-8">
        <h2 id="must" className="mb-2 text-2xl font-bold">
          What the service must do
        </h2>
        {draft.requirements.length === 0 ? (
          <p>Nothing written yet.</p>
        ) : (
          <ol className="list-decimal space-y-3 pl-6">
            {draft.requirements.map((r) => (
              <li key={r.id}>
                {r.text}
                <Answers themes={r.themes} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="asked" className="mb-8">
        <h2 id="asked" className="mb-2 text-2xl font-bold">
          What providers will be asked
        </h2>
        <p className="mb-2">Each question is worth some of the 100 points a bid can get.</p>
        <ol className="list-decimal space-y-3 pl-6">
          {draft.criteria.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> — {c.weight} of 100 points{c.kind === "PRICE" ? " (scored on the price)" : ""}
              {c.plainLanguageDescription && <span className="block">{c.plainLanguageDescription}</span>}
              <Answers themes={c.themes} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="answer" className="mb-8">
        <h2 id="answer" className="mb-2 text-2xl font-bold">
          Your answer
        </h2>
        {last && (
          <p className="mb-4">
            {last.sameVersion ? "For this version, on " : "Last time, on "}
            {formatLondon(last.at, "dateTime")}, you {last.decision === "AGREE" ? "agreed" : "asked for changes"}
            {last.reasons && <>: “{last.reasons}”</>}.
          </p>
        )}
        {!page.open ? (
          <p>{stage.tender.status !== "DRAFT" ? "The tender has been published." : "You can answer once the themes have been ranked."}</p>
        ) : page.answeredThisVersion ? (
          <p>You can answer again if the plan changes.</p>
        ) : (
          <ActionForm action={reviewSpecificationAction.bind(null, stage.id)} anchor="agree-form">
            <input type="hidden" name="contentHash" value={page.hash} />
            <RadioGroup
              name="decision"
              legend="Do you agree with this plan?"
              options={[
                { value: "AGREE", label: "Yes, I agree" },
                { value: "CHANGES_NEEDED", label: "No, I want changes" },
              ]}
            />
            <TextArea
              name="reasons"
              label="What should change, and why?"
              hint="You must fill this in if you want changes. You can also add a comment if you agree."
              rows={4}
              maxLength={2000}
            />
            <SubmitButton>Send my answer</SubmitButton>
          </ActionForm>
        )}
      </section>
    </StageFrame>
  );
}
