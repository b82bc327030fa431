// Starts the outbox sender with the Node.js server: every 30 seconds it sends
// what is due. Failures are recorded on the message, never thrown.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SMTP_URL) return;
  const { sendDueEmails } = await import("./server/notifications/send-outbox");
  const tick = () => sendDueEmails().catch((error: unknown) => console.error("[outbox]", error));
  setInterval(tick, 30_000).unref();
  void tick();
}
