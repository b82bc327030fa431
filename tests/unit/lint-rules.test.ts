// The ESLint rules that keep the policy in one place: a role check outside
// src/server/policy.ts, or the database client imported by a page, fails lint.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function messagesFor(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("lint keeps access rules in the policy", { timeout: 60_000 }, () => {
  it("fails a role check in a use case, a page or a route", async () => {
    const check = `import type { Actor } from "@/server/auth/actor";\nexport function f(actor: Actor) {\n  return actor.role === "ADMIN";\n}\n`;
    for (const file of ["src/server/tenders/example.ts", "src/app/(portal)/example/page.tsx", "src/app/api/example/route.ts"]) {
      expect(await messagesFor(check, file)).toEqual([expect.stringMatching(/^no-restricted-syntax: Role checks live in src\/server\/policy\.ts/)]);
    }
    const negated = `export function f(user: { role: string }) {\n  return user.role !== "GOVERNOR";\n}\n`;
    expect(await messagesFor(negated, "src/server/bids/example.ts")).toHaveLength(1);
    const listed = `export function f(actor: { role: string }) {\n  return ["ADMIN"].includes(actor.role);\n}\n`;
    expect(await messagesFor(listed, "src/server/bids/example.ts")).toHaveLength(1);
    const switched = `export function f(actor: { role: string }) {\n  switch (actor.role) {\n    default:\n      return 1;\n  }\n}\n`;
    expect(await messagesFor(switched, "src/server/bids/example.ts")).toHaveLength(1);
  });

  it("allows role checks in the policy itself", async () => {
    const check = `export function f(actor: { role: string }) {\n  return actor.role === "ADMIN";\n}\n`;
    expect(await messagesFor(check, "src/server/policy.ts")).toEqual([]);
  });

  it("fails importing the database client outside src/server", async () => {
    const page = `import { db } from "@/server/db";\nexport const x = db;\n`;
    expect(await messagesFor(page, "src/app/(portal)/example/page.tsx")).toEqual([expect.stringMatching(/^no-restricted-imports: .*Only src\/server touches the database/)]);
    const prisma = `import { PrismaClient } from "@/generated/prisma/client";\nexport const x = PrismaClient;\n`;
    expect(await messagesFor(prisma, "src/components/example.tsx")).toHaveLength(1);
    expect(await messagesFor(page, "src/server/tenders/example.ts")).toEqual([]);
  });

  it("the real source passes", async () => {
    const results = await eslint.lintFiles(["src/server/policy.ts", "src/app/(portal)/layout.tsx", "src/server/bids/queries.ts"]);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });
});
