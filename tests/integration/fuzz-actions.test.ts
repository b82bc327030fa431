// Every server action, fuzzed with fast-check: missing and extra fields,
// wrong types, huge and unicode strings, other users' real ids, replayed and
// concurrent submits, as each role. Never a server error (an unexpected throw,
// or the "Something went wrong on our side" form state the one error mapper
// gives for one), never a partial write (a refused attempt changes no row).
//
// Why call the exported action functions with a faked session rather than
// POST to the action endpoint: Next.js addresses actions by a build-time id
// encrypted with the build's key, and bound arguments travel encrypted too, so
// driving the endpoint needs the compiled client manifest of one build. The
// function is what the endpoint calls after decoding, so it sees the same input.
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MALFORMED_REQUEST } from "@/server/action-arguments";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor } from "../fixtures/factories";
import { openedTender } from "../fixtures/evaluation-builders";
import { listEntryPoints, type ServerActionEntry } from "../fixtures/entry-points";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", async () => {
  const { redirect } = await import("next/navigation");
  return {
    getActor: async () => session.actor,
    needsConsent: async () => false,
    requireActor: async () => session.actor ?? redirect("/login"),
    startSession: async () => undefined,
    deviceCookie: async () => null,
    rememberDevice: async () => undefined,
    endSession: async () => undefined,
    requestIp: async () => "203.0.113.9",
    currentSessionId: async () => null,
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** Rows per table, in one statement: a refused attempt must leave them all as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  // json_build_object takes at most 100 arguments (50 tables): one object per 40 tables, joined.
  const chunks = Array.from({ length: Math.ceil(tables.length / 40) }, (_, i) => tables.slice(i * 40, i * 40 + 40));
  const objects = chunks.map(
    (c) => `jsonb_build_object(${c.map((t) => `'${t.table_name}', (SELECT count(*) FROM "${t.table_name}")`).join(", ")})`,
  );
  const sql = `SELECT ${objects.join(" || ")} AS counts`;
  const [row] = await db.$queryRawUnsafe<{ counts: Record<string, number> }[]>(sql);
  return row!.counts;
}
/** Tables a refused attempt may legitimately write: sign-in throttling counts failures; logs of failed sign-ins. */
const MAY_CHANGE_ON_REFUSAL = new Set(["SignInAttempt", "SignInThrottle", "AuditEvent", "UserSession"]);

type Outcome = "ok" | "refused" | `server error: ${string}`;

function classify(result: unknown, error: unknown): Outcome {
  if (error !== undefined) {
    const digest = (error as { digest?: unknown })?.digest;
    if (
      typeof digest === "string" &&
      (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND")
    ) {
      return digest.startsWith("NEXT_REDIRECT") ? "ok" : "refused";
    }
    return `server error: ${String(error).slice(0, 300)}`;
  }
  const state = result as { status?: string; message?: string; ok?: boolean } | undefined;
  if (state?.message && /Something went wrong on our side/.test(state.message)) return `server error: ${state.message}`;
  if (state?.status === "error" || state?.ok === false) return "refused";
  return "ok";
}

let actors: Actor[];
let realIds: string[];
const entries = listEntryPoints();
const actions = entries.filter((e): e is ServerActionEntry => e.kind === "action");
const serverErrors: string[] = [];
let cases = 0;

beforeAll(async () => {
  const t = await openedTender();
  actors = [
    await createActor("ADMIN"),
    t.commissioner,
    t.commissioner2,
    t.technicians[0]!,
    await createActor("GOVERNOR", { establishmentIds: [t.establishmentId] }),
    await createActor("PROVIDER"),
  ];
  realIds = [t.id, t.bids.a, t.bids.b, t.criteria.quality, t.organisations.a, ...Object.values(t.seats), t.commissioner.id];
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterAll(() => {
  console.info(`${actions.length} entry points × ${cases} cases, ${serverErrors.length} server errors`);
});

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "null",
    "undefined",
    "<script>alert(1)</script>",
    '\'; DROP TABLE "User"; --',
    "-".repeat(36),
    "../../etc/passwd",
    "\u0000",
    "é".repeat(36),
  ),
  fc.string({ minLength: 100_000, maxLength: 100_000 }).map((s) => s.padEnd(100_000, "x")),
  fc.uuid(),
);

function argFor(type: string, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  if (type === "number") return fc.oneof(fc.integer(), fc.constantFrom(Number.NaN, Infinity, -1, 0));
  if (type === "string[]") return fc.array(ids, { maxLength: 3 });
  if (type === "FormData") {
    return fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(
              "title",
              "reference",
              "price",
              "answer",
              "reason",
              "decision",
              "entryIds",
              "tenderId",
              "bidId",
              "id",
              "userId",
              "email",
              "password",
              "version",
              "command",
              "direction",
              "criterionId",
              "organisationId",
              "establishmentId",
              "minutes",
              "hours",
              "workedOn",
              "workedOn.day",
              "workedOn.month",
              "workedOn.year",
              "activity",
              "note",
              "typedName",
              "contentHash",
              "keepSubmittedScores",
              "name",
              "role",
              "token",
              "next",
              "intent",
              "currentPassword",
              "confirmPassword",
              "confirm",
            ),
            fc.string({ maxLength: 20 }),
          ),
          fc.oneof(text, ids),
        ),
        { maxLength: 12 },
      )
      .map((pairs) => {
        const form = new FormData();
        for (const [k, v] of pairs) form.append(k, String(v));
        return form;
      });
  }
  if (type.endsWith("FormState")) return fc.constant({ status: "idle" });
  return ids;
}

describe("fuzzing every server action", () => {
  it("finds every exported server action in the code", () => {
    expect(actions.length).toBeGreaterThan(30);
    for (const a of actions) expect(a.params.length, a.id).toBeGreaterThanOrEqual(0);
  });

  for (const entry of actions) {
    it(`${entry.id}: no server error, no partial write`, async () => {
      const mod = (await import(/* @vite-ignore */ path.resolve(entry.file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const action = mod[entry.name]!;
      const ids = fc.oneof(text, fc.constantFrom(...realIds));
      const typed = fc.tuple(...entry.params.map((p) => argFor(p, ids)));
      // As a client may send them: shifted (a bound argument missing, or one too many in front), cut short, or all of
      // the wrong type. src/server/action-arguments.ts refuses these first (a 400 in the form state, no row written).
      const args = fc.oneof(
        { weight: 4, arbitrary: typed.map((a) => ({ shape: "as declared", args: a as unknown[] })) },
        { weight: 1, arbitrary: typed.map((a) => ({ shape: "shifted left", args: a.slice(1) })) },
        { weight: 1, arbitrary: typed.map((a) => ({ shape: "shifted right", args: [a.at(-1), ...a] })) },
        { weight: 1, arbitrary: typed.map((a) => ({ shape: "cut short", args: a.slice(0, -1) })) },
        {
          weight: 1,
          arbitrary: fc
            .array(fc.oneof(text, fc.integer(), fc.constant(null), fc.dictionary(text, text, { maxKeys: 2 })), { maxLength: 5 })
            .map((a) => ({ shape: "all wrong", args: a })),
        },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: actors.length }),
          args,
          fc.boolean(),
          async (who, { shape, args: input }, concurrent) => {
            session.actor = actors[who] ?? null;
            const before = await rowCounts();
            const run = () =>
              action(...input).then(
                (r) => {
                  // Arguments of the declared types (ids of a sane length) are never taken for a malformed call.
                  const malformed =
                    (r as { message?: string } | undefined)?.message === MALFORMED_REQUEST ||
                    (r as { httpStatus?: number })?.httpStatus === 400;
                  const saneOne = (a: unknown): boolean =>
                    typeof a === "string" ? a.length <= 200 : typeof a === "number" ? Number.isInteger(a) && a >= 0 && a <= 1e9 : true;
                  const sane = input.every((a) => (Array.isArray(a) ? a.every(saneOne) : saneOne(a)));
                  if (shape === "as declared" && sane && malformed)
                    return `server error: refused arguments of the declared types` as Outcome;
                  if (shape !== "as declared" && entry.params.length > 0 && !malformed && shape !== "all wrong")
                    return `server error: took ${shape} arguments` as Outcome;
                  return classify(r, undefined);
                },
                (e: unknown) => classify(undefined, e),
              );
            // Replayed or concurrent: the same submit twice.
            const outcomes = concurrent ? await Promise.all([run(), run()]) : [await run(), await run()];
            cases += 1;
            const errors = outcomes.filter((o) => o.startsWith("server error"));
            if (errors.length > 0) serverErrors.push(`${entry.id}: ${errors[0]}`);
            expect(errors, `${entry.id} as ${session.actor?.role ?? "nobody"}`).toEqual([]);
            if (outcomes.every((o) => o === "refused")) {
              const after = await rowCounts();
              const changed = Object.keys(after).filter((t) => after[t] !== before[t] && !MAY_CHANGE_ON_REFUSAL.has(t));
              expect(changed, `${entry.id}: refused, yet rows changed`).toEqual([]);
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});
