// Two production servers (each started the way `npm start` starts one) on one
// PostgreSQL, proving they behave as one portal. Outcomes are printed and
// written to .test-reports/cluster-figures.json.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "../../scripts/lib/migrations";
import { Client, text, type Page } from "./browserless";
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

// The local mail server counts deliveries; it takes 300 ms a message, so two senders overlap for real.
let smtp: Smtp;
const clockFile = path.join(os.tmpdir(), `cocommission-cluster-clock-${process.pid}`);
let database: Database;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  smtp = await startSmtp(300);
  writeFileSync(clockFile, "0");
  database = await startDatabase("cluster");
  const env = {
    SMTP_URL: smtp.url,
    OUTBOX_INTERVAL_MS: "200",
    COCOMMISSION_TEST_CLOCK_FILE: clockFile,
  };
  // Both at once, on an empty database: each runs the migrations first.
  [a, b] = await Promise.all([
    startInstance({ databaseUrl: database.url, env, viaStart: true }),
    startInstance({ databaseUrl: database.url, env, viaStart: true }),
  ]);
  // This process sets up tenders through the use cases, as the integration tests do.
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET });
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await database?.destroy();
  smtp?.close();
});

const signedIn = (page: Page) => !page.url.includes("/login") && /Sign out/.test(text(page.html));

describe("two instances on one PostgreSQL", () => {
  it("started at once, apply every migration once (an advisory lock lets one migrate while the other waits)", async () => {
    const rows = await database.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name`,
    );
    expect(rows.length).toBe(readMigrations().length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const migrated = [a, b].filter((i) => i.output.some((l) => l.startsWith("Applied migrations:")));
    const upToDate = [a, b].filter((i) => i.output.some((l) => l.startsWith("Database schema is up to date")));
    recordFigures("migrationsAtOnce", {
      migrations: rows.length,
      instancesThatApplied: migrated.length,
      instancesThatFoundThemApplied: upToDate.length,
    });
    expect(migrated).toHaveLength(1);
    expect(upToDate).toHaveLength(1);
  });

  it("a session made on one is valid on the other; signing out on one ends it on both", async () => {
    const { createUser, TEST_PASSWORD } = await import("../fixtures/factories");
    const user = await createUser("COMMISSIONER");
    const onA = new Client(a.url);
    expect(signedIn(await onA.signIn(user.email, TEST_PASSWORD))).toBe(true);
    const onB = onA.on(b.url);
    expect(signedIn(await onB.get("/tenders"))).toBe(true);

    const out = await onB.submit(await onB.get("/tenders"), "Sign out");
    expect(out.url).toContain("/login");
    // The cookie kept by the copy on A is no longer any good there either.
    const after = await onA.get("/tenders");
    expect(after.url).toContain("/login");
    recordFigures("sessions", { validOnOther: true, signOutOnBEndsItOnA: after.url.includes("/login") });
  });

  it("sign-in throttling counts wrong passwords made on both", async () => {
    const { createUser, TEST_PASSWORD } = await import("../fixtures/factories");
    const user = await createUser("COMMISSIONER");
    let refusedAt = 0;
    const messages: string[] = [];
    for (let attempt = 1; attempt <= 8 && !refusedAt; attempt++) {
      const instance = attempt % 2 ? a : b;
      const page = await new Client(instance.url).signIn(user.email, `wrong password ${attempt}`);
      const said = text(page.html);
      messages.push(said.match(/Too many[^.]*\./)?.[0] ?? "wrong password");
      if (/Too many/.test(said)) refusedAt = attempt;
    }
    // Counted per instance, neither would have seen more than 2 wrong passwords by the 5th attempt.
    recordFigures("throttling", { refusedAtAttempt: refusedAt, alternatingInstances: true, messages });
    expect(refusedAt).toBeGreaterThanOrEqual(4);
    expect(refusedAt).toBeLessThanOrEqual(6);
    // And a correct password straight after is refused too, on the other instance.
    const next = await new Client((refusedAt % 2 ? b : a).url).signIn(user.email, TEST_PASSWORD);
    expect(text(next.html)).toMatch(/Too many/);
  });

  it("sends each outbox message once while both senders run at the same time", async () => {
    const { db } = await import("@/server/db");
    // Five of a sender's batches (20), so that one instance cannot take them all in one run before the other's runs.
    const subjects = Array.from({ length: 100 }, (_, i) => `Cluster message ${i + 1}`);
    const delivered = smtp.delivered;
    delivered.length = 0;
    await db.outboxMessage.createMany({
      data: subjects.map((subject) => ({ to: "someone@ok.example", subject, text: subject, template: "t", nextAttemptAt: new Date() })),
    });
    for (let i = 0; i < 300; i++) {
      if ((await db.outboxMessage.count({ where: { subject: { in: subjects }, status: "SENT" } })) === subjects.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const perSubject = subjects.map((s) => delivered.filter((m) => m.includes(`Subject: ${s}\n`)).length);
    const senders = [a, b].map((i) => i.output.filter((l) => l.includes('"msg":"outbox run"')).length);
    recordFigures("outbox", {
      messages: subjects.length,
      deliveries: perSubject.reduce((x, y) => x + y, 0),
      runsThatSentPerInstance: senders,
    });
    expect(perSubject).toEqual(subjects.map(() => 1));
    expect(senders.every((n) => n > 0)).toBe(true);
  });
});

/** The message a person reads in the error summary or next to the form, if any. */
function messageOn(page: Page): string {
  const alert = page.html.match(/role="alert"[\s\S]*?<\/(div|section|p)>/)?.[0];
  return alert ? text(`<x ${alert}`).replace(/^<x /, "") : "";
}

describe("people acting at the same moment on different instances", () => {
  // The builders' tenders closed on 18 Dec 2026: both servers' clock is moved past it (src/server/clock.ts).
  beforeAll(async () => {
    const { OPENED } = await import("../fixtures/evaluation-builders");
    writeFileSync(clockFile, String(OPENED.getTime() - Date.now()));
  });
  afterAll(() => writeFileSync(clockFile, "0"));

  it("two commissioners opening the bids at once: opened once, and the other is told", async () => {
    const { db } = await import("@/server/db");
    const { createActor, TEST_PASSWORD } = await import("../fixtures/factories");
    const { publishedTender, providerOrganisation } = await import("../fixtures/tender-builders");
    const { BEFORE, DEADLINE } = await import("../fixtures/evaluation-builders");
    const { submitBid } = await import("@/server/bids/submit-bid");
    const tender = await publishedTender({ deadline: DEADLINE });
    const commissioner2 = await createActor("COMMISSIONER");
    await db.panelMember.create({
      data: {
        tenderId: tender.id,
        userId: commissioner2.id,
        role: "COMMISSIONER",
        status: "ACCEPTED",
        invitedById: tender.commissioner.id,
      },
    });
    const bidder = await providerOrganisation();
    await submitBid(
      bidder.users[0],
      tender.id,
      {
        responses: { [tender.criteria.quality]: "Nurse-led care.", [tender.criteria.secondQuality]: "Weekly meetings." },
        price: "1000000",
      },
      BEFORE,
    );
    {
      const one = new Client(a.url);
      const two = new Client(b.url);
      await one.signIn(tender.commissioner.email, TEST_PASSWORD);
      await two.signIn(commissioner2.email, TEST_PASSWORD);
      const [pageOne, pageTwo] = await Promise.all([one.get(`/tenders/${tender.id}`), two.get(`/tenders/${tender.id}`)]);
      const results = await Promise.all([one.submit(pageOne, "Open bids"), two.submit(pageTwo, "Open bids")]);

      const opened = await db.auditEvent.count({ where: { tenderId: tender.id, action: "tender.bids_opened" } });
      const status = (await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).status;
      const told = results.map((r) =>
        r.url.includes("saved=opened")
          ? "opened"
          : r.url.includes("saved=alreadyOpened")
            ? (text(r.html).match(/The bids were already opened by [^.]*? at \d{1,2}(:\d\d)?(am|pm)( \(midday\)| \(midnight\))?/)?.[0] ??
              text(r.html).slice(0, 200))
            : messageOn(r) || text(r.html).slice(0, 200),
      );
      recordFigures("raceOpenBids", { effects: opened, status, outcomes: told });
      expect(status).toBe("EVALUATION");
      expect(opened).toBe(1);
      expect(told.filter((t) => t === "opened")).toHaveLength(1);
      const winner = results.findIndex((r) => r.url.includes("saved=opened"));
      const other = results[1 - winner]!;
      expect(other.url).toContain("saved=alreadyOpened");
      // Told who opened them and when: "by Sam Patel at 9:00am".
      const opener = [tender.commissioner, commissioner2][winner]!;
      expect(text(other.html)).toMatch(
        new RegExp(`The bids were already opened by ${opener.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} at \\d{1,2}(:\\d\\d)?(am|pm)`),
      );
      expect(text(other.html)).toContain("Your click came a moment later, so nothing more was done. Evaluation has started.");
    }
  });

  it("two panel members saving their scores at once on different instances: nothing is lost", async () => {
    const { db } = await import("@/server/db");
    const { TEST_PASSWORD } = await import("../fixtures/factories");
    const { openedTender, declareNoConflicts } = await import("../fixtures/evaluation-builders");
    const t = await openedTender();
    const members = [t.technicians[0]!, t.commissioner2];
    for (const m of members) await declareNoConflicts(t, m);
    const clients = [new Client(a.url), new Client(b.url)];
    await Promise.all(members.map((m, i) => clients[i]!.signIn(m.email, TEST_PASSWORD)));
    const pages = await Promise.all(clients.map((c) => c.get(`/panels/${t.id}/bids/${t.bids.a}`)));
    const marks = [
      { q: "4", s: "3", reason: "They explain how young people shaped the plan." },
      { q: "2", s: "5", reason: "The plan for working with wing staff is clear." },
    ];
    const results = await Promise.all(
      clients.map((c, i) =>
        c.submit(pages[i]!, "Save draft", {
          intent: "save",
          [`score.${t.criteria.quality}`]: marks[i]!.q,
          [`reason.${t.criteria.quality}`]: marks[i]!.reason,
          [`score.${t.criteria.secondQuality}`]: marks[i]!.s,
          [`reason.${t.criteria.secondQuality}`]: marks[i]!.reason,
        }),
      ),
    );
    const scores = await db.score.findMany({ where: { bidId: t.bids.a }, include: { panelMember: true } });
    const byMember = members.map((m) =>
      scores
        .filter((s) => s.panelMember.userId === m.id)
        .map((s) => `${s.criterionId === t.criteria.quality ? "q" : "s"}=${s.score}`)
        .sort(),
    );
    recordFigures("raceScoring", { members: 2, scoresSaved: scores.length, statuses: results.map((r) => r.status), byMember });
    expect(byMember).toEqual([
      ["q=4", "s=3"],
      ["q=2", "s=5"],
    ]);
  });

  it("the chair freezing the ranking from two sessions on different instances at once: frozen once, and the other is told", async () => {
    const { db } = await import("@/server/db");
    const { TEST_PASSWORD } = await import("../fixtures/factories");
    const { openedTender } = await import("../fixtures/evaluation-builders");
    const { scoreAs } = await import("../fixtures/award-builders");
    const { startModeration } = await import("@/server/evaluation/moderation");
    const t = await openedTender();
    for (const m of [t.commissioner, t.commissioner2, ...t.technicians]) await scoreAs(t, m, [4, 4], [3, 3]);
    await startModeration(t.commissioner, t.id);
    const sessions = [new Client(a.url), new Client(b.url)];
    for (const s of sessions) await s.signIn(t.commissioner.email, TEST_PASSWORD);
    // Freezing takes a confirmation step: both sessions are on it when they press.
    const pages = await Promise.all(sessions.map((s) => s.get(`/panels/${t.id}/moderation?freeze=confirm`)));
    const results = await Promise.all(sessions.map((s, i) => s.submit(pages[i]!, "Yes, freeze the ranking")));

    const frozen = await db.auditEvent.count({ where: { tenderId: t.id, action: "moderation.ranking_frozen" } });
    const status = (await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status;
    const told = results.map((r) =>
      r.url.includes("?frozen=1")
        ? "frozen"
        : r.url.includes("alreadyFrozen=1")
          ? (text(r.html).match(/The ranking was already frozen by [^.]*? at \d{1,2}(:\d\d)?(am|pm)( \(midday\)| \(midnight\))?/)?.[0] ??
            text(r.html).slice(0, 200))
          : messageOn(r) || text(r.html).slice(0, 200),
    );
    recordFigures("raceFreeze", { effects: frozen, status, outcomes: told });
    expect(status).toBe("AWARD_PENDING_SIGNOFF");
    expect(frozen).toBe(1);
    expect(told.filter((o) => o === "frozen")).toHaveLength(1);
    const other = results.find((r) => !r.url.includes("?frozen=1"))!;
    expect(other.url).toContain("alreadyFrozen=1");
    // The same chair in two sessions: "by you (in another window) at 9:00am".
    expect(text(other.html)).toMatch(/The ranking was already frozen by you \(in another window\) at \d{1,2}(:\d\d)?(am|pm)/);
    expect(text(other.html)).toContain("Your click came a moment later, so nothing more was done.");
  });

  it("two commissioners confirming the award at once: one contract, one audit event, one set of emails, and the other is told", async () => {
    const { db } = await import("@/server/db");
    const { TEST_PASSWORD } = await import("../fixtures/factories");
    const { frozenTender } = await import("../fixtures/award-builders");
    const { recommendAward } = await import("@/server/awards/recommend-award");
    const { decideAward } = await import("@/server/awards/decide-award");
    const t = await frozenTender();
    // Approved Tue 22 Dec 2026: standstill ends at midnight at the end of Thu 7 Jan 2027.
    const approvedAt = new Date("2026-12-22T10:00:00.000Z");
    const { awardDecisionId } = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
      new Date(approvedAt.getTime() - 3_600_000),
    );
    const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash },
      approvedAt,
    );
    writeFileSync(clockFile, String(new Date("2027-01-08T09:00:00.000Z").getTime() - Date.now()));

    const sessions = [new Client(a.url), new Client(b.url)];
    await sessions[0]!.signIn(t.commissioner.email, TEST_PASSWORD);
    await sessions[1]!.signIn(t.commissioner2.email, TEST_PASSWORD);
    const pages = await Promise.all(sessions.map((s) => s.get(`/tenders/${t.id}/award`)));
    const results = await Promise.all(sessions.map((s, i) => s.submit(pages[i]!, "Confirm the award")));

    const contracts = await db.contract.count({ where: { tenderId: t.id } });
    const confirmed = await db.auditEvent.count({ where: { tenderId: t.id, action: "award.confirmed" } });
    const winners = (await db.user.findMany({ where: { organisationId: t.organisations.a, role: "PROVIDER" } })).map((u) => u.email);
    const emails = await db.outboxMessage.count({ where: { template: "contract-awarded", to: { in: winners } } });
    const status = (await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status;
    const told = results.map((r) =>
      r.url.includes("done=awarded")
        ? "confirmed"
        : r.url.includes("done=alreadyAwarded")
          ? (text(r.html).match(/The award was already confirmed by [^.]*? at \d{1,2}(:\d\d)?(am|pm)( \(midday\)| \(midnight\))?/)?.[0] ??
            text(r.html).slice(0, 200))
          : messageOn(r) || text(r.html).slice(0, 200),
    );
    recordFigures("raceConfirmAward", {
      contracts,
      auditEvents: confirmed,
      contractAwardedEmails: emails,
      winnersToTell: winners.length,
      status,
      outcomes: told,
    });
    expect(status).toBe("AWARDED");
    expect(contracts).toBe(1);
    expect(confirmed).toBe(1);
    expect(emails).toBe(winners.length);
    expect(told.filter((o) => o === "confirmed")).toHaveLength(1);
    const winner = results.findIndex((r) => r.url.includes("done=awarded"));
    const other = results[1 - winner]!;
    expect(other.url).toContain("done=alreadyAwarded");
    const winnerName = (winner === 0 ? t.commissioner : t.commissioner2).name;
    expect(text(other.html)).toContain(`The award was already confirmed by ${winnerName} at`);
    expect(text(other.html)).toContain("Your click came a moment later, so nothing more was done");
  });
});

describe("the logs of both instances", () => {
  it("have one JSON line per request with its id, route, status, duration and the actor's id, and never a name, email, password or bid content", async () => {
    const { db } = await import("@/server/db");
    const { createUser, TEST_PASSWORD } = await import("../fixtures/factories");
    const user = await createUser("COMMISSIONER");
    const client = new Client(b.url);
    await client.signIn(user.email, TEST_PASSWORD);
    const requestId = `cluster-log-check-${Date.now()}`;
    const response = await fetch(`${b.url}/tenders?page=2`, {
      headers: { Accept: "text/html", "X-Request-Id": requestId, Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe(requestId);
    await response.text();
    let line: Record<string, unknown> | undefined;
    for (let i = 0; i < 50 && !line; i++) {
      line = logLines(b).find((l) => l.requestId === requestId && l.msg === "request");
      if (!line) await new Promise((r) => setTimeout(r, 100));
    }
    expect(line).toMatchObject({ requestId, method: "GET", route: "/tenders", status: 200, actorId: user.id });
    expect(typeof line!.durationMs).toBe("number");

    const requests = [a, b].flatMap((i) => logLines(i)).filter((l) => l.msg === "request");
    expect(requests.length).toBeGreaterThan(50);
    for (const r of requests) {
      expect(typeof r.requestId).toBe("string");
      expect(typeof r.route).toBe("string");
      expect(typeof r.status).toBe("number");
      expect(typeof r.durationMs).toBe("number");
    }
    // Everything the tests above typed in: every user's name and email, the password, bid answers and scoring reasons.
    const users = await db.user.findMany({ select: { name: true, email: true } });
    const bidAnswers = ["Nurse-led care.", "Nurse-led, trauma-informed care.", "Weekly meetings.", "Weekly joint meetings."];
    const reasons = ["They explain how young people shaped the plan.", "The plan for working with wing staff is clear."];
    const secrets = [...users.flatMap((u) => [u.name, u.email]), TEST_PASSWORD, ...bidAnswers, ...reasons];
    const output = [...a.output, ...b.output].join("\n");
    const leaked = secrets.filter((s) => output.includes(s));
    recordFigures("logs", { requestLines: requests.length, usersChecked: users.length, leaked });
    expect(leaked).toEqual([]);
  });
});
