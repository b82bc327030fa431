import { ordinal } from "@/domain/shaping-summary";
import type { NoticeShaping } from "@/server/shaping/summary-queries";

/**
 * "What young people told us" on a published notice (issue 24): the themes young people raised, in the order they
 * ranked them, the words they agreed could be quoted, and how many took part. Providers answer it in their bids.
 */
export function YoungPeopleToldUs({ shaping }: { shaping: NoticeShaping }) {
  return (
    <section aria-labelledby="young-people" className="mb-10 max-w-3xl" data-testid="young-people-told-us">
      <h2 id="young-people" className="mb-2 text-2xl font-bold">
        What young people told us
      </h2>
      <p className="mb-2 text-lg">
        Before this service was specified, young people here told us what matters to them. {shaping.tookPart}
        {shaping.parts.length > 0 ? `: ${shaping.parts.join("; ")}.` : "."}
      </p>
      <p className="mb-4">
        These are the themes they raised, most important first. The requirements and the questions below answer them: say in your bid how
        you would.
      </p>
      <ol className="space-y-4">
        {shaping.themes.map((theme) => (
          <li key={theme.title} className="border-l-4 border-nhs-blue bg-white p-4">
            <h3 className="text-xl font-bold">
              {theme.place !== null && <span className="text-slate-700">{ordinal(theme.place)}: </span>}
              {theme.title}
            </h3>
            {theme.description && <p className="mt-1">{theme.description}</p>}
            {theme.quotes.length > 0 && (
              <ul className="mt-2 space-y-2" aria-label={`What young people said about ${theme.title}`}>
                {theme.quotes.map((quote, i) => (
                  <li key={i}>
                    <blockquote className="border-l-4 border-slate-300 pl-3 italic">“{quote}”</blockquote>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm text-slate-700">Quotes are shown only where the young person agreed. Nobody is named.</p>
    </section>
  );
}
