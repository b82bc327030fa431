import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { versionState } from "@/domain/agreement-status";
import { getAgreement } from "@/server/agreements/queries";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { AgreementVersionContent, AgreementVersionSignatures } from "../../../version-content";
import { VERSION_STATE_LABEL } from "../../../version-state";

type Params = Promise<{ agreementId: string; version: string }>;

async function load(params: Params) {
  const { agreementId, version } = await params;
  const actor = await requireActor("agreements");
  const a = await readable(getAgreement(actor, agreementId));
  const v = /^[1-9]\d{0,5}$/.test(version) ? a.versions.find((x) => x.version === Number(version)) : undefined;
  if (!v) notFound();
  return { a, v };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { a, v } = await load(params);
  return { title: `Version ${v.version} of ${a.title}` };
}

/** One version of an agreement as it was signed: its text, its signatures and whether each still stands. */
export default async function AgreementVersionPage({ params }: { params: Params }) {
  const { a, v } = await load(params);
  const state = versionState(v, a.versions);
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/agreements/${a.id}`}>Back to the agreement</Link>
      </p>
      <PageHeading caption={a.title}>Version {v.version}</PageHeading>
      <p
        className={`mb-6 border-l-8 p-3 text-lg font-bold ${state === "IN_FORCE" ? "border-green-700 bg-green-50" : "border-slate-500 bg-slate-100"}`}
        data-testid="version-state"
      >
        This version is {VERSION_STATE_LABEL[state]}.
      </p>
      <section aria-labelledby="content" className="mb-8">
        <h2 id="content" className="mb-2 text-2xl font-bold">
          What version {v.version} says
        </h2>
        <AgreementVersionContent v={v} />
      </section>
      <AgreementVersionSignatures v={v} versions={a.versions} />
      {v.version !== a.latest.version && (
        <p>
          <Link href={`/agreements/${a.id}/compare?from=${v.version}&to=${a.latest.version}`}>
            What changed from version {v.version} to the latest, version {a.latest.version}
          </Link>
        </p>
      )}
    </div>
  );
}
