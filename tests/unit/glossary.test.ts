import { describe, expect, it } from "vitest";
import { GLOSSARY } from "@/domain/glossary";
import { describeStage, TENDER_STAGES } from "@/domain/tender-lifecycle";

// Technician pages are read by young people, some under 18: the word list is
// held to short sentences (PRODUCT.md: "readable by a 12-year-old").
describe("the word list", () => {
  it("explains every unavoidable word on technician pages, once each", () => {
    const slugs = GLOSSARY.map((g) => g.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const needed of [
      "tender",
      "bid",
      "panel",
      "score",
      "criterion-score",
      "total",
      "rounded",
      "price-score",
      "hmyoi",
      "custody",
      "reference",
      "stage",
      "moderation",
      "conflict-of-interest",
      "standstill",
      "sign-off",
      "consent",
      "step-back",
      "panel-parity",
    ]) {
      expect(slugs).toContain(needed);
    }
  });

  it('uses one word for a score: never "mark" (the product\'s word is score, issue 27)', () => {
    for (const entry of GLOSSARY) expect(`${entry.word} ${entry.meaning}`, entry.word).not.toMatch(/\bmarks?\b/i);
  });

  it("explains every stage by the name its status tag shows", () => {
    const words = GLOSSARY.map((g) => g.word);
    for (const stage of TENDER_STAGES) expect(words).toContain(`Stage: ${describeStage(stage).label}`);
  });

  it("uses short sentences: none over 20 words, and no more than 4 per entry", () => {
    for (const entry of GLOSSARY) {
      const sentences = entry.meaning.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, entry.word).toBeLessThanOrEqual(4);
      for (const sentence of sentences) expect(sentence.split(/\s+/).length, `${entry.word}: ${sentence}`).toBeLessThanOrEqual(20);
    }
  });
});
