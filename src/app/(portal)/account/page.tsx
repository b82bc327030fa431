import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatLondon } from "@/domain/london-time";
import { ROLE_LABELS } from "@/domain/roles";
import { NAME_MAX_LENGTH } from "@/server/account/change-name";
import { listMySessions } from "@/server/account/sessions";
import { currentSessionId, requireActor } from "@/server/auth/session";
import { can, canUseSection } from "@/server/policy";
import { ChangeNameForm, ChangePasswordForm, EndOtherSessionsForm, EndSessionForm } from "./forms";

export const metadata: Metadata = { title: "My account" };

const DONE: Record<string, string> = {
  name: "Your name is saved.",
  password: "Your password is changed. You are still signed in here; every other device was signed out.",
  session: "That device is signed out.",
  sessions: "Every other device is signed out.",
};

const UNKNOWN_DEVICE = "A browser we could not recognise";

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor("account");
  const [params, sid] = [await searchParams, await currentSessionId()];
  const sessions = await listMySessions(actor, sid);
  const others = sessions.filter((s) => !s.current);
  const done = params.done ? DONE[params.done] : undefined;
  return (
    <div className="max-w-3xl">
      {done && <Panel title="Done">{done}</Panel>}
      <PageHeading caption={actor.email}>My account</PageHeading>

      <h2 className="mb-3 text-2xl font-bold">Your details</h2>
      <SummaryList
        rows={[
          ["Name", actor.name],
          ["Email address", actor.email],
          ["Role", ROLE_LABELS[actor.role]],
        ]}
      />
      <p className="my-4 text-slate-700">To change your email address or role, ask your portal administrator.</p>
      <ChangeNameForm name={actor.name} maxLength={NAME_MAX_LENGTH} />

      <h2 className="mt-10 mb-3 text-2xl font-bold">Change your password</h2>
      <p className="mb-4">Changing it signs you out on every other phone and computer. We will email you to say it changed.</p>
      <ChangePasswordForm email={actor.email} />

      <h2 className="mt-10 mb-3 text-2xl font-bold">Where you are signed in</h2>
      <p className="mb-4">If you see a device you do not know, sign it out and change your password. Times are UK time.</p>
      <ul className="mb-6 border-t border-slate-300" aria-label="Devices signed in">
        {sessions.map((s) => (
          <li key={s.id} className="border-b border-slate-300 py-3">
            <p className="font-bold">
              {s.device ?? UNKNOWN_DEVICE}
              {s.current && <span className="ml-2 bg-green-700 px-2 py-0.5 text-sm text-white">This device</span>}
            </p>
            <p>Signed in {formatLondon(s.createdAt, "dateTime")}</p>
            <p className="mb-2">Last used {s.current ? "now" : formatLondon(s.lastUsedAt, "dateTime")}</p>
            {!s.current && <EndSessionForm sessionId={s.id} device={s.device ?? UNKNOWN_DEVICE} />}
          </li>
        ))}
      </ul>
      {others.length > 0 ? <EndOtherSessionsForm /> : <p>You are not signed in anywhere else.</p>}

      {(can(actor, "account.ownData") || canUseSection(actor, "closures")) && (
        <>
          <h2 className="mt-10 mb-3 text-2xl font-bold">Your data</h2>
          <ul className="list-disc space-y-2 pl-6">
            {can(actor, "account.ownData") && (
              <li>
                <Link href="/account/data">See and download what we keep about you, or ask for your account to be closed</Link>
              </li>
            )}
            {canUseSection(actor, "closures") && (
              <li>
                <Link href="/account/closures">Young commissioners who asked for their account to be closed</Link>
              </li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}
