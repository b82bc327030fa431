"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { requestClosureAction } from "./actions";

export function RequestClosureForm() {
  return (
    <ActionForm action={requestClosureAction}>
      <Checkbox name="confirm" label="I want my account closed" hint="You will not be able to sign in again once it is closed." />
      <SubmitButton variant="warning">Ask for my account to be closed</SubmitButton>
    </ActionForm>
  );
}
