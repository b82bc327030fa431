import type { ConsentText } from "@/server/technicians/consent-text";

/** The welcome text, one short section per heading, readable on a small phone. */
export function ConsentSections({ text }: { text: ConsentText }) {
  return (
    <div className="mb-8 max-w-2xl space-y-6 text-lg">
      {text.sections.map((section) => (
        <section key={section.id} aria-labelledby={`consent-${section.id}`}>
          <h2 id={`consent-${section.id}`} className="mb-2 text-2xl font-bold">
            {section.heading}
          </h2>
          {section.paragraphs.map((p, i) => (
            <p
              key={i}
              className={`mb-2 break-words ${section.id === "support" && i > 0 ? "border-l-4 border-slate-500 bg-white p-3 font-bold" : ""}`}
            >
              {p}
            </p>
          ))}
          {section.list && (
            <ul className="mb-2 list-disc space-y-1 pl-6">
              {section.list.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
          {section.after?.map((p, i) => (
            <p key={i} className="mb-2">
              {p}
            </p>
          ))}
        </section>
      ))}
      <p className="text-base text-slate-600">Version {text.version}</p>
    </div>
  );
}
