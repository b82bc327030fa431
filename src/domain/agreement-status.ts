// When is a co-commissioning agreement in force? (PRODUCT.md) Only when the
// commissioner and the governor have both signed the same version, each
// signature bound to that version's content hash and not voided. Editing
// makes a new version and voids earlier sign-offs, so the newest version is
// what is waiting; an older fully signed version stays in force until then.

export interface VersionForStatus {
  id: string;
  version: number;
  contentHash: string;
  signOffs: {
    signerRole: "COMMISSIONER" | "GOVERNOR" | "PROVIDER";
    decision: "APPROVED" | "CHANGES_REQUESTED" | "REJECTED";
    contentHash: string;
    voidedAt: Date | null;
  }[];
}

export type AgreementState = "AWAITING_COMMISSIONER" | "AWAITING_GOVERNOR" | "CHANGES_REQUESTED" | "REJECTED" | "IN_FORCE";

export const AGREEMENT_STATE_LABEL: Record<AgreementState, string> = {
  AWAITING_COMMISSIONER: "Draft: waiting for the commissioner to sign",
  AWAITING_GOVERNOR: "Waiting for the governor to sign",
  CHANGES_REQUESTED: "Governor asked for changes",
  REJECTED: "Rejected by the governor",
  IN_FORCE: "In force",
};

function standing(v: VersionForStatus, role: "COMMISSIONER" | "GOVERNOR") {
  return v.signOffs.filter((s) => s.signerRole === role && s.voidedAt === null && s.contentHash === v.contentHash);
}

export function isFullySigned(v: VersionForStatus): boolean {
  return (["COMMISSIONER", "GOVERNOR"] as const).every((role) => standing(v, role).some((s) => s.decision === "APPROVED"));
}

export function agreementStatus(versions: VersionForStatus[]): {
  state: AgreementState;
  latest: VersionForStatus;
  inForce: VersionForStatus | null;
} {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0];
  if (!latest) throw new Error("An agreement always has a version");
  const inForce = sorted.find(isFullySigned) ?? null;
  const governor = standing(latest, "GOVERNOR").at(-1);
  let state: AgreementState;
  if (isFullySigned(latest)) state = "IN_FORCE";
  else if (governor?.decision === "REJECTED") state = "REJECTED";
  else if (governor?.decision === "CHANGES_REQUESTED") state = "CHANGES_REQUESTED";
  else if (standing(latest, "COMMISSIONER").some((s) => s.decision === "APPROVED")) state = "AWAITING_GOVERNOR";
  else state = "AWAITING_COMMISSIONER";
  return { state, latest, inForce };
}

export type VersionState = "IN_FORCE" | "LATEST" | "REPLACED";

/** Where one version stands: in force (both signed it, not void), the newest one, or replaced by a later one. */
export function versionState(v: VersionForStatus, versions: Pick<VersionForStatus, "version">[]): VersionState {
  if (isFullySigned(v)) return "IN_FORCE";
  return versions.every((x) => x.version <= v.version) ? "LATEST" : "REPLACED";
}

/**
 * Which version voided a sign-off on version `signedVersion`: saving a new
 * version voids every earlier sign-off at the moment it is created, so it is
 * the newest later version made at or before the sign-off was voided.
 */
export function voidedByVersion(signedVersion: number, voidedAt: Date, versions: { version: number; createdAt: Date }[]): number | null {
  const candidates = versions.filter((x) => x.version > signedVersion && x.createdAt.getTime() <= voidedAt.getTime());
  return candidates.length === 0 ? null : Math.max(...candidates.map((x) => x.version));
}

/** The two sides that sign a co-commissioning agreement (who is on which side is the policy's `agreementSideOf`). */
export type SigningSide = "COMMISSIONER" | "GOVERNOR";

/** What each side may answer: the establishment approves, asks for changes or rejects; the commissioner only signs. */
export const SIGNING_CHOICES = {
  GOVERNOR: ["APPROVED", "CHANGES_REQUESTED", "REJECTED"],
  COMMISSIONER: ["APPROVED"],
} as const satisfies Record<SigningSide, readonly string[]>;

/**
 * Why this side may not sign this version, or null when it may: a side signs a version once; a governor who asked
 * for changes or rejected it has answered, and waits for a new version.
 */
export function signingRefusal(
  side: SigningSide,
  signOffs: readonly { signerRole: string; decision: string; voidedAt: Date | null }[],
): string | null {
  const mine = signOffs.filter((s) => s.signerRole === side && s.voidedAt === null);
  if (mine.some((s) => s.decision === "APPROVED"))
    return `This version has already been signed for the ${side === "GOVERNOR" ? "establishment" : "commissioner"}.`;
  if (side === "GOVERNOR" && mine.length > 0)
    return "You have already given your decision on this version. The commissioner needs to make a new version.";
  return null;
}
