import "server-only";
import { wallClock } from "../clock";
import { logger } from "../logger";
import { sendDueEmails } from "./send-outbox";
import { sendReturnReminders } from "../contract-checks/reminders";

const INTERVAL_MS = 30_000;

interface OutboxSender {
  stop(): Promise<void>;
}

/**
 * Runs the one sender every 30 s in this instance. Several instances may run
 * it at once: each message is claimed before it is sent (send-outbox.ts).
 * `stop` lets the message being sent finish and begins no other (the rest
 * stay due for the next run, here or on another instance).
 */
export function startOutboxSender(intervalMs = Number(process.env.OUTBOX_INTERVAL_MS) || INTERVAL_MS): OutboxSender {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    // Reminders of returns due soon are queued first, then sent with the rest of the outbox.
    running = sendReturnReminders(wallClock())
      .catch((error: unknown) => logger.error({ err: error }, "return reminders failed"))
      .then(() => sendDueEmails(wallClock(), 20, () => stopped))
      .then((r) => {
        if (r.sent || r.failed) logger.info({ sent: r.sent, failed: r.failed }, "outbox run");
      })
      .catch((error: unknown) => logger.error({ err: error }, "outbox run failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  const sender: OutboxSender = {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
  (globalThis as { cocommissionOutbox?: OutboxSender }).cocommissionOutbox = sender;
  return sender;
}
