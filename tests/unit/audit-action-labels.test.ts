// Audit actions are a typed union (AuditAction in src/server/audit-trail/labels.ts): audit() takes nothing else, so
// every action written has its own words. These check the rest: each action's kind has words, every action literal in
// the code is one of them, and a stored action the code no longer writes says so instead of passing for a label.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionLabel, AUDIT_ACTIONS, hasKindLabel, kindOf } from "@/server/audit-trail/labels";

function actionLiteralsInCode(dir: string): string[] {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  const literal = /action: (?:[^"\n]*\? )?"([a-z_]+\.[a-z_]+)"(?: : "([a-z_]+\.[a-z_]+)")?/g;
  return [
    ...new Set(
      files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(literal)].flatMap((m) => [m[1]!, m[2]].filter((a) => a !== undefined))),
    ),
  ];
}

describe("audit action labels", () => {
  it("every action's kind has words of its own", () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(90);
    for (const action of AUDIT_ACTIONS) expect(hasKindLabel(kindOf(action)), action).toBe(true);
  });

  it("every action literal written in src/server is a labelled action", () => {
    const written = actionLiteralsInCode(path.join(process.cwd(), "src", "server"));
    expect(written).toEqual(expect.arrayContaining(["tender.published", "agreement.created", "shaping.theme_added"]));
    expect(written.filter((a) => !(AUDIT_ACTIONS as string[]).includes(a))).toEqual([]);
  });

  it("a stored action the code no longer writes is shown as stored, marked so", () => {
    expect(actionLabel("agreement.governor_approved")).toBe("Governor signed the agreement");
    expect(actionLabel("tender.teleported")).toBe("Tender: tender.teleported (an action this version of the portal no longer records)");
  });
});
