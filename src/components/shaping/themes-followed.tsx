import { contractLine, followTheme, type FollowedTo, type ThemeToFollow } from "@/domain/you-said-we-did";

/**
 * "You said, we did" from the themes (issue 24): each theme young people raised, in the order they ranked them,
 * followed to the criteria that scored it, the winning bid's score and the contract. `easyRead` is the printed
 * version for the wing: bigger type, one idea a line.
 */
export function ThemesFollowed({
  shaping,
  to,
  easyRead = false,
  headingLevel = 2,
}: {
  shaping: { tookPart: string; themes: ThemeToFollow[] };
  to: FollowedTo;
  easyRead?: boolean;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="themes-followed" className="mb-8" data-testid="themes-followed">
      <H id="themes-followed" className={easyRead ? "mb-4 text-4xl font-bold" : "mb-2 text-2xl font-bold"}>
        What young people told us, and what we did
      </H>
      <p className={easyRead ? "mb-6 text-2xl" : "mb-4 text-lg"}>{shaping.tookPart}. Thank you.</p>
      <ol className={easyRead ? "space-y-8" : "space-y-4"}>
        {shaping.themes.map((theme) => {
          const f = followTheme(theme, to);
          return (
            <li
              key={theme.title}
              className={
                easyRead ? "break-inside-avoid border-l-8 border-nhs-blue pl-4 text-2xl" : "border-l-4 border-nhs-blue bg-white p-4"
              }
            >
              <Sub className={easyRead ? "text-3xl font-bold" : "text-xl font-bold"}>You said: {f.said}</Sub>
              {f.place && <p>{f.place}</p>}
              <p className="mt-2 font-bold">We did:</p>
              <ul className="list-disc space-y-1 pl-8">
                {f.did.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      <p className={easyRead ? "mt-8 text-2xl font-bold" : "mt-4 text-lg font-bold"} data-testid="contract-line">
        {contractLine(to)}
      </p>
    </section>
  );
}
