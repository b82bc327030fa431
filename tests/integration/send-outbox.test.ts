import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { renderToStaticMarkup } from "react-dom/server";
import OutboxPage from "@/app/(portal)/admin/outbox/page";
import type { Actor } from "@/server/auth/actor";
import { sendDueEmails } from "@/server/notifications/send-outbox";
import { createInvitation } from "@/server/users/create-invitation";
import { createActor, createEstablishment } from "../fixtures/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ requireActor: async () => session.actor, getActor: async () => session.actor }));

// A minimal SMTP server: accepts mail, except for recipients at refused.example (550).
const received: string[] = [];
let server: net.Server;

beforeAll(async () => {
  server = net.createServer((socket) => {
    let data = false;
    let body = "";
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      for (const line of chunk.toString("utf8").split("\r\n")) {
        if (data) {
          if (line === ".") {
            data = false;
            received.push(body);
            // A slow mail server for messages to slow.example: the sender is still waiting when another run starts.
            const slow = body.includes("slow.example");
            body = "";
            setTimeout(() => socket.write("250 queued\r\n"), slow ? 1_500 : 0);
          } else body += `${line}\n`;
          continue;
        }
        if (!line) continue;
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO" || command === "HELO") socket.write("250 test\r\n");
        else if (command === "MAIL") socket.write("250 ok\r\n");
        else if (command === "RCPT") socket.write(line.includes("refused.example") ? "550 no such user\r\n" : "250 ok\r\n");
        else if (command === "DATA") {
          data = true;
          socket.write("354 go on\r\n");
        } else if (command === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(() => {
  server.close();
});

describe("the outbox sender", () => {
  it("sends due messages over SMTP once, and retries a refused one later with backoff until it gives up", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const ok = await db.outboxMessage.create({
      data: { to: "jay@ok.example", subject: "Your outcome letter", text: "Hello Jay, it is ready.", template: "t", nextAttemptAt: now },
    });
    const bad = await db.outboxMessage.create({
      data: { to: "x@refused.example", subject: "Hi", text: "Hi", template: "t", nextAttemptAt: now },
    });
    const later = await db.outboxMessage.create({
      data: { to: "later@ok.example", subject: "Later", text: "Later", template: "t", nextAttemptAt: new Date(now.getTime() + 60_000) },
    });

    expect(await sendDueEmails(now)).toEqual({ sent: 1, failed: 1 });
    expect(received.some((m) => m.includes("Hello Jay, it is ready."))).toBe(true);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({ status: "SENT", attempts: 1 });
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id: bad.id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.lastError).toMatch(/550/);
    // Backoff: 2^1 = 2 minutes.
    expect(failed.nextAttemptAt.toISOString()).toBe("2026-11-25T12:02:00.000Z");
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("PENDING");

    // Sending again at once sends nothing twice.
    expect(await sendDueEmails(now)).toEqual({ sent: 0, failed: 0 });

    // After 8 attempts the message is marked failed for an admin to look at.
    let at = now;
    for (let i = 0; i < 7; i++) {
      at = new Date((await db.outboxMessage.findUniqueOrThrow({ where: { id: bad.id } })).nextAttemptAt.getTime());
      await sendDueEmails(at);
    }
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ status: "FAILED", attempts: 8 });
  });

  it("never stores an invitation link in clear where admins read it; the person invited still gets it", async () => {
    const admin = await createActor("ADMIN");
    const establishment = await createEstablishment();
    const now = new Date();
    const { link } = await createInvitation(
      admin,
      { email: "new.governor@ok.example", name: "New Governor", role: "GOVERNOR", establishmentId: establishment.id },
      now,
    );
    const token = link.split("/invitations/")[1]!;
    const row = await db.outboxMessage.findFirstOrThrow({ where: { to: "new.governor@ok.example" } });
    expect(JSON.stringify(row)).not.toContain(token);
    session.actor = admin;
    expect(renderToStaticMarkup(await OutboxPage())).not.toContain(token);

    received.length = 0;
    await sendDueEmails(new Date(now.getTime() + 1000));
    expect(received.join("\n").replace(/=\n/g, "")).toContain(token);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", secret: null });
  });

  it("never sends a message twice when another run (another instance's sender) starts while the mail server is still slow to answer", async () => {
    const now = new Date();
    const message = await db.outboxMessage.create({
      data: { to: "pat@slow.example", subject: "Slow", text: "Only once, please.", template: "t", nextAttemptAt: now },
    });
    const first = sendDueEmails(now);
    await new Promise((r) => setTimeout(r, 500)); // the first run has claimed it and is waiting on the mail server
    const second = await sendDueEmails(new Date(now.getTime() + 60_000));
    expect(await first).toEqual({ sent: 1, failed: 0 });
    expect(second).toEqual({ sent: 0, failed: 0 });
    expect(received.filter((m) => m.includes("Only once, please.")).length).toBe(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });
});
