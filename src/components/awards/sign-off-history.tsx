import { formatLondon } from "@/domain/london-time";

const DECISION_LABEL = { APPROVED: "Approved", CHANGES_REQUESTED: "Asked for changes", REJECTED: "Rejected" } as const;

const SIGNER_LABEL = { COMMISSIONER: "commissioner", GOVERNOR: "governor", PROVIDER: "provider" } as const;

export interface SignOffRow {
  id: string;
  decision: keyof typeof DECISION_LABEL;
  typedName: string | null;
  /** The signer's account name when they signed (older rows have none). */
  signerName?: string | null;
  comment: string | null;
  contentHash: string;
  signedAt: Date;
  voidedAt: Date | null;
  signerRole: "COMMISSIONER" | "GOVERNOR" | "PROVIDER";
  signer: { name: string };
  /** The audit event that recorded this decision, as "<event>:<hash>": the record's anchor outside the database. */
  checkpoint?: string | null;
}

/**
 * Signatures and decisions, each with the content hash it is bound to, what
 * the signer typed beside their account name, and whether it still stands
 * (`voidReason` says why a void one no longer counts).
 */
export function SignOffHistory({ signOffs, voidReason }: { signOffs: SignOffRow[]; voidReason?: (s: SignOffRow) => string }) {
  if (signOffs.length === 0) return <p>No decisions yet.</p>;
  return (
    <ul className="space-y-3" data-testid="signoffs">
      {signOffs.map((s) => (
        <li
          key={s.id}
          className={`border-l-4 bg-white p-3 ${s.voidedAt ? "border-slate-400 text-slate-600" : s.decision === "APPROVED" ? "border-green-700" : "border-amber-600"}`}
        >
          <strong>{DECISION_LABEL[s.decision]}</strong> by {s.signer.name} ({SIGNER_LABEL[s.signerRole]}),{" "}
          {formatLondon(s.signedAt, "dateTime")}
          {s.typedName && (
            <span className="block">
              Signed as: “{s.typedName}”{s.signerName ? ` (name on the account: ${s.signerName})` : ""}
            </span>
          )}
          {s.comment && <span className="block whitespace-pre-line">Comment: {s.comment}</span>}
          <span className="block break-all font-mono text-sm">Content hash (SHA-256): {s.contentHash}</span>
          {s.checkpoint && (
            <span className="block break-all text-sm" data-testid="signoff-checkpoint">
              Audit checkpoint of this decision (event number and hash): <span className="font-mono">{s.checkpoint}</span>
            </span>
          )}
          {s.voidedAt ? (
            <span className="block font-bold">
              Void since {formatLondon(s.voidedAt, "dateTime")}: {voidReason ? voidReason(s) : "the content changed after signing."}
            </span>
          ) : (
            voidReason && <span className="block font-bold">Stands: not void.</span>
          )}
        </li>
      ))}
    </ul>
  );
}
