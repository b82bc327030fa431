import { ordinal } from "@/domain/shaping-summary";

/**
 * Beside a criterion on the scoring sheet: the themes young people raised that it answers, with the place they ranked
 * them (issue 24). Nothing when the criterion came from no theme.
 */
export function CriterionThemes({ themes, plain }: { themes: { title: string; place: number | null }[] | undefined; plain: boolean }) {
  if (!themes || themes.length === 0) return null;
  return (
    <div className="mb-3 border-l-4 border-nhs-blue bg-sky-50 p-3" data-testid="criterion-themes">
      <p className="font-bold">{plain ? "Young people said this matters:" : "Answers what young people told us:"}</p>
      <ul className="list-disc pl-6">
        {themes.map((theme) => (
          <li key={theme.title}>
            {theme.title}
            {theme.place !== null && <span className="text-slate-700"> ({ordinal(theme.place)} most important)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
