import { REGISTER_STATUS_LABEL, type RegisterStatus } from "@/domain/contract-status";

const STYLE: Record<RegisterStatus, string> = {
  NOT_STARTED: "bg-blue-100 text-blue-900",
  ACTIVE: "bg-green-100 text-green-900",
  EXPIRING: "bg-amber-100 text-amber-900",
  ENDED: "bg-slate-200 text-slate-900",
  TERMINATED: "bg-red-100 text-red-900",
};

export function ContractStatusTag({ status }: { status: RegisterStatus }) {
  return <strong className={`inline-block px-2 py-0.5 text-base ${STYLE[status]}`}>{REGISTER_STATUS_LABEL[status]}</strong>;
}
