import { agreementSideOf, can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { SignOffForm } from "@/components/awards/sign-off-form";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { AGREEMENT_STATE_LABEL, SIGNING_CHOICES, signingRefusal, versionState } from "@/domain/agreement-status";
import { formatLondon } from "@/domain/london-time";
import { getAgreement } from "@/server/agreements/queries";
import { requireActor } from "@/server/auth/session";
import { signAgreementAction } from "../actions";
import { AgreementVersionContent, AgreementVersionSignatures } from "../version-content";
import { VERSION_STATE_LABEL } from "../version-state";
import { readable } from "@/server/page-guard";

export const metadata: Metadata = { title: "Agreement" };

const DONE: Record<string, string> = {
  created: "Version 1 saved",
  saved: "New version saved. Earlier signatures are void.",
  signed: "Your decision has been recorded",
};
const day = (d: Date) => formatLondon(new Date(d.getTime() + 12 * 3_600_000));

export default async function AgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ agreementId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ agreementId }, { done }] = await Promise.all([params, searchParams]);
  const actor = await requireActor("agreements");
  const a = await readable(getAgreement(actor, agreementId));
  const v = a.latest;
  // The side the actor signs for, and whether it may sign this version: the same two answers the use case asks.
  const role = agreementSideOf(actor, a);
  const canSign = role !== null && signingRefusal(role, v.signOffs) === null;

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/agreements">Back to agreements</Link>
      </p>
      {done && DONE[done] && <Panel title={DONE[done]}>{null}</Panel>}
      <PageHeading caption={`${a.establishment.name} · ${day(a.periodStart)} to ${day(a.periodEnd)}`}>{a.title}</PageHeading>
      <p
        className={`mb-6 border-l-8 p-3 text-lg font-bold ${a.state === "IN_FORCE" ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}
        data-testid="agreement-state"
      >
        {AGREEMENT_STATE_LABEL[a.state]}
        {a.state !== "IN_FORCE" && a.inForceVersion !== null && ` (version ${a.inForceVersion} is in force)`}
      </p>

      <section aria-labelledby="content" className="mb-8">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="content" className="text-2xl font-bold">
            Version {v.version}
          </h2>
          {can(actor, "agreement.draft") && <Link href={`/agreements/${a.id}/edit`}>Edit (makes version {v.version + 1})</Link>}
        </div>
        <AgreementVersionContent v={v} />
      </section>

      <AgreementVersionSignatures v={v} versions={a.versions} />

      {canSign && role && (
        <section aria-labelledby="sign" className="mb-8">
          <h2 id="sign" className="mb-3 text-2xl font-bold">
            {role === "GOVERNOR" ? "Your decision" : "Sign for NHS England"}
          </h2>
          <p className="mb-4">
            {role === "GOVERNOR"
              ? "The agreement is in force when you and the commissioner have both signed this same version."
              : "Signing asks the governor to sign the same version. Any later edit makes a new version and voids both signatures."}
          </p>
          <SignOffForm
            action={signAgreementAction.bind(null, a.id, v.version)}
            contentHash={v.contentHash}
            signerName={actor.name}
            what={`version ${v.version} of this agreement`}
            choices={SIGNING_CHOICES[role]}
          />
        </section>
      )}

      {a.versions.length > 1 && (
        <section aria-labelledby="versions" className="mb-8">
          <h2 id="versions" className="mb-3 text-2xl font-bold">
            Earlier versions
          </h2>
          <ul className="list-disc pl-6" data-testid="earlier-versions">
            {a.versions.slice(1).map((old) => (
              <li key={old.id}>
                <Link href={`/agreements/${a.id}/versions/${old.version}`}>Version {old.version}</Link>,{" "}
                {formatLondon(old.createdAt, "dateTime")}, by {old.createdBy.name}: {VERSION_STATE_LABEL[versionState(old, a.versions)]},{" "}
                {old.signOffs.length === 0
                  ? "never signed"
                  : `${old.signOffs.length} signature${old.signOffs.length === 1 ? "" : "s"}${old.signOffs.every((s) => s.voidedAt) ? ", all void" : ""}`}
                .{" "}
                <Link href={`/agreements/${a.id}/compare?from=${old.version}&to=${v.version}`}>
                  What changed since version {old.version}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
