import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { formatLondon, utcDateKey } from "@/domain/london-time";
import { shapingAllows } from "@/domain/shaping-stage";
import { PageHeading } from "@/components/ui/page-heading";
import { TableHead } from "@/components/ui/table-head";
import { requireActor } from "@/server/auth/session";
import { Forbidden } from "@/server/errors";
import { readable } from "@/server/page-guard";
import { codeBatches } from "@/server/shaping/views-queries";
import { MakeCodesForm } from "./make-codes-form";
import { RevokeBatchForm } from "./revoke-form";

export const metadata: Metadata = { title: "Code cards" };

export default async function CodesPage({
  params,
  searchParams,
}: {
  params: Promise<{ stageId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { stageId } = await params;
  const query = await searchParams;
  const actor = await requireActor();
  const result = await readable(codeBatches(actor, stageId).catch((e: unknown) => (e instanceof Forbidden ? null : Promise.reject(e))));
  if (!result) forbidden();
  const { stage, batches } = result;
  const gathering = shapingAllows.gatherViews(stage.status);
  const revoked = query.revoked && /^\d{1,7}$/.test(query.revoked) ? query.revoked : null;
  const revokedCount = query.count && /^\d{1,4}$/.test(query.count) ? Number(query.count) : null;
  return (
    <div>
      <div className="print:hidden">
        <PageHeading caption={stage.tender.title}>Code cards for young people without an account</PageHeading>
        {revoked && revokedCount !== null && (
          <p role="status" className="mb-6 border-l-4 border-green-700 bg-green-50 p-3 font-bold">
            Batch {revoked} revoked: {revokedCount} unused code{revokedCount === 1 ? "" : "s"} no longer work.
          </p>
        )}
        <p className="mb-4 max-w-3xl">
          Hand a card to each young person who wants to answer. The card opens a short easy-read form with this stage&apos;s questions,
          once, without an account or a name. Every answer waits for a facilitator to check it before anyone else reads it.
        </p>
      </div>
      {gathering ? (
        <div className="mb-10">
          <MakeCodesForm stageId={stage.id} defaultLastDay={utcDateKey(stage.gatheringUntil)} askName={actor.name} place="here" />
        </div>
      ) : (
        <p className="mb-8 border-l-4 border-slate-500 bg-white p-3 print:hidden">Cards can be made only while views are being gathered.</p>
      )}
      <section aria-labelledby="batches-heading" className="print:hidden">
        <h2 id="batches-heading" className="mb-2 text-2xl font-bold">
          Batches made
        </h2>
        {batches.length === 0 ? (
          <p>No cards made yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Each batch of codes: how many were made, used, expired and revoked</caption>
              <TableHead
                columns={[
                  "Batch",
                  "Made by",
                  { label: "Made", numeric: true },
                  { label: "Used", numeric: true },
                  { label: "Not used yet", numeric: true },
                  { label: "Expired", numeric: true },
                  { label: "Revoked", numeric: true },
                  "Last day",
                  { label: "Actions", visuallyHidden: true },
                ]}
              />
              <tbody>
                {batches.map((b) => (
                  <tr key={b.batch} className="border-b border-slate-300 align-top">
                    <th scope="row" className="py-2 pr-4">
                      {b.batch}
                      <span className="block text-sm font-normal text-slate-600">{formatLondon(b.createdAt, "dateTime")}</span>
                    </th>
                    <td className="py-2 pr-4">{b.createdByName}</td>
                    <td className="py-2 pr-4 text-right">{b.made}</td>
                    <td className="py-2 pr-4 text-right">{b.used}</td>
                    <td className="py-2 pr-4 text-right">{b.unused}</td>
                    <td className="py-2 pr-4 text-right">{b.expired}</td>
                    <td className="py-2 pr-4 text-right">{b.revoked}</td>
                    <td className="py-2 pr-4">{formatLondon(new Date(b.expiresAt.getTime() - 1), "date")}</td>
                    <td className="py-2">{b.unused > 0 ? <RevokeBatchForm stageId={stage.id} batch={b.batch} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-4 max-w-3xl text-slate-700">
          The codes themselves are not kept: only a fingerprint of each, so nobody can read them back. Revoke a batch if cards are lost or a
          session is called off; answers already sent stay.
        </p>
      </section>
    </div>
  );
}
