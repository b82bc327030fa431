import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/awards/print-button";
import { ThemesFollowed } from "@/components/shaping/themes-followed";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getYouSaidWeDid } from "@/server/shaping/summary-queries";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ stageId: string }> }): Promise<Metadata> {
  const { stageId } = await params;
  return recordTitle("You said, we did (to print)", async (actor) => ({ title: (await getYouSaidWeDid(actor, stageId)).title }));
}

/**
 * The easy-read "You said, we did" to print for the wing (issue 24), for the young people who answered without an
 * account: A4, big type, short sentences, no names and nothing that identifies anyone. Printed by a facilitator or
 * the establishment's governor.
 */
export default async function YouSaidWeDidPrintPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requireActor();
  const data = await readable(getYouSaidWeDid(actor, stageId));
  return (
    <div className="easy-read-print max-w-3xl">
      <div className="mb-6 flex flex-wrap items-center gap-4 print:hidden">
        <Link href={`/shaping/${data.stageId}`}>Back to the shaping stage</Link>
        <PrintButton>Print this page</PrintButton>
      </div>
      <p className="mb-6 max-w-2xl border-l-4 border-slate-600 bg-white p-3 print:hidden">
        This page is for the young people on the wing who answered without an account. It prints on A4 in big type. It names nobody and
        quotes nobody.
      </p>
      <article className="bg-white p-6 text-2xl leading-relaxed print:p-0" data-testid="easy-read">
        <p className="text-xl text-slate-700">{data.establishment}</p>
        <h1 className="mb-6 text-5xl font-bold">You said, we did</h1>
        <p className="mb-6">
          You told us what matters to you about <strong>{data.title}</strong>.
        </p>
        {data.shaping ? (
          <ThemesFollowed shaping={data.shaping} to={data.to} easyRead />
        ) : (
          <p>Nothing to show yet. First the themes are made from what young people said.</p>
        )}
      </article>
    </div>
  );
}
