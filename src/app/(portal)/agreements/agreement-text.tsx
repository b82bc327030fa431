/** Free text with "## " headings, as written in the agreement, rendered as headings and paragraphs. */
export function AgreementText({ text }: { text: string }) {
  if (!text) return <p className="text-slate-600">None.</p>;
  const blocks = text.split(/\n/);
  return (
    <div className="space-y-2">
      {blocks.map((line, i) =>
        line.startsWith("## ") ? (
          <h4 key={i} className="mt-3 text-lg font-bold">
            {line.slice(3)}
          </h4>
        ) : line.trim() ? (
          <p key={i} className="break-words">
            {line}
          </p>
        ) : null,
      )}
    </div>
  );
}
