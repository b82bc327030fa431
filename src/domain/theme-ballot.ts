// One person's ranking of a stage's themes (issue 24), as posted by the form: a place (1 = matters most) chosen
// for every theme, each place used once. Pure: the use case loads the themes and stores the ranks.

export interface BallotTheme {
  id: string;
  title: string;
}

export type BallotResult = { ok: true; ranks: Map<string, number> } | { ok: false; errors: Record<string, string> };

/** The form field for a theme's place. */
export const placeField = (themeId: string) => `place-${themeId}`;

/**
 * Reads the places posted for `themes`: every theme needs a place from 1 to n, and no two themes may share one.
 * Errors are keyed by each theme's field, in words that say which themes clash.
 */
export function parseBallot(themes: readonly BallotTheme[], posted: Readonly<Record<string, string | undefined>>): BallotResult {
  const n = themes.length;
  const errors: Record<string, string> = {};
  const places = new Map<string, number>();
  for (const theme of themes) {
    const raw = (posted[placeField(theme.id)] ?? "").trim();
    const place = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (raw === "") errors[placeField(theme.id)] = `Choose a place for “${theme.title}”`;
    else if (!(place >= 1 && place <= n)) errors[placeField(theme.id)] = `The place for “${theme.title}” must be from 1 to ${n}`;
    else places.set(theme.id, place);
  }
  const byPlace = new Map<number, BallotTheme[]>();
  for (const theme of themes) {
    const place = places.get(theme.id);
    if (place !== undefined) byPlace.set(place, [...(byPlace.get(place) ?? []), theme]);
  }
  for (const [place, same] of byPlace) {
    if (same.length < 2) continue;
    const names = same.map((t) => `“${t.title}”`);
    const list = `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    for (const theme of same) errors[placeField(theme.id)] = `You put ${list} all in place ${place}: give each theme a different place`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, ranks: places };
}
