import type { Metadata } from "next";
import { GLOSSARY } from "@/domain/glossary";

export const metadata: Metadata = { title: "Words we use" };

/** The word list: readable by anyone, signed in or not, with or without JavaScript. */
export default function WordsPage() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold md:text-4xl">Words we use</h1>
      <p className="mb-6 text-lg">Some words on CoCommission are hard to avoid. This is what they mean.</p>
      <dl className="space-y-5" data-testid="glossary">
        {GLOSSARY.map((entry) => (
          <div key={entry.slug} id={entry.slug} className="scroll-mt-4 border-l-4 border-nhs-blue bg-white p-3 target:bg-yellow-100">
            <dt className="text-xl font-bold">{entry.word}</dt>
            <dd className="mt-1 text-lg">{entry.meaning}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
