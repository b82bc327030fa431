import "server-only";
import { assertTransition, LifecycleError, type TenderAction, type TenderStatus } from "@/domain/tender-lifecycle";
import { Conflict } from "./errors";

/** The lifecycle guard, as the Conflict a user is shown. */
export function lifecycle(status: TenderStatus, action: TenderAction): TenderStatus {
  try {
    return assertTransition(status, action);
  } catch (error) {
    if (error instanceof LifecycleError) throw new Conflict(error.message);
    throw error;
  }
}
