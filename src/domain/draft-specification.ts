// The draft a shaping stage's young commissioners agree to (issue 24): the service requirements and the tender's
// criteria, each with the themes it answers. Its content hash binds a review to the version the reviewer saw;
// `describeChanges` tells them what changed since the version they last reviewed. Pure.

export interface DraftTheme {
  id: string;
  title: string;
}

export interface DraftRequirement {
  id: string;
  text: string;
  themes: DraftTheme[];
}

export interface DraftCriterion {
  id: string;
  name: string;
  description: string;
  plainLanguageDescription: string;
  weight: number;
  kind: "QUALITY" | "PRICE";
  themes: DraftTheme[];
}

export interface DraftSpecification {
  requirements: DraftRequirement[];
  criteria: DraftCriterion[];
}

export interface DraftChange {
  kind: "added" | "removed" | "changed" | "moved";
  what: string;
  detail?: string;
}

const themeNames = (themes: DraftTheme[]) => themes.map((t) => t.title).join(", ") || "no theme";
const sameThemes = (a: DraftTheme[], b: DraftTheme[]) => themeNames(a) === themeNames(b);

/** What changed from `before` to `after`, in words, in the draft's order (removed items last). */
export function describeChanges(before: DraftSpecification, after: DraftSpecification): DraftChange[] {
  const changes: DraftChange[] = [];
  const oldReqs = new Map(before.requirements.map((r, i) => [r.id, { r, i }]));
  after.requirements.forEach((r, i) => {
    const old = oldReqs.get(r.id);
    const what = `Requirement: ${r.text}`;
    if (!old) changes.push({ kind: "added", what });
    else {
      if (old.r.text !== r.text) changes.push({ kind: "changed", what, detail: `It said: ${old.r.text}` });
      if (!sameThemes(old.r.themes, r.themes))
        changes.push({ kind: "changed", what, detail: `It answered: ${themeNames(old.r.themes)}. Now: ${themeNames(r.themes)}.` });
      if (old.i !== i && old.r.text === r.text) changes.push({ kind: "moved", what, detail: `Now number ${i + 1}, was ${old.i + 1}.` });
    }
  });
  const newReqIds = new Set(after.requirements.map((r) => r.id));
  for (const r of before.requirements) if (!newReqIds.has(r.id)) changes.push({ kind: "removed", what: `Requirement: ${r.text}` });

  const oldCrit = new Map(before.criteria.map((c) => [c.id, c]));
  for (const c of after.criteria) {
    const old = oldCrit.get(c.id);
    const what = `Question for providers: ${c.name}`;
    if (!old) {
      changes.push({ kind: "added", what, detail: `Worth ${c.weight} of 100 points.` });
      continue;
    }
    if (old.name !== c.name) changes.push({ kind: "changed", what, detail: `It was called: ${old.name}` });
    if (old.weight !== c.weight) changes.push({ kind: "changed", what, detail: `Worth ${c.weight} of 100 points, was ${old.weight}.` });
    if (old.kind !== c.kind)
      changes.push({ kind: "changed", what, detail: c.kind === "PRICE" ? "Now scored on price." : "Now scored by the panel." });
    if (old.plainLanguageDescription !== c.plainLanguageDescription || old.description !== c.description)
      changes.push({ kind: "changed", what, detail: "Its description changed." });
    if (!sameThemes(old.themes, c.themes))
      changes.push({ kind: "changed", what, detail: `It answered: ${themeNames(old.themes)}. Now: ${themeNames(c.themes)}.` });
  }
  const newCritIds = new Set(after.criteria.map((c) => c.id));
  for (const c of before.criteria) if (!newCritIds.has(c.id)) changes.push({ kind: "removed", what: `Question for providers: ${c.name}` });
  return changes;
}
