import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { openGatheringProblems } from "@/domain/shaping-gather";
import type { ShapingStatus } from "@/domain/shaping-stage";
import { changeStageAction } from "../actions";

/** The commissioner's buttons that move the stage on, with what stops the next step, if anything. */
export function StageLifecycle({
  stageId,
  status,
  version,
  questions,
  acceptedYoungCommissioners,
}: {
  stageId: string;
  status: ShapingStatus;
  version: number;
  questions: number;
  acceptedYoungCommissioners: number;
}) {
  const step = {
    PLANNING: {
      action: "openGathering",
      title: "Open gathering",
      text: "Once gathering opens, young commissioners can answer, facilitators can record focus groups, and the questions can no longer change.",
    },
    GATHERING: {
      action: "closeGathering",
      title: "Close gathering",
      text: "No more views come in after this. Facilitators can still check answers and group them into themes, and everyone ranks the themes.",
    },
    PRIORITISING: {
      action: "closeRanking",
      title: "Close ranking",
      text: "The ranking is fixed. You then write the specification from the ranked themes.",
    },
    CLOSED: null,
  }[status];
  if (!step) return null;
  const problems = status === "PLANNING" ? openGatheringProblems({ questions, acceptedYoungCommissioners }) : [];
  return (
    <section aria-labelledby="move" className="mb-8 max-w-2xl">
      <h2 id="move" className="mb-2 text-2xl font-bold">
        {step.title}
      </h2>
      <p className="mb-4">{step.text}</p>
      {problems.length > 0 && (
        <>
          <p className="mb-2">Before you can open gathering:</p>
          <ul className="mb-4 list-disc pl-6">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      <ActionForm action={changeStageAction.bind(null, stageId)} idPrefix="move">
        <input type="hidden" name="action" value={step.action} />
        <input type="hidden" name="version" value={version} />
        <SubmitButton>{step.title}</SubmitButton>
      </ActionForm>
    </section>
  );
}
