import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PsrNoticeView } from "@/components/notices/psr-notice-view";
import { NOTICE_TITLES, type PsrNoticeKind } from "@/domain/psr-notices";
import { getPsrNotice } from "@/server/notices/psr-notice";
import { noticeUrls } from "@/server/notices/notice-release";
import { readable } from "@/server/page-guard";

// Public, no sign-in: a notice exists from the moment it is issued (the
// intention when the governor approves, which starts the standstill under
// regulation 12(2); the confirmation when the contract is awarded), as it
// would on the e-notification service. Before that: not found.
export const dynamic = "force-dynamic";

function kindOf(kind: string): PsrNoticeKind | null {
  return kind === "intention" || kind === "award" ? kind : null;
}

type Params = { params: Promise<{ awardDecisionId: string; kind: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { awardDecisionId, kind } = await params;
  const k = kindOf(kind);
  if (!k) return { title: "Notice not found" };
  try {
    const notice = await getPsrNotice(k, awardDecisionId);
    return { title: `${NOTICE_TITLES[k]}: ${notice.service.title} (${notice.service.reference})` };
  } catch {
    return { title: "Notice not found" };
  }
}

export default async function PsrNoticePage({ params }: Params) {
  const { awardDecisionId, kind } = await params;
  const k = kindOf(kind);
  if (!k) notFound();
  const notice = await readable(getPsrNotice(k, awardDecisionId));
  return <PsrNoticeView notice={notice} dataUrl={new URL(noticeUrls(k, awardDecisionId).data).pathname} />;
}
