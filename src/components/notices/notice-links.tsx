import { NOTICE_TITLES, type PsrNoticeKind } from "@/domain/psr-notices";

/** Links to the public PSR notices an award decision has published (none before the governor approves). */
export function NoticeLinks({ awardDecisionId, kinds }: { awardDecisionId: string; kinds: PsrNoticeKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <p className="mb-2" data-testid="notice-links">
      Published notices (public):{" "}
      {kinds.map((k, i) => (
        <span key={k}>
          {i > 0 && " · "}
          <a href={`/notices/${awardDecisionId}/${k}`}>{NOTICE_TITLES[k]}</a>
        </span>
      ))}
    </p>
  );
}
