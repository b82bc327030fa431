import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { describeWholeLifePrice } from "@/domain/money";
import { requireActor } from "@/server/auth/session";
import { requestNow } from "@/server/clock";
import { recordTitle } from "../../../../record-title";
import { getPanelWorkspace, getScoringSheet } from "@/server/evaluation/queries";
import { SCORE_DESCRIPTORS } from "@/server/evaluation/score-input";
import { autosaveScoresAction, scoreBidAction } from "../../actions";
import { Autosave } from "./autosave";
import { readable } from "@/server/page-guard";
import { CriterionThemes } from "@/components/shaping/criterion-themes";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string; bidId: string }> }): Promise<Metadata> {
  const { tenderId, bidId } = await params;
  return recordTitle("Score a bid", async (actor) => {
    const w = await getPanelWorkspace(actor, tenderId, requestNow());
    const number = w.bids.findIndex((b) => b.id === bidId) + 1;
    const bid = w.bids[number - 1];
    if (!bid) throw new Error("not a bid on this panel");
    return { ...w.tender, what: `Score bid ${number}, ${bid.organisation.name}` };
  });
}

export default async function ScoreBidPage({ params }: { params: Promise<{ tenderId: string; bidId: string }> }) {
  const { tenderId, bidId } = await params;
  const actor = await requireActor("panels");
  const { workspace, bid, criteria, mine, themes } = await readable(getScoringSheet(actor, tenderId, bidId, requestNow()));
  const technician = workspace.seat.role === "TECHNICIAN";
  const number = workspace.bids.findIndex((b) => b.id === bid.id) + 1;
  const response = (criterionId: string) => bid.content.responses.find((r) => r.criterionId === criterionId)?.text ?? "";
  const my = (criterionId: string) => mine.find((s) => s.criterionId === criterionId);

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/panels/${workspace.tender.id}`}>Back to the panel</Link>
      </p>
      <PageHeading caption={workspace.tender.title}>
        Score bid {number}: {bid.organisation.name}
      </PageHeading>
      <p className="mb-6">
        {technician ? (
          <>
            Read each answer, pick a score from 0 to 5, and say why in a sentence or two. Your scores count the same as everyone
            else&apos;s. Not sure what a word means? See <Link href="/words">Words we use</Link>.
          </>
        ) : (
          "Score each criterion from 0 to 5 with a reason. Your scores stay hidden from other members until moderation."
        )}
      </p>
      <ActionForm action={scoreBidAction.bind(null, workspace.tender.id, bid.id)} successMessage>
        {criteria.map((c) =>
          c.kind === "PRICE" ? (
            <section key={c.id} className="mb-8 border border-slate-300 bg-white p-4">
              <h2 className="text-xl font-bold">
                {c.name} ({c.weight}%)
              </h2>
              <CriterionThemes themes={themes.get(c.id)} plain={technician} />
              <p>
                {technician
                  ? "Nobody scores the price. A sum does it: the lowest fair price gets the top score, 5."
                  : "Scored by formula, not by vote."}{" "}
                Price in this bid, the total price for the contract:{" "}
                <strong>
                  {bid.content.pricePence ? describeWholeLifePrice(bid.content.pricePence, workspace.tender.contractTermMonths) : "none"}
                </strong>
              </p>
            </section>
          ) : (
            <section key={c.id} className="mb-8 border border-slate-300 bg-white p-4">
              <h2 className="text-xl font-bold">
                {c.name} ({c.weight}%)
              </h2>
              <CriterionThemes themes={themes.get(c.id)} plain={technician} />
              <p className="mb-3 text-slate-700">
                {technician ? c.plainLanguageDescription || c.description : c.description || c.plainLanguageDescription}
              </p>
              <h3 className="font-bold">What the provider wrote</h3>
              <div
                className="mb-4 max-h-96 overflow-y-auto whitespace-pre-line border-l-4 border-slate-400 bg-slate-50 p-3 focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400"
                // A long answer scrolls: a labelled region keyboard users can reach, with the portal's focus style.
                role="region"
                tabIndex={0}
                aria-label={`Answer to ${c.name}`}
              >
                {response(c.id) || "No answer."}
              </div>
              <RadioGroup
                name={`score.${c.id}`}
                legend="Your score"
                defaultValue={my(c.id)?.score?.toString()}
                options={SCORE_DESCRIPTORS.map((d) => ({ value: String(d.score), label: `${d.score}: ${technician ? d.plain : d.label}` }))}
              />
              <TextArea
                name={`reason.${c.id}`}
                label={technician ? "Why did you give this score?" : "Reason"}
                hint="At least one full sentence."
                defaultValue={my(c.id)?.reason}
                rows={3}
              />
            </section>
          ),
        )}
        <Autosave save={autosaveScoresAction.bind(null, workspace.tender.id, bid.id)} />
        <div className="flex flex-wrap gap-3">
          <SubmitButton name="intent" value="submit">
            {technician ? "Send my scores for this bid" : "Submit scores for this bid"}
          </SubmitButton>
          <SubmitButton name="intent" value="save" variant="secondary">
            Save draft
          </SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}
