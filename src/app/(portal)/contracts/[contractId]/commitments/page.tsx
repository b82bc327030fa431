import type { Metadata } from "next";
import Link from "next/link";
import { SignOffForm } from "@/components/awards/sign-off-form";
import { SignOffHistory } from "@/components/awards/sign-off-history";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { approvedBy, COMMITMENT_STATE_LABEL } from "@/domain/contract-checks";
import { formatLondon } from "@/domain/london-time";
import { requireActor } from "@/server/auth/session";
import { getCommitments } from "@/server/contract-checks/queries";
import { readable } from "@/server/page-guard";
import { signCommitmentsAction } from "../actions";
import { MeasureList } from "../checks-ui";

export const metadata: Metadata = { title: "Commitments" };

const DONE: Record<string, string> = {
  saved: "New version saved. Earlier signatures are void: both sides sign this version.",
  signed: "Your signature has been recorded",
};

export default async function CommitmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ contractId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ contractId }, { done }] = await Promise.all([params, searchParams]);
  const actor = await requireActor("contracts");
  const c = await readable(getCommitments(actor, contractId));
  const v = c.latest;
  const mayStillSign = v !== null && c.canSign && !approvedBy(v, c.signerRole);
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/contracts/${contractId}`}>Back to the contract</Link>
      </p>
      {done && DONE[done] && <Panel title={DONE[done]}>{null}</Panel>}
      <PageHeading caption={`${c.contract.title} · ${c.contract.organisation.name}`}>Commitments</PageHeading>
      <p className="mb-6">
        What the service promises: each measure has a target, a unit and how often the provider reports it. The commissioner writes them
        from the specification and the winning bid; the commissioner and the provider both sign each version.
      </p>
      {!v ? (
        <p className="mb-6 border-l-4 border-amber-600 bg-white p-3" data-testid="commitments-state">
          No commitments have been written for this contract yet.
        </p>
      ) : (
        <>
          <p
            className={`mb-6 border-l-8 p-3 text-lg font-bold ${v.state === "IN_FORCE" ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}
            data-testid="commitments-state"
          >
            Version {v.version}: {COMMITMENT_STATE_LABEL[v.state]}
            {v.state !== "IN_FORCE" && c.inForce && ` (version ${c.inForce.version} is in force until then)`}
          </p>
          <section aria-labelledby="measures" className="mb-8">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="measures" className="text-2xl font-bold">
                Version {v.version}
              </h2>
            </div>
            <p className="mb-3 text-slate-700">
              Written by {v.createdBy.name}, {formatLondon(v.createdAt, "dateTime")}
            </p>
            <MeasureList measures={v.measures} />
          </section>
          <section aria-labelledby="signatures" className="mb-8">
            <h2 id="signatures" className="mb-3 text-2xl font-bold">
              Signatures on version {v.version}
            </h2>
            <SignOffHistory signOffs={v.signOffs} />
          </section>
        </>
      )}
      {c.canDraft && (
        <p className="mb-8">
          <Link href={`/contracts/${contractId}/commitments/edit`} className="text-lg font-bold">
            {v ? `Change the commitments (makes version ${v.version + 1})` : "Write the commitments"}
          </Link>
        </p>
      )}
      {mayStillSign && v && (
        <section aria-labelledby="sign" className="mb-8">
          <h2 id="sign" className="mb-3 text-2xl font-bold">
            {c.signerRole === "PROVIDER" ? `Sign for ${c.contract.organisation.name}` : "Sign for the commissioner"}
          </h2>
          <p className="mb-4">
            The commitments are in force when the commissioner and the provider have both signed this same version. A later change makes a
            new version and voids both signatures.
          </p>
          <SignOffForm
            action={signCommitmentsAction.bind(null, contractId, v.version)}
            contentHash={v.contentHash}
            signerName={actor.name}
            what={`version ${v.version} of these commitments`}
            choices={["APPROVED"]}
          />
        </section>
      )}
      {c.versions.length > 1 && (
        <section aria-labelledby="earlier" className="mb-8">
          <h2 id="earlier" className="mb-3 text-2xl font-bold">
            Earlier versions
          </h2>
          <ul className="list-disc pl-6">
            {c.versions.slice(1).map((old) => (
              <li key={old.id}>
                Version {old.version}, {formatLondon(old.createdAt, "dateTime")}: {old.measures.length} measures,{" "}
                {COMMITMENT_STATE_LABEL[old.state].toLowerCase()}
                {old.signOffs.length > 0 && old.signOffs.every((s) => s.voidedAt) ? " (its signatures are void)" : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
