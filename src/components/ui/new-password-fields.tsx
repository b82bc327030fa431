import { PASSWORD_MIN_LENGTH } from "@/domain/password-rules";
import { TextField } from "./field";

/**
 * A new password and the same typed again, as every form that sets one asks
 * for them (accepting an invitation, resetting, changing it): the hint states
 * the rule the server checks. Field names `password` and `confirmPassword`.
 */
export function NewPasswordFields({
  label = "New password",
  againLabel = "Type the new password again",
}: {
  label?: string;
  againLabel?: string;
}) {
  return (
    <>
      <TextField
        name="password"
        label={label}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few random words together work well.`}
        type="password"
        autoComplete="new-password"
      />
      <TextField name="confirmPassword" label={againLabel} type="password" autoComplete="new-password" />
    </>
  );
}
