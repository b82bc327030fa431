import { hash, verify } from "@node-rs/argon2";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/domain/password-rules";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

// Argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the account does not exist keeps the response
// time the same, so sign-in does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    dummyHash ??= hash("no account has this password");
    const ok = await verify(passwordHash ?? (await dummyHash), password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}

/** A field error for a new password, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length === 0) return "Enter a password";
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  if (email && password.toLowerCase().includes(email.split("@")[0]!.toLowerCase()) && email.split("@")[0]!.length >= 4)
    return "Password must not contain your email address";
  return null;
}
