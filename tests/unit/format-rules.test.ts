// Issue 14: Prettier holds the formatting. `npm test` runs `npm run
// format:check` first (scripts/test.ts), which checks every file the repo owns
// against .prettierrc.json; this proves a badly formatted file fails that check
// with the repo's own settings, and that source and tests are not ignored.
import { readFileSync } from "node:fs";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";

async function isFormatted(code: string, filepath: string) {
  const options = await prettier.resolveConfig(filepath);
  return prettier.check(code, { ...options, filepath });
}

describe("the format check", () => {
  it("fails a badly formatted file and passes it once formatted, with the repo's settings", async () => {
    const file = "src/server/tenders/example.ts";
    const bad = `export function f(a:number,b:number){return a+b}\n`;
    expect(await isFormatted(bad, file)).toBe(false);
    const good = await prettier.format(bad, { ...(await prettier.resolveConfig(file)), filepath: file });
    expect(good).toBe("export function f(a: number, b: number) {\n  return a + b;\n}\n");
    expect(await isFormatted(good, file)).toBe(true);
  });

  it("wraps at 140 characters, not before", async () => {
    const file = "src/domain/example.ts";
    const call = (width: number) => `f(${"x".repeat(width - "f();".length)});\n`;
    expect(await isFormatted(call(140), file)).toBe(true);
    expect(await isFormatted(call(141), file)).toBe(false);
  });

  it("covers source, tests, scripts and docs, and runs first in npm test", async () => {
    for (const file of [
      "src/server/db.ts",
      "src/app/layout.tsx",
      "tests/unit/money.test.ts",
      "scripts/test.ts",
      "docs/architecture.md",
      "README.md",
    ]) {
      expect((await prettier.getFileInfo(file, { ignorePath: ".prettierignore" })).ignored, file).toBe(false);
    }
    expect((await prettier.getFileInfo("src/generated/prisma/client.ts", { ignorePath: ".prettierignore" })).ignored).toBe(true);
    const testScript = readFileSync("scripts/test.ts", "utf8");
    expect(testScript).toMatch(/const steps[^=]*= \[\s*\["formatting", \["npm", "run", "--silent", "format:check"\]\]/);
    expect(JSON.parse(readFileSync("package.json", "utf8")).scripts["format:check"]).toMatch(/^prettier --check\b.* \.$/);
  });
});
