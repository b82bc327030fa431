import type { FormState } from "@/server/action-result";

export const idleFormState: FormState = { status: "idle" };
