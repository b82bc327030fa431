import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import type { BidResult } from "@/domain/scoring";
import type { FormState } from "@/server/action-result";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The scores still marked "discuss" (votes 2 or more apart) and the tied bids, as the chair reads them before freezing. */
export function stillFlagged(bids: BidResult[], criteria: { id: string; name: string }[]) {
  const name = new Map(criteria.map((c) => [c.id, c.name]));
  return {
    discuss: bids
      .map((b) => ({
        bid: b.label,
        criteria: b.cells.filter((c) => c.divergent).map((c) => `${name.get(c.criterionId) ?? "a criterion"} (${c.min} to ${c.max})`),
      }))
      .filter((b) => b.criteria.length > 0),
    tied: bids.filter((b) => b.tie).map((b) => b.label),
  };
}

/**
 * Freezing cannot be undone, so it takes two steps, both without JavaScript: "Freeze the ranking…" asks for this
 * page again with ?freeze=confirm (a GET form), which says what is still flagged for discussion and holds the form
 * that freezes (the action refuses a freeze without its `confirm` field).
 */
export function FreezeRanking({
  path,
  confirming,
  flagged,
  action,
}: {
  path: string;
  confirming: boolean;
  flagged: ReturnType<typeof stillFlagged>;
  action: Action;
}) {
  if (!confirming) {
    return (
      <section aria-labelledby="freeze" className="mb-10 max-w-2xl">
        <h2 id="freeze" className="mb-2 text-2xl font-bold">
          Freeze the ranking
        </h2>
        <p className="mb-4">
          When the panel has finished discussing, freeze the ranking. Scores can then no longer be revised. Next, a commissioner running the
          tender recommends who should get the contract, and then the governor of the establishment is asked to sign off.
        </p>
        <form method="get" action={`${path}#freeze`}>
          <input type="hidden" name="freeze" value="confirm" />
          <SubmitButton variant="secondary">Freeze the ranking…</SubmitButton>
        </form>
      </section>
    );
  }
  const clear = flagged.discuss.length === 0 && flagged.tied.length === 0;
  return (
    <section aria-labelledby="freeze" className="mb-10 max-w-2xl border-l-8 border-amber-600 bg-white p-4" data-testid="freeze-confirm">
      <h2 id="freeze" className="mb-2 text-2xl font-bold">
        Are you sure you want to freeze the ranking?
      </h2>
      <p className="mb-4 font-bold">This cannot be undone: once frozen, nobody on the panel can revise a score.</p>
      {clear ? (
        <p className="mb-4">No scores are flagged for discussion and no bids are tied.</p>
      ) : (
        <div className="mb-4" data-testid="still-flagged">
          {flagged.discuss.length > 0 && (
            <>
              <p>Still marked “discuss” (the panel&apos;s scores are 2 or more apart):</p>
              <ul className="mb-2 list-disc pl-6">
                {flagged.discuss.map((b) => (
                  <li key={b.bid}>
                    {b.bid}: {b.criteria.join(", ")}
                  </li>
                ))}
              </ul>
            </>
          )}
          {flagged.tied.length > 0 && <p>Tied, for the panel to decide between: {flagged.tied.join(", ")}.</p>}
        </div>
      )}
      <ActionForm action={action} idPrefix="freeze">
        <input type="hidden" name="command" value="freeze" />
        <input type="hidden" name="confirm" value="yes" />
        <SubmitButton variant="warning">Yes, freeze the ranking</SubmitButton>
      </ActionForm>
      <p className="mt-4">
        <Link href={path}>No, keep discussing</Link>
      </p>
    </section>
  );
}
