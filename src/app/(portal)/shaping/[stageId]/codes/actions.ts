"use server";
import { actionArguments, argumentsMatch, BoundId, Form, malformedRequest, PreviousState } from "@/server/action-arguments";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { makeCodes, revokeCodes, type MadeCodes } from "@/server/shaping/make-codes";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  makeCodesAction: actionArguments(BoundId, PreviousState, Form),
  revokeCodesAction: actionArguments(BoundId, BoundId, PreviousState, Form),
};

export interface MakeCodesState extends FormState {
  /** The codes in clear, with their QR codes: only in this one answer, never stored or shown again. */
  made?: MadeCodes;
}

/** "YYYY-MM-DD" from the day, month and year boxes; "" when all three are empty (the default day); "bad" otherwise. */
function dateFrom(values: Record<string, string>, name: string): string {
  const [day, month, year] = ["day", "month", "year"].map((p) => (values[`${name}.${p}`] ?? "").trim());
  if (!day && !month && !year) return "";
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return "bad";
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

export async function makeCodesAction(stageId: string, _prev: MakeCodesState, formData: FormData): Promise<MakeCodesState> {
  if (!argumentsMatch(ARGUMENTS.makeCodesAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 200);
  let made: MadeCodes | undefined;
  const state = await formAction(values, async () => {
    made = await makeCodes(actor, stageId, { count: values.count ?? "", expiresOn: dateFrom(values, "expiresOn") });
  });
  if (state.status === "error") return state;
  // The batches list below the cards counts the new batch too.
  revalidatePath(`/shaping/${stageId}/codes`);
  return { status: "success", made };
}

export async function revokeCodesAction(stageId: string, batch: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.revokeCodesAction, [stageId, batch, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  let revoked = 0;
  const state = await formAction({}, async () => {
    revoked = (await revokeCodes(actor, stageId, batch)).revoked;
  });
  if (state.status === "error") return state;
  redirect(`/shaping/${stageId}/codes?revoked=${encodeURIComponent(batch)}&count=${revoked}`);
}
