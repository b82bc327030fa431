"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { closeAccountAction } from "./actions";

export function CloseAccountForm({ userId, name }: { userId: string; name: string }) {
  return (
    <ActionForm action={closeAccountAction.bind(null, userId)} idPrefix={`close-${userId}-`}>
      <Checkbox name="confirm" label={`${name}'s paid time is settled: close the account`} />
      <SubmitButton variant="warning">Close {name}&apos;s account</SubmitButton>
    </ActionForm>
  );
}
