import "server-only";
import { registerStatus, type RegisterStatus } from "@/domain/contract-status";
import { londonDateKey } from "@/domain/london-time";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";

// The contracts register. Commissioners see every contract; a governor only
// those of their own establishments (in the `where`, never filtered later).

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

function scopeFor(actor: Actor) {
  if (actor.role === "COMMISSIONER") return {};
  if (actor.role === "GOVERNOR") return { establishmentId: { in: actor.establishmentIds } };
  return null;
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

function withStatus<T extends { status: "ACTIVE" | "ENDED" | "TERMINATED"; endDate: Date }>(contract: T, today: string): T & { registerStatus: RegisterStatus } {
  return { ...contract, registerStatus: registerStatus(contract.status, contract.endDate.toISOString().slice(0, 10), today) };
}

export async function listContracts(actor: Actor, now: Date, filter: { status?: string } = {}) {
  const scope = scopeFor(actor);
  if (!scope) return [];
  const today = londonDateKey(now);
  const rows = await db.contract.findMany({ where: scope, orderBy: [{ endDate: "asc" }, { title: "asc" }], select: contractSelect });
  const all = rows.map((c) => withStatus(c, today));
  return filter.status ? all.filter((c) => c.registerStatus === filter.status) : all;
}

export async function getContract(actor: Actor, contractId: string, now: Date) {
  const scope = scopeFor(actor);
  if (!scope || !isUuid(contractId)) throw new NotFound("We could not find that contract.");
  const contract = await db.contract.findFirst({
    where: { id: contractId, ...scope },
    select: { ...contractSelect, awardDecisionId: true, bidId: true, createdAt: true, agreementLinks: { select: { agreementVersion: { select: { version: true, agreement: { select: { id: true, title: true } } } } } } },
  });
  if (!contract) throw new NotFound("We could not find that contract.");
  return withStatus(contract, londonDateKey(now));
}
