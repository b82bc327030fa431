"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { revokeCodesAction } from "./actions";

export function RevokeBatchForm({ stageId, batch }: { stageId: string; batch: number }) {
  return (
    <ActionForm action={revokeCodesAction.bind(null, stageId, String(batch))} idPrefix={`revoke-${batch}`}>
      <SubmitButton variant="warning" aria-label={`Revoke the unused codes in batch ${batch}`}>
        Revoke unused codes
      </SubmitButton>
    </ActionForm>
  );
}
