import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionLabel, kindLabel, kindOf } from "@/server/audit-trail/labels";

// Every audit event about people's own accounts (sign-in, password reset, My account, own data, closing an account)
// reads as plain words in the audit trail, not as a generated "kind: what".
function auditActionsInCode(dir: string): string[] {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  return [...new Set(files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/action: "([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]!)))];
}

describe("audit labels for accounts", () => {
  const actions = auditActionsInCode(path.join(process.cwd(), "src", "server")).filter((a) =>
    ["user", "password_reset", "account"].includes(kindOf(a)),
  );

  it("finds the account events in the code", () => {
    expect(actions).toEqual(expect.arrayContaining(["password_reset.requested", "user.password_changed", "account.closed"]));
  });

  it("gives each one its own plain label", () => {
    for (const action of actions)
      expect(actionLabel(action), action).not.toBe(`${kindLabel(kindOf(action))}: ${action.split(".")[1]!.replace(/_/g, " ")}`);
  });
});
