// The ESLint rules that keep the policy in one place: a role check outside
// src/server/policy.ts, the database client imported by a page, or an import
// across a layer boundary (docs/architecture.md) fails lint.
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
      expect(await messagesFor(check, file)).toEqual([
        expect.stringMatching(/^no-restricted-syntax: Role checks live in src\/server\/policy\.ts/),
      ]);
    }
    const negated = `export function f(user: { role: string }) {\n  return user.role !== "GOVERNOR";\n}\n`;
    expect(await messagesFor(negated, "src/server/bids/example.ts")).toHaveLength(1);
    const listed = `export function f(actor: { role: string }) {\n  return ["ADMIN"].includes(actor.role);\n}\n`;
    expect(await messagesFor(listed, "src/server/bids/example.ts")).toHaveLength(1);
    const switched = `export function f(actor: { role: string }) {\n  switch (actor.role) {\n    default:\n      return 1;\n  }\n}\n`;
    expect(await messagesFor(switched, "src/server/bids/example.ts")).toHaveLength(1);
  });

  it("fails a role taken out of the actor (destructured) to be compared elsewhere", async () => {
    const destructured = `import type { Actor } from "@/server/auth/actor";\nexport function f(actor: Actor) {\n  const { role } = actor;\n  return role;\n}\n`;
    expect(await messagesFor(destructured, "src/server/tenders/example.ts")).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Role checks live in src\/server\/policy\.ts/),
    ]);
    const parameter = `import type { Actor } from "@/server/auth/actor";\nexport const f = ({ role }: Actor) => role;\n`;
    expect(await messagesFor(parameter, "src/app/(portal)/example/page.tsx")).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Role checks live in src\/server\/policy\.ts/),
    ]);
    // Identity itself is no exemption: src/server/auth asks the policy too.
    const auth = `import type { Actor } from "@/server/auth/actor";\nexport function f(actor: Actor) {\n  return actor.role === "TECHNICIAN";\n}\n`;
    expect(await messagesFor(auth, "src/server/auth/session.ts")).toHaveLength(1);
    // Other things called role (a panel seat's) are not the actor's.
    const seat = `export function f(seat: { role: string }) {\n  const { role } = seat;\n  return role;\n}\n`;
    expect(await messagesFor(seat, "src/server/evaluation/example.ts")).toEqual([]);
  });

  it("fails a Prisma filter on a user's role outside the policy", async () => {
    const Db = `type Db = Record<string, Record<string, (args: object) => Promise<unknown>>>;\n`;
    const direct = Db + `export const f = (tx: Db) => tx.user.findMany({ where: { role: "GOVERNOR", disabledAt: null } });\n`;
    expect(await messagesFor(direct, "src/server/awards/example.ts")).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Filtering users by role decides who counts as what/),
    ]);
    const related =
      Db + `export const f = (tx: Db) => tx.panelMember.findMany({ where: { tenderId: "t", user: { role: "COMMISSIONER" } } });\n`;
    expect(await messagesFor(related, "src/server/evaluation/example.ts")).toHaveLength(1);
    // A panel seat's role is not a user's, and the policy's own builders may filter by role.
    const seat = Db + `export const f = (tx: Db) => tx.panelMember.findMany({ where: { tenderId: "t", role: "TECHNICIAN" } });\n`;
    expect(await messagesFor(seat, "src/server/evaluation/example.ts")).toEqual([]);
    expect(await messagesFor(direct, "src/server/policy.ts")).toEqual([]);
  });

  it("allows role checks in the policy itself", async () => {
    const check = `export function f(actor: { role: string }) {\n  return actor.role === "ADMIN";\n}\n`;
    expect(await messagesFor(check, "src/server/policy.ts")).toEqual([]);
  });

  it("fails a tender state written anywhere but moveTender", async () => {
    // A stand-in for the Prisma client's shape, so the snippets need no import.
    const Db = `type Db = Record<string, Record<string, (args: object) => Promise<unknown>>>;\n`;
    const write =
      Db +
      `export async function f(tx: Db) {\n  await tx.tender.update({ where: { id: "t" }, data: { status: "AWARDED", version: { increment: 1 } } });\n}\n`;
    for (const file of ["src/server/awards/example.ts", "src/server/policy.ts", "src/app/(portal)/example/actions.ts"]) {
      expect(await messagesFor(write, file)).toEqual([
        expect.stringMatching(/^no-restricted-syntax: A tender changes state only through moveTender/),
      ]);
    }
    const many =
      Db +
      `export async function f(db: Db) {\n  await db.tender.updateMany({ where: { status: "DRAFT" }, data: { status: "CANCELLED" } });\n}\n`;
    expect(await messagesFor(many, "src/server/tenders/example.ts")).toHaveLength(1);
    const other =
      Db +
      `export async function f(tx: Db) {\n  await tx.tender.update({ where: { id: "t" }, data: { version: { increment: 1 } } });\n  await tx.bid.update({ where: { id: "b" }, data: { status: "WITHDRAWN" } });\n}\n`;
    expect(await messagesFor(other, "src/server/tenders/example.ts")).toEqual([]);
    expect(await messagesFor(write, "src/server/tenders/move-tender.ts")).toEqual([]);
    // The role rule still holds in move-tender.ts, and the state rule in the policy.
    const role = `export function f(actor: { role: string }) {\n  return actor.role === "ADMIN";\n}\n`;
    expect(await messagesFor(role, "src/server/tenders/move-tender.ts")).toHaveLength(1);
  });

  it("keeps one clock: no bare new Date() or Date.now() in src/server outside the clock module", async () => {
    const bare = `export function f(now = new Date()) {\n  return now;\n}\n`;
    for (const file of [
      "src/server/tenders/example.ts",
      "src/server/auth/example.ts",
      "src/server/policy.ts",
      "src/server/tenders/move-tender.ts",
    ]) {
      expect(await messagesFor(bare, file)).toEqual([
        expect.stringMatching(/^no-restricted-syntax: Time in src\/server comes from src\/server\/clock\.ts/),
      ]);
    }
    expect(await messagesFor(`export const f = () => Date.now();\n`, "src/server/bids/example.ts")).toHaveLength(1);
    // A date made from a value, the clock module itself, and the pages (which pass requestNow()) are not the rule's.
    expect(await messagesFor(`export const f = (ms: number) => new Date(ms);\n`, "src/server/bids/example.ts")).toEqual([]);
    expect(await messagesFor(bare, "src/server/clock.ts")).toEqual([]);
    expect(await messagesFor(bare, "src/domain/example.ts")).toEqual([]);
  });

  it("takes row locks one way: lockRow/lockRows, never a hand-written FOR UPDATE", async () => {
    const Tx = `type Tx = { $executeRaw: (s: TemplateStringsArray, ...v: unknown[]) => Promise<number> };\n`;
    const lock =
      Tx + 'export const f = (tx: Tx, id: string) => tx.$executeRaw`SELECT 1 FROM "Tender" WHERE "id" = ${id}::uuid FOR UPDATE`;\n';
    expect(await messagesFor(lock, "src/server/tenders/example.ts")).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Row locks are taken with lockRow\/lockRows/),
    ]);
    expect(await messagesFor(lock, "src/server/locks.ts")).toEqual([]);
    // The other server rules still hold in the lock module.
    expect(await messagesFor(`export const f = () => new Date();\n`, "src/server/locks.ts")).toHaveLength(1);
  });

  it("fails importing the database client outside src/server", async () => {
    const page = `import { db } from "@/server/db";\nexport const x = db;\n`;
    expect(await messagesFor(page, "src/app/(portal)/example/page.tsx")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Only src\/server touches the database/),
    ]);
    const prisma = `import { PrismaClient } from "@/generated/prisma/client";\nexport const x = PrismaClient;\n`;
    expect(await messagesFor(prisma, "src/components/example.tsx")).toHaveLength(1);
    expect(await messagesFor(page, "src/server/tenders/example.ts")).toEqual([]);
  });

  it("keeps the domain pure: nothing from src/server, src/app, React or Next", async () => {
    const domain = "src/domain/example.ts";
    const server = `import { db } from "@/server/db";\nexport const x = db;\n`;
    expect(await messagesFor(server, domain)).toContainEqual(
      expect.stringMatching(/^no-restricted-imports: .*Only src\/server touches the database/),
    );
    const errors = `import { NotFound } from "@/server/errors";\nexport const x = NotFound;\n`;
    expect(await messagesFor(errors, domain)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*The domain is pure: it imports nothing from src\/server/),
    ]);
    const relative = `import type { Actor } from "../server/auth/actor";\nexport type X = Actor;\n`;
    expect(await messagesFor(relative, domain)).toEqual([expect.stringMatching(/The domain is pure: it imports nothing from src\/server/)]);
    const app = `import { x } from "@/app/(portal)/example/actions";\nexport const y = x;\n`;
    expect(await messagesFor(app, domain)).toEqual([expect.stringMatching(/The domain is pure: it imports nothing from src\/app/)]);
    for (const lib of ["react", "next/navigation", "next-auth"]) {
      const code = `import * as m from "${lib}";\nexport const y = m;\n`;
      expect(await messagesFor(code, domain)).toEqual([expect.stringMatching(/The domain is pure: no React or Next\.js/)]);
    }
    expect(await messagesFor(`import { money } from "./money";\nexport const y = money;\n`, domain)).toEqual([]);
  });

  it("keeps requests flowing one way: the server imports nothing from src/app or src/components, components nothing from src/app", async () => {
    const action = `import { respondToPanelInvitationAction } from "@/app/(portal)/panels/actions";\nexport const x = respondToPanelInvitationAction;\n`;
    expect(await messagesFor(action, "src/components/example.tsx")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Components and the server import nothing from src\/app/),
    ]);
    expect(await messagesFor(action, "src/server/tenders/example.ts")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Components and the server import nothing from src\/app/),
    ]);
    const component = `import { Panel } from "@/components/ui/page-heading";\nexport const x = Panel;\n`;
    expect(await messagesFor(component, "src/server/tenders/example.ts")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*The server imports nothing from src\/components/),
    ]);
    expect(await messagesFor(component, "src/app/(portal)/example/page.tsx")).toEqual([]);
  });

  it("lets components import only types from src/server", async () => {
    const component = "src/components/example.tsx";
    const value = `import { can } from "@/server/policy";\nexport const x = can;\n`;
    expect(await messagesFor(value, component)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Components import only types from src\/server/),
    ]);
    const typeOnly = `import type { FormState } from "@/server/action-result";\nexport type X = FormState;\n`;
    expect(await messagesFor(typeOnly, component)).toEqual([]);
    const db = `import type { db } from "@/server/db";\nexport type X = typeof db;\n`;
    expect(await messagesFor(db, component)).toEqual([expect.stringMatching(/Only src\/server touches the database/)]);
  });

  it("the real source passes", async () => {
    const results = await eslint.lintFiles([
      "src/server/policy.ts",
      "src/app/(portal)/layout.tsx",
      "src/server/bids/queries.ts",
      "src/server/auth",
      "src/server/notifications",
      "src/domain",
      "src/components",
    ]);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });
});
