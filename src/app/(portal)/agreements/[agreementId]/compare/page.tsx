import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { compareAgreementVersions } from "@/server/agreements/queries";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";

export const metadata: Metadata = { title: "Compare versions" };

export default async function CompareVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ agreementId: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const [{ agreementId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor("agreements");
  const diff = await readable(compareAgreementVersions(actor, agreementId, Number(query.from), Number(query.to)));
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/agreements/${diff.agreement.id}`}>Back to the agreement</Link>
      </p>
      <PageHeading caption={diff.agreement.title}>
        What changed from version {diff.from.version} to version {diff.to.version}
      </PageHeading>
      <p className="mb-6">
        Added words are <ins className="bg-green-100 font-bold">underlined on green</ins>; removed words are{" "}
        <del className="bg-red-100">struck through on red</del>.
      </p>
      {diff.fields.map((f) => (
        <section key={f.label} className="mb-6 border-l-4 border-slate-300 bg-white p-4" aria-label={f.label}>
          <h2 className="mb-2 text-xl font-bold">
            {f.label} {f.changed ? "" : <span className="font-normal text-slate-600">(no change)</span>}
          </h2>
          {f.changed && (
            <p className="whitespace-pre-line break-words" data-testid={`diff-${f.label}`}>
              {f.parts.map((p, i) =>
                p.added ? (
                  <ins key={i} className="bg-green-100 font-bold">
                    {p.value}
                  </ins>
                ) : p.removed ? (
                  <del key={i} className="bg-red-100">
                    {p.value}
                  </del>
                ) : (
                  <span key={i}>{p.value}</span>
                ),
              )}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
