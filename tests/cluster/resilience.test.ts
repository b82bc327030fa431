// PostgreSQL restarted under load, and a graceful stop (SIGTERM), against a
// real production server. The figures measured are printed and written to
// .test-reports/cluster-figures.json.
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { migrate } from "../../scripts/lib/migrations";
import { Client, text } from "./browserless";
import {
  logLines,
  recordFigures,
  SECRET,
  startDatabase,
  startInstance,
  startSmtp,
  type Database,
  type Instance,
  type Smtp,
} from "./harness";

const clockFile = path.join(os.tmpdir(), `cocommission-resilience-clock-${process.pid}`);
let database: Database;
let smtp: Smtp;
let server: Instance;
let email: string;
let password: string;

beforeAll(async () => {
  database = await startDatabase("resilience");
  await migrate(database.url);
  // This process sets up tenders through the use cases, as the integration tests do.
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET });
  const { createUser, TEST_PASSWORD } = await import("../fixtures/factories");
  email = (await createUser("COMMISSIONER")).email;
  password = TEST_PASSWORD;
  writeFileSync(clockFile, "0");
  // A slow mail server (1 s a message), so SIGTERM comes while the outbox sender is busy.
  smtp = await startSmtp(1_000);
  server = await startInstance({
    databaseUrl: database.url,
    env: { COCOMMISSION_TEST_CLOCK_FILE: clockFile, SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: "200" },
  });
});

afterAll(async () => {
  await server?.stop();
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await database?.destroy();
  rmSync(clockFile, { force: true });
  smtp?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HANG_MS = 10_000;

type Outcome = "answered" | "failedCleanly" | "failedBadly" | "hung";

/** What a person got: the page, a clear "try again" (503) or error page with a reference, something worse, or nothing within 10 s. */
function classify(status: number, html: string): Outcome {
  const body = text(html);
  if (/PrismaClient|\n\s+at |node_modules/.test(html)) return "failedBadly"; // a stack trace or internals
  if (status === 200 && !/Sorry, there is a problem/.test(body)) return "answered";
  if (status === 503 && /Try again/.test(body)) return "failedCleanly";
  if (status >= 500 && /Sorry, there is a problem with the service/.test(body)) return "failedCleanly";
  return "failedBadly";
}

describe("PostgreSQL restarted under load", () => {
  it("answers every request during the outage with a clear try-again (never a hang over 10 s or a stack trace), recovers by itself, and loses no acknowledged write", async () => {
    const reader = new Client(server.url);
    expect(text((await reader.signIn(email, password)).html)).toContain("Tenders");

    const counts = { answered: 0, failedCleanly: 0, failedBadly: 0, hung: 0 };
    const outageCounts = { answered: 0, failedCleanly: 0, failedBadly: 0, hung: 0 };
    const badSamples: string[] = [];
    const acknowledgedSessions: string[] = [];
    let signInsTried = 0;
    let outage = false;
    let phase = "before";
    let running = true;

    const count = (outcome: Outcome, sample: string) => {
      counts[outcome]++;
      if (outage) outageCounts[outcome]++;
      if (outcome === "failedBadly" && badSamples.length < 3) badSamples.push(`${phase} ${sample.slice(0, 300)}`);
    };

    const timed = async (run: (signal: AbortSignal) => Promise<void>) => {
      try {
        await run(AbortSignal.timeout(HANG_MS));
      } catch (error) {
        count((error as Error).name === "TimeoutError" ? "hung" : "failedBadly", String(error));
      }
    };

    // Readers: signed-in page views. Writer: sign-ins, each a write (a session row and an audit event).
    const readers = Array.from({ length: 3 }, async () => {
      while (running) {
        await timed(async (signal) => {
          const response = await fetch(`${server.url}/tenders`, {
            headers: { Accept: "text/html", Cookie: [...reader.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
            signal,
            redirect: "manual",
          });
          const html = await response.text();
          count(classify(response.status, html), `${response.status} ${text(html)}`);
        });
        await sleep(50);
      }
    });
    const writer = (async () => {
      while (running) {
        signInsTried++;
        await timed(async () => {
          const client = new Client(server.url);
          const form = await client.get("/login");
          if (classify(form.status, form.html) !== "answered")
            return count(classify(form.status, form.html), `${form.status} ${text(form.html)}`);
          const page = await client.submit(form, "Sign in", { email, password });
          const outcome = classify(page.status, page.html);
          count(outcome, `${page.status} ${text(page.html)}`);
          const cookie = [...client.cookies].find(([k]) => k.includes("session-token"));
          if (cookie && outcome === "answered") {
            const token = await decode({ token: decodeURIComponent(cookie[1]), secret: SECRET });
            acknowledgedSessions.push(String(token?.sid));
          }
        });
        await sleep(100);
      }
    })();

    await sleep(3_000);
    outage = true;
    phase = "outage";
    const stoppedAt = Date.now();
    await database.stop();
    await sleep(1_000);
    // What a load balancer sees: not ready (take it out), but alive (do not restart it).
    const healthDuringOutage = {
      ready: (await fetch(`${server.url}/api/health/ready`, { signal: AbortSignal.timeout(HANG_MS) })).status,
      live: (await fetch(`${server.url}/api/health/live`, { signal: AbortSignal.timeout(HANG_MS) })).status,
    };
    await sleep(3_000);
    await database.start();
    const startedAt = Date.now();
    // Recovery: from PostgreSQL accepting connections again to the portal serving pages again.
    let readyAt = 0;
    let pageAt = 0;
    while (!readyAt || !pageAt) {
      if (Date.now() - startedAt > 30_000) break;
      if (!readyAt && (await fetch(`${server.url}/api/health/ready`)).status === 200) readyAt = Date.now();
      if (!pageAt) {
        const r = await fetch(`${server.url}/tenders`, {
          headers: { Accept: "text/html", Cookie: [...reader.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
          redirect: "manual",
        });
        if (r.status === 200) pageAt = Date.now();
      }
      await sleep(100);
    }
    outage = false;
    phase = "after";
    await sleep(4_000);
    running = false;
    await Promise.all([...readers, writer]);

    const rows = await database.query<{ id: string }>(`SELECT id::text FROM "UserSession" WHERE id::text = ANY($1)`, [
      acknowledgedSessions,
    ]);
    const figures = {
      requests: counts,
      duringOutage: outageCounts,
      outageSeconds: (startedAt - stoppedAt) / 1000,
      recoverySecondsToReady: readyAt ? (readyAt - startedAt) / 1000 : null,
      recoverySecondsToPages: pageAt ? (pageAt - startedAt) / 1000 : null,
      healthDuringOutage,
      signIns: { tried: signInsTried, acknowledged: acknowledgedSessions.length, foundAfterRestart: rows.length },
    };
    recordFigures("postgresRestart", figures);
    writeFileSync(".test-reports/resilience-server.log", server.output.join("\n"));

    expect(badSamples).toEqual([]);
    expect(counts.hung).toBe(0);
    expect(healthDuringOutage).toEqual({ ready: 503, live: 200 });
    expect(outageCounts.failedCleanly).toBeGreaterThan(0);
    expect(readyAt).toBeGreaterThan(0);
    expect(pageAt).toBeGreaterThan(0);
    expect(acknowledgedSessions.length).toBeGreaterThan(0);
    expect(rows.length).toBe(acknowledgedSessions.length);
    // The server noticed, said so in its log, and noticed the return.
    const messages = logLines(server).map((l) => l.msg);
    expect(messages).toContain("database unreachable");
    expect(messages).toContain("database is back");
  });
});

describe("a score being saved when PostgreSQL goes away", () => {
  it('is answered "not saved" (cut off mid-save, or sent while down), is absent after the restart, and a score saved before is kept', async () => {
    const { openedTender, declareNoConflicts, OPENED } = await import("../fixtures/evaluation-builders");
    const { default: pg } = await import("pg");
    const t = await openedTender();
    // The builders' tender closed on 18 Dec 2026: the server's clock is moved past it (src/server/clock.ts).
    writeFileSync(clockFile, String(OPENED.getTime() - Date.now()));
    onTestFinished(() => writeFileSync(clockFile, "0"));
    const member = t.commissioner2;
    await declareNoConflicts(t, member);
    const client = new Client(server.url);
    await client.signIn(member.email, password);
    const marks = (quality: string, secondQuality: string) => ({
      intent: "save",
      [`score.${t.criteria.quality}`]: quality,
      [`reason.${t.criteria.quality}`]: "They explain how young people shaped the plan.",
      [`score.${t.criteria.secondQuality}`]: secondQuality,
      [`reason.${t.criteria.secondQuality}`]: "The plan for working with wing staff is clear.",
    });
    const scoresOf = async (bidId: string) =>
      (
        await database.query<{ score: number }>(
          `SELECT s.score FROM "Score" s JOIN "PanelMember" m ON m.id = s."panelMemberId" WHERE m."userId" = $1::uuid AND s."bidId" = $2::uuid ORDER BY s.score`,
          [member.id, bidId],
        )
      ).map((r) => r.score);

    // Acknowledged before the outage.
    const saved = await client.submit(await client.get(`/panels/${t.id}/bids/${t.bids.a}`), "Save draft", marks("4", "3"));
    expect(text(saved.html)).toContain("Draft saved.");
    const formB = await client.get(`/panels/${t.id}/bids/${t.bids.b}`);
    const formA = await client.get(`/panels/${t.id}/bids/${t.bids.a}`);

    // In flight: the save has begun its transaction and waits for the member's seat (held here) when PostgreSQL stops.
    const holder = new pg.Client({ connectionString: database.url });
    holder.on("error", () => {});
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT 1 FROM "PanelMember" WHERE id = $1::uuid FOR UPDATE`, [t.seats[member.id]]);
    const began = Date.now();
    const inFlight = client.submit(formB, "Save draft", marks("2", "5"));
    for (let i = 0; i < 200; i++) {
      const rows = await holder.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
      );
      if (rows.rows[0]!.waiting > 0) break;
      await sleep(25);
    }
    await database.stop();
    const interrupted = await inFlight;
    const interruptedMs = Date.now() - began;

    // Sent while it is down: a change to the score saved before.
    const sentAt = Date.now();
    const whileDown = await client.submit(formA, "Save draft", marks("1", "1"));
    const whileDownMs = Date.now() - sentAt;
    await database.start();
    await holder.end().catch(() => {});

    const told = (page: { status: number; html: string }) => `${page.status} ${messageOrHeading(page.html)}`;
    recordFigures("scoreSavedDuringOutage", {
      interruptedSave: { answer: told(interrupted), seconds: interruptedMs / 1000 },
      saveWhileDown: { answer: told(whileDown), seconds: whileDownMs / 1000 },
    });
    expect(interrupted.html).not.toMatch(/PrismaClient|\n\s+at |node_modules/);
    expect(text(interrupted.html)).toMatch(/Nothing was saved|has not been saved/);
    expect(interruptedMs).toBeLessThan(HANG_MS);
    expect(whileDown.status).toBe(503);
    expect(text(whileDown.html)).toContain("Anything you were sending when this page appeared has not been saved.");
    expect(whileDownMs).toBeLessThan(HANG_MS);

    // Back up: the interrupted score and the change sent while down are absent; the acknowledged one is there as it was.
    for (let i = 0; i < 100 && (await fetch(`${server.url}/login`, { headers: { Accept: "text/html" } })).status !== 200; i++)
      await sleep(100);
    expect(await scoresOf(t.bids.b)).toEqual([]);
    expect(await scoresOf(t.bids.a)).toEqual([3, 4]);
  });
});

/** The error summary's message, or the page's heading: what a person reads first. */
function messageOrHeading(html: string): string {
  const alert = html.match(/role="alert"[\s\S]*?<\/(div|section|p)>/)?.[0];
  if (alert) return text(`<x ${alert}`).replace(/^<x /, "");
  return text(html.match(/<h1[\s\S]*?<\/h1>/)?.[0] ?? "").slice(0, 200);
}

describe("an error that is not an outage", () => {
  it("shows a plain error page with the reference the log has, once, at error level, and nothing of the internals", async () => {
    const { default: pg } = await import("pg");
    const reader = new Client(server.url);
    await reader.signIn(email, password);
    // Tenders cannot be read for longer than the 8 s every statement is allowed: the page fails, PostgreSQL is fine.
    const lock = new pg.Client({ connectionString: database.url });
    await lock.connect();
    await lock.query("BEGIN");
    await lock.query(`LOCK TABLE "Tender" IN ACCESS EXCLUSIVE MODE`);
    const began = Date.now();
    const page = await reader.get("/tenders").finally(() => lock.end());
    const ms = Date.now() - began;

    const reference = text(page.html).match(/quote reference ([A-Za-z0-9-]+)\./)?.[1];
    const logged = logLines(server).filter((l) => l.level === 50 && reference && l.ref === reference);
    recordFigures("errorPage", {
      status: page.status,
      seconds: ms / 1000,
      referenceShown: reference ?? null,
      linesLoggedWithIt: logged.length,
    });
    expect(page.status).toBe(500);
    expect(text(page.html)).toContain("Sorry, there is a problem with the service");
    expect(reference).toBeTruthy();
    expect(page.html).not.toMatch(/PrismaClient|\n\s+at |node_modules|statement timeout|canceling statement/);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.requestId).toEqual(expect.any(String));
    expect((await reader.get("/tenders")).status).toBe(200);
  });
});

describe("SIGTERM", () => {
  it("stops taking connections, finishes the request in flight, stops the outbox sender mid-batch without losing or repeating a message, closes the pool and exits 0 within 10 s", async () => {
    // The outbox sender is busy with a batch of 20 (1 s each at this mail server) when the signal comes.
    await database.query(`UPDATE "OutboxMessage" SET status = 'SENT' WHERE status = 'PENDING'`);
    const subjects = Array.from({ length: 20 }, (_, i) => `Shutdown message ${i + 1}`);
    await database.query(
      `INSERT INTO "OutboxMessage" ("to", subject, text, template) SELECT 'someone@ok.example', s, s, 't' FROM unnest($1::text[]) s`,
      [subjects],
    );
    const mine = `subject LIKE 'Shutdown message %'`;
    for (let i = 0; i < 200; i++) {
      const [{ n }] = (await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE ${mine} AND attempts > 0`,
      )) as [{ n: number }];
      if (n > 0) break;
      await sleep(50);
    }

    // Hold a lock the readiness query needs, so a request is in flight when the signal comes.
    const { default: pg } = await import("pg");
    const lock = new pg.Client({ connectionString: database.url });
    await lock.connect();
    await lock.query("BEGIN");
    await lock.query(`LOCK TABLE "_prisma_migrations" IN ACCESS EXCLUSIVE MODE`);
    const slow = fetch(`${server.url}/api/health/ready`);
    for (let i = 0; i < 100; i++) {
      const [{ waiting }] = (
        await lock.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        )
      ).rows as [{ waiting: number }];
      if (waiting > 0) break;
      await sleep(20);
    }

    const stopped = server.stop("SIGTERM");
    let refused = false;
    for (let i = 0; i < 40 && !refused; i++) {
      await sleep(25);
      refused = await fetch(`${server.url}/api/health/live`).then(
        () => false,
        () => true,
      );
    }
    await lock.query("COMMIT");
    await lock.end();

    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", migrations: "current" });
    const { code, ms } = await stopped;
    const outbox = await database.query<{ status: string; attempts: number; subject: string }>(
      `SELECT status::text, attempts, subject FROM "OutboxMessage" WHERE ${mine}`,
    );
    const sent = outbox.filter((m) => m.status === "SENT").map((m) => m.subject);
    const deliveredSubjects = smtp.delivered.map((m) => /Subject: (Shutdown message \d+)\n/.exec(m)?.[1]).filter(Boolean);
    const claimedNotSent = outbox.filter((m) => m.status !== "SENT" && m.attempts > 0).length;
    recordFigures("sigterm", {
      exitCode: code,
      secondsToExit: ms / 1000,
      newConnectionsRefused: refused,
      inFlightCompleted: response.status === 200,
      outbox: {
        batch: subjects.length,
        sentBeforeExit: sent.length,
        leftDueForTheNextRun: outbox.length - sent.length - claimedNotSent,
        claimedNotSent,
      },
    });
    // What the mail server accepted is exactly what is marked sent, each once; the rest wait, unclaimed, for the next sender.
    expect(deliveredSubjects.sort()).toEqual(sent.sort());
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(subjects.length);
    expect(claimedNotSent).toBe(0);
    expect(refused).toBe(true);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    const messages = logLines(server).map((l) => l.msg);
    expect(messages).toContain("stopped");
    const { db } = await import("@/server/db");
    await db.$disconnect(); // this test's own connections
    const connections = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    expect(connections[0]!.n).toBe(0);
  });
});
