import type { MemberStatus } from "@/domain/scoring";

export interface QuorumMember {
  id: string;
  name: string;
  role: "COMMISSIONER" | "TECHNICIAN";
  status: MemberStatus;
  submitted: boolean;
}

/**
 * Quorum (PRODUCT.md): every member still counted has submitted; or at
 * least 1 commissioner and 2 technicians have, and the rest are marked absent.
 */
export function checkQuorum(members: QuorumMember[]): { met: boolean; waitingFor: QuorumMember[] } {
  const counted = members.filter((m) => m.status === "COUNTED");
  const waitingFor = counted.filter((m) => !m.submitted);
  const submitted = members.filter((m) => m.status !== "EXCLUDED" && m.status !== "WITHDRAWN" && m.submitted);
  const absent = members.filter((m) => m.status === "ABSENT");
  if (submitted.length === 0) return { met: false, waitingFor };
  if (waitingFor.length > 0) return { met: false, waitingFor };
  if (absent.length === 0) return { met: true, waitingFor };
  const commissioners = submitted.filter((m) => m.role === "COMMISSIONER").length;
  const technicians = submitted.filter((m) => m.role === "TECHNICIAN").length;
  return { met: commissioners >= 1 && technicians >= 2, waitingFor };
}
