// Secrets for the embedded default, generated once and kept in the
// git-ignored .data folder so restarts keep sessions and demo logins working.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function persistentSecret(dataDir: string, file: string, make: () => string): string {
  mkdirSync(dataDir, { recursive: true });
  const p = path.join(dataDir, file);
  if (existsSync(p)) return readFileSync(p, "utf8").trim();
  const value = make();
  writeFileSync(p, value + "\n", { mode: 0o600 });
  return value;
}

export const randomSecret = () => randomBytes(32).toString("base64url");

/** Readable but strong: four groups of random letters and digits. */
export const randomDemoPassword = () =>
  Array.from({ length: 4 }, () => randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 5)).join("-");
