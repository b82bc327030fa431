import { voidedByVersion, type VersionState } from "@/domain/agreement-status";
import type { SignOffRow } from "@/components/awards/sign-off-history";

export const VERSION_STATE_LABEL: Record<VersionState, string> = {
  IN_FORCE: "in force",
  LATEST: "the latest version",
  REPLACED: "replaced by a later version",
};

/** Why a sign-off on `version` is void, in words: which version replaced it. */
export function signOffVoidReason(version: number, versions: { version: number; createdAt: Date }[]) {
  return (s: SignOffRow) => {
    const by = s.voidedAt ? voidedByVersion(version, s.voidedAt, versions) : null;
    return by === null
      ? "the agreement was changed after signing, so this signature no longer counts."
      : `version ${by} replaced version ${version}, so this signature no longer counts. Only signatures on the same, latest version put the agreement in force.`;
  };
}
