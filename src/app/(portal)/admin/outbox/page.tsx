import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { requireActor } from "@/server/auth/session";
import { Pager } from "@/components/ui/pager";
import { paging } from "@/domain/paging";
import { countOutbox, listOutbox } from "@/server/notifications/queries";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams?: Promise<Record<string, string | undefined>> } = {}) {
  const actor = await requireActor("outbox");
  const page = paging((await searchParams) ?? {}, 50);
  const [messages, total] = await Promise.all([listOutbox(actor, page), countOutbox(actor)]);
  return (
    <>
      <PageHeading caption="Administration">Outbox</PageHeading>
      <p className="mb-6 max-w-2xl">
        Every email the portal sends is listed here. Without an SMTP server configured (SMTP_URL), emails stay here instead of being sent,
        so this page is the mailbox of the demo.
      </p>
      <p className="mb-6 max-w-2xl">
        Emails about sealed bids (receipts to bidders, and a cancellation sent to them) are listed here only once the commissioner has
        opened the bids: until then even a row would tell that a bid exists, and when it came.
      </p>
      {messages.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <ul className="space-y-4">
          {messages.map((m) => (
            <li key={m.id} className="border border-slate-300 bg-white p-4">
              <p className="text-sm text-slate-600">
                {formatLondon(m.createdAt, "dateTime")} · {m.status.toLowerCase()} · {m.template}
              </p>
              <h2 className="text-lg font-bold">{m.subject}</h2>
              <p className="text-slate-700">To: {m.to}</p>
              <details className="mt-2">
                <summary className="cursor-pointer text-nhs-blue underline">Read the email</summary>
                <pre className="mt-2 whitespace-pre-wrap break-words font-sans">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {total > page.size && <Pager path="/admin/outbox" paging={page} total={total} noun="emails" />}
    </>
  );
}
