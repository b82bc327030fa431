import "server-only";
import { openCount, participationParts, youngPeopleTookPart } from "@/domain/shaping-summary";
import type { Tx } from "../db";
import { loadShapingSummary } from "../shaping/shaping-summary";

/**
 * OCDS `planning` from the tender's shaping stage (issue 24): how young people shaped the service before it was
 * specified — the themes they raised, the place each was ranked, and counts. No free text of any young person, no
 * quotes, no names, no gate reason: only the facilitators' theme titles, places and counts.
 *
 * Where it goes, and why: OCDS 1.1 `planning` is "the process of deciding what to contract", which is what shaping
 * is. `planning.rationale` (core) says it in one paragraph; `planning.documents` (core) lists it as a
 * `needsAssessment` (the documentType codelist's planning document for an assessment of needs). No extension in
 * the OCDS extension registry carries the structured figures (themes, places, counts), so they are a field of our
 * own, `planning.youngPeoplesPriorities`, documented in the README and on the Open data page; the release schema
 * allows additional fields there. Any count from 1 to 4 is left out (`openCount`), as the portal says "fewer than
 * 5", and the total with it when the anonymous answers are fewer than 5 (it would give them away).
 */
export async function shapingPlanning(tx: Tx, tenderId: string): Promise<Record<string, unknown> | null> {
  const summary = await loadShapingSummary(tx, tenderId);
  if (!summary) return null;
  const p = summary.participation;
  const ranked = summary.themes.some((t) => t.place !== null);
  const themes = ranked
    ? summary.themes.map((t, i) => `${t.place ?? i + 1}. ${t.title}`).join("; ")
    : summary.themes.map((t) => t.title).join("; ");
  const parts = participationParts(p);
  const rationale = `Young people shaped this service before it was specified. ${youngPeopleTookPart(p)}${parts.length > 0 ? ` (${parts.join("; ")})` : ""}. The themes they raised${ranked ? ", in the order they and the commissioners ranked them" : ""}: ${themes}.`;
  const anonymousKnown = openCount(p.anonymous) !== undefined;
  return {
    rationale,
    documents: [
      {
        id: `shaping-${summary.stageId}`,
        documentType: "needsAssessment",
        title: "What young people told us",
        description: rationale,
        language: "en",
      },
    ],
    youngPeoplesPriorities: {
      participants: {
        ...(anonymousKnown ? { total: p.focusGroups + p.anonymous + p.youngCommissioners } : {}),
        focusGroups: p.focusGroups,
        focusGroupSessions: p.focusGroupSessions,
        ...(anonymousKnown ? { anonymousAnswers: p.anonymous } : {}),
        youngCommissioners: p.youngCommissioners,
      },
      themes: summary.themes.map((t) => ({
        id: t.id,
        title: t.title,
        ...(t.place !== null ? { priority: t.place } : {}),
        highPriority: t.highPriority,
        views: definedOnly({
          youngCommissioners: openCount(t.views.youngCommissioners),
          focusGroups: openCount(t.views.focusGroups),
          anonymousAnswers: openCount(t.views.anonymous),
        }),
      })),
      coProduction: {
        youngCommissioners: summary.gate.youngCommissioners,
        agreed: summary.gate.agreed,
        wentAheadWithoutAgreement: summary.gate.override !== null,
      },
    },
  };
}

function definedOnly(values: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => e[1] !== undefined));
}
