import type { CodeCard } from "@/server/shaping/make-codes";

/** Cards printed on one A4 sheet: two across, four down. */
export const CARDS_PER_SHEET = 8;

export const SAFETY_SHORT =
  "Worried about your safety, or someone else's? Talk to staff you trust, the health centre, or Childline on 0800 1111.";

/**
 * The printable code cards: each has the code, a QR code of the form's address with the code in it (server-made SVG,
 * no script), a three-step how-to, who to ask and who to talk to when worried. Sheets of 8 for A4 (print CSS in
 * globals.css, page "code-cards").
 */
export function CodeCards({
  cards,
  formUrl,
  lastDay,
  askName,
  place,
}: {
  cards: CodeCard[];
  formUrl: string;
  lastDay: string;
  askName: string;
  place: string;
}) {
  const sheets: CodeCard[][] = [];
  for (let i = 0; i < cards.length; i += CARDS_PER_SHEET) sheets.push(cards.slice(i, i + CARDS_PER_SHEET));
  return (
    <div className="code-card-sheets" data-testid="code-cards">
      {sheets.map((sheet, s) => (
        <ul key={s} className="code-card-sheet mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 print:mb-0 print:grid-cols-2 print:gap-[4mm]">
          {sheet.map((card) => (
            <li key={card.code} className="code-card border-2 border-dashed border-slate-500 bg-white p-3 text-slate-900 print:p-[3mm]">
              <div className="flex gap-3">
                <div className="min-w-0 flex-1">
                  <p className="font-bold print:text-sm">Have your say about health care {place}</p>
                  <p className="mt-1 text-sm print:text-xs">Your code</p>
                  <p className="font-mono text-xl font-bold tracking-wider whitespace-nowrap" data-testid="card-code">
                    {card.code}
                  </p>
                </div>
                <div
                  className="h-24 w-24 shrink-0 print:h-[24mm] print:w-[24mm]"
                  role="img"
                  aria-label={`QR code that opens the questions with code ${card.code}`}
                  // The SVG is made on the server by the qrcode library from the form's address: paths only, no script.
                  dangerouslySetInnerHTML={{ __html: card.qrSvg }}
                />
              </div>
              <ol className="mt-1 list-decimal pl-4 text-xs leading-snug print:text-[10px]">
                <li>
                  Scan the square with a phone, or go to <span className="break-all">{formUrl}</span> and type your code.
                </li>
                <li>Answer a few short questions. Do not write your name.</li>
                <li>Your code works once, until {lastDay}.</li>
              </ol>
              <p className="mt-1 text-xs leading-snug print:text-[10px]">Questions about this? Ask {askName}.</p>
              <p className="mt-1 text-xs leading-snug font-bold print:text-[10px]">{SAFETY_SHORT}</p>
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
