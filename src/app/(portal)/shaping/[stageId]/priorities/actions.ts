"use server";
import { redirect } from "next/navigation";
import { actionArguments, argumentsMatch, BoundId, Form, malformedRequest, PreviousState } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { rankThemes } from "@/server/shaping/rank-themes";

const ARGUMENTS = { rankThemesAction: actionArguments(BoundId, PreviousState, Form) };

export async function rankThemesAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.rankThemesAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await rankThemes(actor, stageId, values);
  });
  if (state.status === "error") return state;
  redirect(`/shaping/${stageId}/priorities?saved=1#results`);
}
