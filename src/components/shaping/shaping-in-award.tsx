import Link from "next/link";
import { formatLondon } from "@/domain/london-time";
import { ordinal } from "@/domain/shaping-summary";
import type { ShapingInAward } from "@/server/awards/award-summary";

/** "Agreed by 3 of 4 young commissioners", or the commissioner's reason to go ahead without them. */
export function gateOutcome(gate: ShapingInAward["gate"]): string {
  if (gate.override)
    return `The commissioner went ahead without the young commissioners' agreement (${gate.agreed} of ${gate.youngCommissioners} agreed), on ${formatLondon(new Date(gate.override.at), "date")}. Their reason: ${gate.override.reason}`;
  if (gate.youngCommissioners === 0) return "No young commissioner took part in shaping, so nobody was asked to agree.";
  return `The requirements, criteria and weights were agreed by ${gate.agreed} of the ${gate.youngCommissioners} young commissioners who shaped the service${gate.askedForChanges > 0 ? ` (${gate.askedForChanges} asked for changes)` : ""}.`;
}

/**
 * On the award summary and the governor's sign-off (issue 24): how the recommended bid answers the themes young
 * people ranked highest — each high-priority theme, the criteria linked to it and the bid's score on them — and the
 * co-production gate's outcome. Rendered from the frozen summary only.
 */
export function ShapingInAwardView({ shaping, provider, printHref }: { shaping: ShapingInAward; provider: string; printHref?: string }) {
  const high = shaping.themes.filter((t) => t.highPriority);
  const others = shaping.themes.filter((t) => !t.highPriority);
  return (
    <section aria-labelledby="young-people-themes" className="mb-8 max-w-3xl" data-testid="shaping-in-award">
      <h2 id="young-people-themes" className="mb-3 text-2xl font-bold">
        How {provider} answers what young people told us
      </h2>
      <p className="mb-3">
        {shaping.tookPart} in shaping this service. The themes they ranked highest, the criteria that scored them, and {provider}
        &apos;s score on each (out of 5):
      </p>
      {high.length === 0 ? (
        <p className="mb-3">The themes were not ranked.</p>
      ) : (
        <ul className="mb-3 space-y-3">
          {high.map((theme) => (
            <li key={theme.id} className="border-l-4 border-nhs-blue bg-white p-3">
              <p className="font-bold">
                {theme.place !== null && `${ordinal(theme.place)}: `}
                {theme.title}
              </p>
              {theme.criteria.length === 0 ? (
                <p className="text-amber-800">No criterion scored this theme.</p>
              ) : (
                <ul className="mt-1">
                  {theme.criteria.map((c) => (
                    <li key={c.criterionId}>
                      {c.name}: <strong className="tabular-nums">{c.score ?? "no score"}</strong>
                      {c.score !== null && " out of 5"}
                      {c.kind === "PRICE" && " (price, by formula)"}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <p className="mb-3 text-slate-700">
          Other themes: {others.map((t) => `${t.title}${t.place !== null ? ` (${ordinal(t.place)})` : ""}`).join("; ")}.
        </p>
      )}
      <p className="border-l-4 border-slate-600 bg-white p-3" data-testid="gate-outcome">
        <strong>Co-production: </strong>
        {gateOutcome(shaping.gate)}
      </p>
      {printHref && (
        <p className="mt-3 print:hidden">
          <Link href={printHref}>Print &ldquo;You said, we did&rdquo; for the young people on the wing</Link> (easy read, A4)
        </p>
      )}
    </section>
  );
}
