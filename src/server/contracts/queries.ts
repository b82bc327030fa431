import { cache } from "react";
import "server-only";
import { addMonthsToDateKey } from "@/domain/contract-period";
import { registerStatus, type RegisterStatus } from "@/domain/contract-status";
import type { Prisma } from "@/generated/prisma/client";
import { londonDateKey } from "@/domain/london-time";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";
import { FIRST_PAGE, type Paging } from "@/domain/paging";
import { contractsReadableWhere } from "../policy";
import { isId } from "../ids";

// The contracts register. Commissioners see every contract; a governor only
// those of their own establishments, a provider its own organisation's (in the
// `where`, never filtered later).

function scopeFor(actor: Actor): Prisma.ContractWhereInput | null {
  return contractsReadableWhere(actor);
}

const contractSelect = {
  id: true,
  title: true,
  valuePence: true,
  startDate: true,
  endDate: true,
  status: true,
  organisation: { select: { name: true } },
  establishment: { select: { id: true, name: true } },
  tender: { select: { id: true, reference: true, title: true } },
  retenders: { where: { status: { not: "CANCELLED" as const } }, select: { id: true, reference: true, status: true } },
} as const;

function withStatus<T extends { status: "ACTIVE" | "ENDED" | "TERMINATED"; startDate: Date; endDate: Date }>(
  contract: T,
  today: string,
): T & { registerStatus: RegisterStatus } {
  const key = (d: Date) => d.toISOString().slice(0, 10);
  return { ...contract, registerStatus: registerStatus(contract.status, key(contract.endDate), today, key(contract.startDate)) };
}

/** The register status (src/domain/contract-status.ts) as a `where`, so the database filters and pages. */
function registerStatusWhere(status: RegisterStatus | undefined, today: string): Prisma.ContractWhereInput {
  const day = (key: string) => new Date(`${key}T00:00:00.000Z`);
  const yearOn = day(addMonthsToDateKey(today, 12));
  switch (status) {
    case "TERMINATED":
      return { status: "TERMINATED" };
    case "ENDED":
      return { OR: [{ status: "ENDED" }, { status: "ACTIVE", endDate: { lt: day(today) } }] };
    case "NOT_STARTED":
      return { status: "ACTIVE", endDate: { gte: day(today) }, startDate: { gt: day(today) } };
    case "EXPIRING":
      return { status: "ACTIVE", endDate: { gte: day(today), lte: yearOn }, startDate: { lte: day(today) } };
    case "ACTIVE":
      return { status: "ACTIVE", endDate: { gt: yearOn }, startDate: { lte: day(today) } };
    case undefined:
      return {};
  }
}

/** One page of the register, soonest end first. */
export async function listContracts(actor: Actor, now: Date, filter: { status?: RegisterStatus } = {}, page: Paging = FIRST_PAGE) {
  const scope = scopeFor(actor);
  if (!scope) return [];
  const today = londonDateKey(now);
  const rows = await db.contract.findMany({
    where: { AND: [scope, registerStatusWhere(filter.status, today)] },
    orderBy: [{ endDate: "asc" }, { title: "asc" }, { id: "asc" }],
    select: contractSelect,
    skip: page.skip,
    take: page.size,
  });
  return rows.map((c) => withStatus(c, today));
}

export async function countContracts(actor: Actor, now: Date, filter: { status?: RegisterStatus } = {}) {
  const scope = scopeFor(actor);
  if (!scope) return 0;
  return db.contract.count({ where: { AND: [scope, registerStatusWhere(filter.status, londonDateKey(now))] } });
}

/** Once per request (React cache): the contract page and its title read it. */
export const getContract = cache(async function getContract(actor: Actor, contractId: string, now: Date) {
  const scope = scopeFor(actor);
  if (!scope || !isId(contractId)) throw new NotFound("We could not find that contract.");
  const contract = await db.contract.findFirst({
    where: { id: contractId, ...scope },
    select: {
      ...contractSelect,
      awardDecisionId: true,
      bidId: true,
      createdAt: true,
      agreementLinks: { select: { agreementVersion: { select: { version: true, agreement: { select: { id: true, title: true } } } } } },
    },
  });
  if (!contract) throw new NotFound("We could not find that contract.");
  return withStatus(contract, londonDateKey(now));
});
