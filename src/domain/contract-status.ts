// A contract's status in the register, from its dates and today's London
// date: ended once its end date has passed, not started yet before its start
// date, expiring when it ends within 12 months (time to re-tender), otherwise
// active. Terminated stays terminated.
import { addMonthsToDateKey } from "./contract-period";

export type RegisterStatus = "NOT_STARTED" | "ACTIVE" | "EXPIRING" | "ENDED" | "TERMINATED";

export const REGISTER_STATUS_LABEL: Record<RegisterStatus, string> = {
  NOT_STARTED: "Not started yet",
  ACTIVE: "Active",
  EXPIRING: "Expiring within 12 months",
  ENDED: "Ended",
  TERMINATED: "Terminated",
};

export const REGISTER_STATUSES = Object.keys(REGISTER_STATUS_LABEL) as RegisterStatus[];

/** A register status from a query string (`?status=EXPIRING`), or undefined for anything else. */
export function parseRegisterStatus(value: unknown): RegisterStatus | undefined {
  return REGISTER_STATUSES.find((s) => s === value);
}

/** `startDate`: a contract whose first day is after today has not started (a contract starting 1 January 2027 was "Active" in 2026). */
export function registerStatus(
  stored: "ACTIVE" | "ENDED" | "TERMINATED",
  endDate: string,
  today: string,
  startDate?: string,
): RegisterStatus {
  if (stored === "TERMINATED") return "TERMINATED";
  if (stored === "ENDED" || endDate < today) return "ENDED";
  if (startDate !== undefined && startDate > today) return "NOT_STARTED";
  return endDate <= addMonthsToDateKey(today, 12) ? "EXPIRING" : "ACTIVE";
}
