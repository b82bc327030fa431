// "You said, we did" from the themes (issue 24): each theme young people raised, followed to the criteria that scored
// it, the winning bid's score on them and the contract. Short sentences a 12-year-old reads; no names of people. Pure.
import { ordinal } from "./shaping-summary";

export interface ThemeToFollow {
  title: string;
  place: number | null;
  criteria: { name: string; kind: "QUALITY" | "PRICE"; score: string | null }[];
}

/** Where the tender is: no award yet, an award waiting for its standstill, awarded, or stopped. */
export type FollowedTo =
  { state: "NOT_YET" } | { state: "PENDING"; provider: string } | { state: "AWARDED"; provider: string } | { state: "CANCELLED" };

export interface ThemeFollowed {
  said: string;
  place: string | null;
  did: string[];
}

/** One theme's "You said" and "We did" lines. */
export function followTheme(theme: ThemeToFollow, to: FollowedTo): ThemeFollowed {
  const place = theme.place === null ? null : `It came ${ordinal(theme.place)} when everyone ranked the themes.`;
  if (theme.criteria.length === 0)
    return { said: theme.title, place, did: ["We did not find a way to score this in the tender. We will keep it in mind."] };
  const names = theme.criteria.map((c) => (c.kind === "PRICE" ? "the price" : `“${c.name}”`));
  const did = [`We asked every provider about it. The panel scored it in ${joinAnd(names)}.`];
  if (to.state === "PENDING" || to.state === "AWARDED" || to.state === "CANCELLED") {
    for (const c of theme.criteria)
      if (c.score !== null)
        did.push(
          to.state === "CANCELLED"
            ? `The top provider scored ${c.score} out of 5 on ${c.kind === "PRICE" ? "the price" : `“${c.name}”`}.`
            : `${to.provider} scored ${c.score} out of 5 on ${c.kind === "PRICE" ? "the price" : `“${c.name}”`}.`,
        );
  }
  return { said: theme.title, place, did };
}

/** The last line: where it all went. */
export function contractLine(to: FollowedTo): string {
  switch (to.state) {
    case "NOT_YET":
      return "The panel has not chosen a provider yet. We will tell you when they have.";
    case "PENDING":
      return `${to.provider} will get the contract after a short wait. Their contract has to do what you asked for.`;
    case "AWARDED":
      return `${to.provider} got the contract. Their contract has to do what you asked for.`;
    case "CANCELLED":
      return "The tender was stopped, so nobody got the contract this time. What you told us will shape the next one.";
  }
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
