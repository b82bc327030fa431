import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Panel } from "@/components/ui/page-heading";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { ThemePriorityChart } from "@/components/charts/theme-priority-chart";
import { placeField } from "@/domain/theme-ballot";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getPrioritiesPage } from "@/server/shaping/theme-queries";
import { StageFrame } from "../stage-frame";
import { rankThemesAction } from "./actions";

export const metadata: Metadata = { title: "Rank the themes" };

export default async function PrioritiesPage({
  params,
  searchParams,
}: {
  params: Promise<{ stageId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const [{ stageId }, { saved }] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const page = await readable(getPrioritiesPage(actor, stageId));
  const { stage, themes, myRanks, result } = page;
  const n = themes.length;
  const ranked = myRanks.size > 0;
  return (
    <StageFrame stage={stage} title="Which themes matter most?">
      {saved && <Panel title="Your ranking is saved">You can change it until ranking closes.</Panel>}
      {page.canRank && n >= 2 && (
        <section aria-labelledby="rank" className="mb-10">
          <h2 id="rank" className="mb-2 text-2xl font-bold">
            {ranked ? "Change your ranking" : "Put the themes in order"}
          </h2>
          <p className="mb-4">
            Give each theme a place: 1 for the one that matters most, {n} for the one that matters least. Use each number once.
            Everyone&apos;s ranking counts the same, young commissioners and commissioners alike.
          </p>
          <ActionForm action={rankThemesAction.bind(null, stage.id)} anchor="ranking-form">
            {themes.map((t) => (
              <SelectField
                key={t.id}
                name={placeField(t.id)}
                label={t.title}
                hint={[t.description, `${t.views} view${t.views === 1 ? "" : "s"} in this theme`].filter(Boolean).join(" · ")}
                defaultValue={myRanks.get(t.id)?.toString() ?? ""}
                options={[
                  { value: "", label: "Choose a place" },
                  ...themes.map((_, i) => ({
                    value: String(i + 1),
                    label: `${i + 1}${i === 0 ? " (matters most)" : i === n - 1 ? " (matters least)" : ""}`,
                  })),
                ]}
              />
            ))}
            <SubmitButton>{ranked ? "Save my new ranking" : "Save my ranking"}</SubmitButton>
          </ActionForm>
        </section>
      )}
      {page.canRank && n < 2 && <p className="mb-6">There must be at least two themes before they can be ranked.</p>}
      {!page.canRank && stage.status !== "CLOSED" && (
        <p className="mb-6">
          {stage.status === "PRIORITISING"
            ? "The themes are being ranked. The results appear here when ranking closes."
            : "The themes are ranked after gathering views closes. The results appear here when ranking closes."}
        </p>
      )}

      <section aria-labelledby="results-heading" id="results">
        <h2 id="results-heading" className="mb-2 text-2xl font-bold">
          Results
        </h2>
        {!result ? (
          <p>
            {page.canRank
              ? "You see the results once you have ranked the themes, so nobody's first ranking follows anyone else's."
              : "Not yet."}
          </p>
        ) : result.voters === 0 ? (
          <p>Nobody has ranked the themes yet.</p>
        ) : (
          <>
            <p className="mb-4">
              {result.voters} {result.voters === 1 ? "person has" : "people have"} ranked: {result.votersByGroup.TECHNICIAN} young
              commissioner
              {result.votersByGroup.TECHNICIAN === 1 ? "" : "s"} and {result.votersByGroup.COMMISSIONER} commissioner
              {result.votersByGroup.COMMISSIONER === 1 ? "" : "s"}.
              {stage.status !== "CLOSED" && " The results can change until ranking closes."}
            </p>
            <ThemePriorityChart id="theme-priorities" bars={result.rows} max={n} />
            <ScrollRegion label="Theme results table">
              <table className="mb-6 w-full border-collapse text-left">
                <caption className="sr-only">Each theme&apos;s place and points, overall and by group</caption>
                <TableHead
                  spacing="pr-3"
                  columns={[
                    { label: "Place", numeric: true },
                    "Theme",
                    { label: "Points", numeric: true },
                    { label: "Young commissioners", numeric: true },
                    { label: "Commissioners", numeric: true },
                    { label: "Put first by", numeric: true },
                  ]}
                />
                <tbody>
                  {result.rows.map((r) => (
                    <tr key={r.themeId} className="border-b border-slate-300">
                      <td className="py-2 pr-3 text-right">{r.place}</td>
                      <th scope="row" className="py-2 pr-3 text-left font-bold">
                        {r.title}
                        {r.highPriority && <span className="block font-normal">High priority</span>}
                      </th>
                      <td className="py-2 pr-3 text-right">{r.points}</td>
                      <td className="py-2 pr-3 text-right">{r.youngCommissioners}</td>
                      <td className="py-2 pr-3 text-right">{r.commissioners}</td>
                      <td className="py-2 pr-3 text-right">{r.firstChoices}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <p className="text-slate-700">
              Points: a person who ranks {n} themes gives their first {n} points, their second {n - 1}, and so on; a theme&apos;s points are
              the average over everyone. The top 3 (and any tied with the third) are high priority: the specification must answer them.
            </p>
          </>
        )}
      </section>
    </StageFrame>
  );
}
