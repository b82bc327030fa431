import { describe, expect, it } from "vitest";
import { GLOSSARY } from "@/domain/glossary";

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
      "mark",
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

  it("uses short sentences: none over 20 words, and no more than 4 per entry", () => {
    for (const entry of GLOSSARY) {
      const sentences = entry.meaning.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, entry.word).toBeLessThanOrEqual(4);
      for (const sentence of sentences) expect(sentence.split(/\s+/).length, `${entry.word}: ${sentence}`).toBeLessThanOrEqual(20);
    }
  });
});
