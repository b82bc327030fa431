import "server-only";
import { establishmentScopeWhere, can } from "../policy";
import { diffWords } from "diff";
import { agreementStatus } from "@/domain/agreement-status";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";
import { isId } from "../ids";

// Agreements are read by commissioners (all) and governors (their own
// establishments only, in the `where`).

const scopeFor = establishmentScopeWhere;

const versionInclude = {
  createdBy: { select: { name: true } },
  contracts: { select: { contract: { select: { id: true, title: true, organisation: { select: { name: true } } } } } },
  signOffs: { orderBy: { signedAt: "asc" as const }, include: { signer: { select: { name: true } } } },
};

export async function listAgreements(actor: Actor) {
  const scope = scopeFor(actor);
  if (!scope) return [];
  const agreements = await db.coCommissioningAgreement.findMany({
    where: scope,
    orderBy: [{ periodStart: "desc" }, { title: "asc" }],
    include: { establishment: { select: { name: true } }, versions: { include: { signOffs: true } } },
  });
  return agreements.map((a) => {
    const status = agreementStatus(a.versions);
    return {
      id: a.id,
      title: a.title,
      establishment: a.establishment.name,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      state: status.state,
      latestVersion: status.latest.version,
      inForceVersion: status.inForce?.version ?? null,
    };
  });
}

export async function getAgreement(actor: Actor, agreementId: string) {
  const scope = scopeFor(actor);
  const notFound = new NotFound("We could not find that agreement.");
  if (!scope || !isId(agreementId)) throw notFound;
  const agreement = await db.coCommissioningAgreement.findFirst({
    where: { id: agreementId, ...scope },
    include: { establishment: { select: { id: true, name: true } }, versions: { orderBy: { version: "desc" }, include: versionInclude } },
  });
  if (!agreement) throw notFound;
  const status = agreementStatus(agreement.versions);
  const latest = agreement.versions[0]!;
  const contracts = can(actor, "contract.link")
    ? await db.contract.findMany({
        where: { establishmentId: agreement.establishmentId },
        select: { id: true, title: true, organisation: { select: { name: true } } },
        orderBy: { startDate: "desc" },
      })
    : [];
  return { ...agreement, latest, state: status.state, inForceVersion: status.inForce?.version ?? null, availableContracts: contracts };
}

export type DiffPart = { value: string; added: boolean; removed: boolean };

/** What changed between two versions, field by field, word by word. */
export async function compareAgreementVersions(actor: Actor, agreementId: string, from: number, to: number) {
  const agreement = await getAgreement(actor, agreementId);
  const a = agreement.versions.find((v) => v.version === from);
  const b = agreement.versions.find((v) => v.version === to);
  if (!a || !b) throw new NotFound("We could not find those versions.");
  const contractsText = (v: typeof a) =>
    v.contracts
      .map((c) => `${c.contract.title} (${c.contract.organisation.name})`)
      .sort()
      .join("\n");
  const fields = [
    ["Priorities", a.priorities, b.priorities],
    ["Services in scope", a.servicesInScope, b.servicesInScope],
    ["How young people are involved", a.youngPeopleInvolvement, b.youngPeopleInvolvement],
    ["Other terms", a.otherTerms, b.otherTerms],
    ["Linked contracts", contractsText(a), contractsText(b)],
  ] as const;
  return {
    agreement: { id: agreement.id, title: agreement.title, establishment: agreement.establishment.name },
    from: { version: a.version, contentHash: a.contentHash, createdAt: a.createdAt },
    to: { version: b.version, contentHash: b.contentHash, createdAt: b.createdAt },
    fields: fields.map(([label, before, after]) => ({
      label,
      changed: before !== after,
      parts: diffWords(before, after).map((p): DiffPart => ({ value: p.value, added: !!p.added, removed: !!p.removed })),
    })),
  };
}

/** Contracts a commissioner may link when drafting an agreement for an establishment. */
export async function listLinkableContracts(actor: Actor, establishmentId: string) {
  if (!can(actor, "contract.link") || !isId(establishmentId)) return [];
  return db.contract.findMany({
    where: { establishmentId },
    select: { id: true, title: true, organisation: { select: { name: true } } },
    orderBy: { startDate: "desc" },
  });
}
