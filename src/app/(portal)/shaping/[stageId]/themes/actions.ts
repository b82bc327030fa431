"use server";
import { revalidatePath } from "next/cache";
import { actionArguments, argumentsMatch, BoundId, Form, malformedRequest, PreviousState } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { chooseQuote } from "@/server/shaping/choose-quote";
import { saveTheme } from "@/server/shaping/save-theme";
import { setViewThemes } from "@/server/shaping/set-view-themes";
import { themeCommand } from "@/server/shaping/theme-command";

const ARGUMENTS = {
  saveThemeAction: actionArguments(BoundId, PreviousState, Form),
  themeCommandAction: actionArguments(BoundId, PreviousState, Form),
  setViewThemesAction: actionArguments(BoundId, PreviousState, Form),
  chooseQuoteAction: actionArguments(BoundId, PreviousState, Form),
};

const ids = (formData: FormData, key: string) => formData.getAll(key).filter((v): v is string => typeof v === "string");

export async function saveThemeAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.saveThemeAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await saveTheme(actor, stageId, {
      themeId: values.themeId || undefined,
      title: values.title ?? "",
      description: values.description ?? "",
    });
  });
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/themes`);
  return { status: "success", message: values.themeId ? "Theme saved" : "Theme added" };
}

export async function themeCommandAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.themeCommandAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  const command = values.command ?? "";
  const state = await formAction(values, () => themeCommand(actor, stageId, values.themeId ?? "", command));
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/themes`);
  return { status: "success", message: command === "remove" ? "Theme removed" : "Theme moved" };
}

export async function setViewThemesAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.setViewThemesAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData, ["themeIds"]);
  const themeIds = ids(formData, "themeIds");
  const state = await formAction({ ...values, themeIds: themeIds.join(",") }, () =>
    setViewThemes(actor, stageId, { viewId: values.viewId ?? "", themeIds }),
  );
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/themes`);
  return { status: "success", message: "Themes saved for this view" };
}

export async function chooseQuoteAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.chooseQuoteAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  const state = await formAction(values, () =>
    chooseQuote(actor, stageId, { themeId: values.themeId ?? "", viewId: values.viewId ?? "", use: values.use === "yes" }),
  );
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/themes`);
  return { status: "success", message: values.use === "yes" ? "Quote will be used in the notice" : "Quote no longer used in the notice" };
}
