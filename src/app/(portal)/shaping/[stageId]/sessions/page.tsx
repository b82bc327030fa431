import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { formatLondonDay } from "@/domain/london-time";
import { AGE_BAND_LABELS } from "@/domain/shaping-stage";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { readable } from "@/server/page-guard";
import { getStage, getStageSessions } from "@/server/shaping/queries";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ stageId: string }> }): Promise<Metadata> {
  const { stageId } = await params;
  return recordTitle("Focus groups and workshops", async (actor) => (await getStage(actor, stageId)).tender);
}

const KIND = { FOCUS_GROUP: "Focus group", WORKSHOP: "Workshop" } as const;

/** The sessions recorded on a stage, for its facilitators: when, where, how many young people, and what they said. */
export default async function SessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ stageId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const [{ stageId }, { saved }] = await Promise.all([params, searchParams]);
  const actor = await requireActor("shaping");
  const stage = await readable(getStageSessions(actor, stageId, now()));
  const question = new Map(stage.questions.map((q) => [q.id, q]));
  return (
    <div className="max-w-3xl">
      {saved === "1" && <Panel title="Session recorded. Its views are checked and ready to be grouped into themes.">{null}</Panel>}
      <PageHeading caption={stage.tender.title}>Focus groups and workshops</PageHeading>
      {stage.open ? (
        <p className="mb-6">
          <Link href={`/shaping/${stage.id}/sessions/new`} className="text-lg font-bold">
            Record a focus group or workshop
          </Link>
        </p>
      ) : (
        <p className="mb-6">Sessions can be recorded only while gathering views is open.</p>
      )}
      {stage.sessions.length === 0 ? (
        <p>No sessions recorded yet.</p>
      ) : (
        <ul className="space-y-4" data-testid="sessions">
          {stage.sessions.map((s) => (
            <li key={s.id} className="border border-slate-300 bg-white p-4">
              <h2 className="mb-1 text-xl font-bold">
                {KIND[s.kind]}, {formatLondonDay(s.heldOn.toISOString().slice(0, 10))}
              </h2>
              <p>
                {s.setting}. {s.participantCount} young {s.participantCount === 1 ? "person" : "people"} (
                {s.ageBands.map((b) => AGE_BAND_LABELS[b]).join(", ")}). Recorded by {s.recordedBy.name}.
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer font-bold">What they said ({s.views.length})</summary>
                <dl className="mt-2 space-y-2">
                  {stage.questions
                    .filter((q) => s.views.some((v) => v.questionId === q.id))
                    .map((q) => (
                      <div key={q.id}>
                        <dt className="font-bold">{question.get(q.id)?.text}</dt>
                        {s.views
                          .filter((v) => v.questionId === q.id)
                          .map((v) => (
                            <dd key={v.id} className="ml-4 whitespace-pre-line">
                              “{v.text}”
                            </dd>
                          ))}
                      </div>
                    ))}
                </dl>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
