import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ROLE_LABELS } from "@/domain/roles";
import { PageHeading } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { requireActor } from "@/server/auth/session";
import { Pager } from "@/components/ui/pager";
import { paging } from "@/domain/paging";
import { countUsers, invitationOptions, listInvitations, listUsers } from "@/server/users/queries";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Users" };

function invitationStatus(i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date) {
  if (i.acceptedAt) return "Accepted";
  if (i.revokedAt) return "Replaced";
  if (i.expiresAt <= now) return "Expired";
  return `Open until ${formatLondon(i.expiresAt, "date")}`;
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor("admin");
  const page = paging(await searchParams, 50);
  const [users, total, invitations, options] = await Promise.all([
    listUsers(actor, page),
    countUsers(actor),
    listInvitations(actor),
    invitationOptions(actor),
  ]);
  const now = new Date();
  return (
    <>
      <PageHeading caption="Administration">Users</PageHeading>
      <section aria-labelledby="people" className="mb-10">
        <h2 id="people" className="mb-2 text-2xl font-bold">
          People with accounts ({total})
        </h2>
        <ScrollRegion label="People with accounts (scrolls sideways)">
          <table className="w-full border-collapse text-left">
            <TableHead columns={["Name", "Email", "Role", "Organisation or establishment"]} />
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b border-slate-300 align-top">
                  <td className="py-2 pr-4">{u.name}</td>
                  <td className="whitespace-nowrap py-2 pr-4">{u.email}</td>
                  <td className="py-2 pr-4">{ROLE_LABELS[u.role]}</td>
                  <td className="py-2 pr-4">{u.organisation?.name ?? u.establishments.map((e) => e.establishment.name).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {total > page.size && <Pager path="/admin/users" paging={page} total={total} noun="people" />}
      </section>
      <section aria-labelledby="invite" className="mb-10 max-w-2xl">
        <h2 id="invite" className="mb-4 text-2xl font-bold">
          Invite someone
        </h2>
        <InviteForm organisations={options.organisations} establishments={options.establishments} />
      </section>
      <section aria-labelledby="invitations">
        <h2 id="invitations" className="mb-2 text-2xl font-bold">
          Recent invitations
        </h2>
        {invitations.length === 0 ? (
          <p>No invitations yet.</p>
        ) : (
          <ul className="divide-y divide-slate-300 border-y border-slate-300">
            {invitations.map((i) => (
              <li key={i.id} className="py-2">
                <strong>{i.name}</strong> ({i.email}), {i.role.toLowerCase()}: {invitationStatus(i, now)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
