import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatLondon } from "@/domain/london-time";
import { formatPence } from "@/domain/money";
import { ownData } from "@/server/account/own-data";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { formatDuration } from "@/server/technicians/time-labels";
import { RequestClosureForm } from "./closure-form";

export const metadata: Metadata = { title: "Your data" };

const when = (date: Date | null) => (date ? formatLondon(date, "dateTime") : "—");

function Section({ title, empty, children }: { title: string; empty: string | false; children: ReactNode }) {
  return (
    <section className="mt-8 break-inside-avoid-page">
      <h2 className="mb-3 text-2xl font-bold">{title}</h2>
      {empty ? <p>{empty}</p> : children}
    </section>
  );
}

export default async function OwnDataPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor("account");
  const params = await searchParams;
  const data = await readable(ownData(actor));
  return (
    <div className="max-w-3xl">
      {params.asked === "1" && (
        <Panel title="You asked for your account to be closed">
          We have told the people who can close it. You can still sign in until it is closed.
        </Panel>
      )}
      <PageHeading caption="My account">Your data</PageHeading>
      <p className="mb-4">
        This is everything CoCommission keeps about you. You have a right to see it and to take a copy. Times are UK time.
      </p>
      <ul className="mb-6 list-disc space-y-2 pl-6 print:hidden">
        <li>
          <a href="/api/account/data.json" download>
            Download your data (JSON file, for computers)
          </a>
        </li>
        <li>To keep a copy you can read, print this page or save it as a PDF from your browser&apos;s Print menu.</li>
      </ul>

      <Section title="About you" empty={false}>
        <SummaryList
          rows={[
            ["Name", data.profile.name],
            ["Email address", data.profile.email],
            ["Role", data.profile.role],
            ["Phone", data.profile.phone ?? "Not kept"],
            ["Under 18", data.profile.under18 === null ? "Not kept" : data.profile.under18 ? "Yes" : "No"],
            ["Account made", when(data.profile.accountCreatedAt)],
            ["Last signed in", when(data.profile.lastSignInAt)],
          ]}
        />
      </Section>

      <Section title="What you agreed to" empty={data.consents.length === 0 && "You have not agreed to the welcome text yet."}>
        <ul className="space-y-2">
          {data.consents.map((c, i) => (
            <li key={i}>
              Version {c.textVersion}: agreed {when(c.agreedAt)}
              {c.withdrawnAt && `, withdrawn ${when(c.withdrawnAt)}`}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Your panels" empty={data.panels.length === 0 && "You have not been invited to a panel yet."}>
        <ul className="space-y-3">
          {data.panels.map((p, i) => (
            <li key={i} className="border-b border-slate-300 pb-2">
              <p className="font-bold">{p.tender}</p>
              <p>
                {p.seat}
                {p.shownToOthersAs && ` · shown to others as ${p.shownToOthersAs}`}
              </p>
              <p>Invited {when(p.invitedAt)}</p>
              {p.steppedBackAt && <p>Stepped back {when(p.steppedBackAt)}</p>}
              {p.scoresSubmittedAt && <p>Marks sent {when(p.scoresSubmittedAt)}</p>}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Your paid time" empty={data.paidTime.length === 0 && "You have not logged any paid time."}>
        <ul className="space-y-3">
          {data.paidTime.map((t, i) => (
            <li key={i} className="border-b border-slate-300 pb-2">
              <p className="font-bold">
                {t.workedOn}: {formatDuration(t.minutes)}, {t.activity}
              </p>
              <p>{t.tender}</p>
              <p>
                {t.status}
                {t.amountPence !== null && ` · ${formatPence(t.amountPence)}`}
                {t.paidAt && ` · paid ${when(t.paidAt)}`}
              </p>
              {t.note && <p className="break-words">Your note: {t.note}</p>}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Your marks" empty={data.marks.length === 0 && "You have not marked any bids."}>
        <p className="mb-3">Bids are shown by letter (Bid A, Bid B), as the panel sees them when bidders are hidden.</p>
        <ul className="space-y-3">
          {data.marks.map((m, i) => (
            <li key={i} className="border-b border-slate-300 pb-2">
              <p className="font-bold">
                {m.bid}, {m.criterion}: {m.mark ?? "no mark yet"} out of 5 ({m.status})
              </p>
              <p className="text-slate-700">{m.tender}</p>
              <p className="break-words">Your reason: {m.reason}</p>
              {m.revisions.map((r, j) => (
                <p key={j}>
                  Changed from {r.from} to {r.to} on {when(r.at)}: {r.why}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </Section>

      <section className="mt-12 print:hidden">
        <h2 className="mb-3 text-2xl font-bold">Closing your account</h2>
        {data.profile.closureRequestedAt ? (
          <p>
            You asked for your account to be closed on {when(data.profile.closureRequestedAt)}. An administrator or a commissioner from your
            panel will close it once any paid time you are owed has been paid.
          </p>
        ) : (
          <>
            <p className="mb-3">You can ask for your account to be closed at any time. You do not have to give a reason.</p>
            <h3 className="mb-2 text-xl font-bold">What we remove</h3>
            <ul className="mb-4 list-disc space-y-1 pl-6">
              <li>Your name, email address, phone number and whether you are under 18</li>
              <li>Your password, and every place you are signed in</li>
              <li>Your notices and the emails waiting to be sent to you</li>
            </ul>
            <h3 className="mb-2 text-xl font-bold">What we keep, and why</h3>
            <ul className="mb-4 list-disc space-y-1 pl-6">
              <li>
                Your marks and reasons, shown only as &quot;Young commissioner&quot; and a letter: the tender&apos;s results depend on them
              </li>
              <li>Your paid time and what you were paid: the law says payments must be kept for audit</li>
              <li>
                What you agreed to and when, and the audit trail of what was done on the portal (it keeps the email address you were invited
                with)
              </li>
            </ul>
            <p className="mb-4">
              An administrator or a commissioner from your panel closes the account, once any time you logged has been checked and paid.
            </p>
            <RequestClosureForm />
          </>
        )}
      </section>
    </div>
  );
}
