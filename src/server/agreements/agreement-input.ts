import "server-only";
import { contentHash } from "../content-hash";
import type { Tx } from "../db";
import { Invalid } from "../errors";
import { isId } from "../ids";

export interface AgreementContentInput {
  priorities: string;
  servicesInScope: string;
  youngPeopleInvolvement: string;
  otherTerms: string;
  contractIds: string[];
}

export interface AgreementContent {
  priorities: string;
  servicesInScope: string;
  youngPeopleInvolvement: string;
  otherTerms: string;
  contractIds: string[];
}

const MAX = 20_000;
const REQUIRED: [keyof Omit<AgreementContentInput, "contractIds" | "otherTerms">, string][] = [
  ["priorities", "Write the priorities for this period"],
  ["servicesInScope", "List the services in scope"],
  ["youngPeopleInvolvement", "Describe how young people are involved"],
];

/** Text fields are kept as written (line breaks and "## headings" included), trimmed at the ends. */
export async function parseAgreementContent(tx: Tx, establishmentId: string, input: AgreementContentInput): Promise<AgreementContent> {
  const errors: Record<string, string> = {};
  const clean = (s: string) => s.normalize("NFC").replace(/\r\n/g, "\n").trim();
  const content = {
    priorities: clean(input.priorities),
    servicesInScope: clean(input.servicesInScope),
    youngPeopleInvolvement: clean(input.youngPeopleInvolvement),
    otherTerms: clean(input.otherTerms),
    contractIds: [...new Set(input.contractIds)].sort(),
  };
  for (const [field, message] of REQUIRED) if (!content[field]) errors[field] = message;
  for (const field of ["priorities", "servicesInScope", "youngPeopleInvolvement", "otherTerms"] as const) {
    if (content[field].length > MAX) errors[field] = "Must be 20,000 characters or fewer";
  }
  if (content.contractIds.some((id) => !isId(id))) errors.contractIds = "Choose contracts from the list";
  else if (content.contractIds.length > 0) {
    const found = await tx.contract.count({ where: { id: { in: content.contractIds }, establishmentId } });
    if (found !== content.contractIds.length) errors.contractIds = "Choose contracts of this establishment from the list";
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  return content;
}

/** What a signature binds to: the agreement's identity and this version's whole content. */
export function hashableVersion(
  agreement: { establishmentId: string; title: string; periodStart: Date; periodEnd: Date },
  version: number,
  content: AgreementContent,
) {
  return {
    establishmentId: agreement.establishmentId,
    title: agreement.title,
    periodStart: agreement.periodStart.toISOString().slice(0, 10),
    periodEnd: agreement.periodEnd.toISOString().slice(0, 10),
    version,
    ...content,
  };
}

/** Writes a version with its content hash and contract links; versions are never updated afterwards. */
export async function insertAgreementVersion(
  tx: Tx,
  agreement: { id: string; establishmentId: string; title: string; periodStart: Date; periodEnd: Date },
  version: number,
  content: AgreementContent,
  createdById: string,
  now: Date,
) {
  const hash = contentHash(hashableVersion(agreement, version, content));
  return tx.agreementVersion.create({
    data: {
      agreementId: agreement.id,
      version,
      priorities: content.priorities,
      servicesInScope: content.servicesInScope,
      youngPeopleInvolvement: content.youngPeopleInvolvement,
      otherTerms: content.otherTerms,
      contentHash: hash,
      createdById,
      createdAt: now,
      contracts: { create: content.contractIds.map((contractId) => ({ contractId })) },
    },
  });
}
