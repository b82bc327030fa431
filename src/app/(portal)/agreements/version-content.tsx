import Link from "next/link";
import { SignOffHistory, type SignOffRow } from "@/components/awards/sign-off-history";
import { formatLondon } from "@/domain/london-time";
import { AgreementText } from "./agreement-text";
import { signOffVoidReason } from "./version-state";

interface VersionContent {
  priorities: string;
  servicesInScope: string;
  youngPeopleInvolvement: string;
  otherTerms: string;
  contentHash: string;
  contracts: { contract: { id: string; title: string; organisation: { name: string } } }[];
  createdAt: Date;
  createdBy: { name: string };
}

/** The text of one agreement version, as signed: the same on the agreement page and each version's own page. */
export function AgreementVersionContent({ v }: { v: VersionContent }) {
  return (
    <>
      <p className="mb-4 text-slate-700">
        Written by {v.createdBy.name}, {formatLondon(v.createdAt, "dateTime")}.
      </p>
      <h3 className="mt-4 text-xl font-bold">Priorities</h3>
      <AgreementText text={v.priorities} />
      <h3 className="mt-4 text-xl font-bold">Services in scope</h3>
      <AgreementText text={v.servicesInScope} />
      <h3 className="mt-4 text-xl font-bold">How young people are involved</h3>
      <AgreementText text={v.youngPeopleInvolvement} />
      <h3 className="mt-4 text-xl font-bold">Other terms</h3>
      <AgreementText text={v.otherTerms} />
      <h3 className="mt-4 text-xl font-bold">Linked contracts</h3>
      {v.contracts.length === 0 ? (
        <p className="text-slate-600">None.</p>
      ) : (
        <ul className="list-disc pl-6">
          {v.contracts.map((c) => (
            <li key={c.contract.id}>
              <Link href={`/contracts/${c.contract.id}`}>{c.contract.title}</Link> ({c.contract.organisation.name})
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 break-all text-sm">
        Content hash (SHA-256):{" "}
        <span className="font-mono" data-testid="content-hash">
          {v.contentHash}
        </span>
      </p>
    </>
  );
}

/** The signatures on one version and whether each still stands: the same on the agreement page and each version's own page. */
export function AgreementVersionSignatures({
  v,
  versions,
}: {
  v: { version: number; signOffs: unknown[] };
  versions: { version: number; createdAt: Date }[];
}) {
  return (
    <section aria-labelledby="signatures" className="mb-8">
      <h2 id="signatures" className="mb-3 text-2xl font-bold">
        Signatures on version {v.version}
      </h2>
      <SignOffHistory signOffs={v.signOffs as SignOffRow[]} voidReason={signOffVoidReason(v.version, versions)} />
    </section>
  );
}
