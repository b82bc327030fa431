import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { checkInvitation } from "@/server/users/accept-invitation";
import { AcceptInvitationForm } from "./accept-form";

// The site-wide Referrer-Policy (same-origin) already keeps the token from other sites. "no-referrer"
// here would make browsers send `Origin: null` with the form, which Next.js rejects when JavaScript is off.
export const metadata: Metadata = { title: "Accept your invitation" };

const PROBLEMS = {
  used: { title: "This invitation has already been used", body: "Your account is set up. Sign in with your email address and password." },
  expired: {
    title: "This invitation has expired",
    body: "Invitation links work for 7 days. Ask the person who invited you to send a new one.",
  },
  revoked: {
    title: "This invitation has been replaced",
    body: "A newer invitation was sent to you. Use the link in the most recent email.",
  },
  unknown: {
    title: "This invitation link is not valid",
    body: "Check you copied the whole link from the email. If it still does not work, ask for a new invitation.",
  },
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkInvitation(token);
  if (state.kind !== "valid") {
    const problem = PROBLEMS[state.kind];
    return (
      <div className="max-w-xl">
        <PageHeading>{problem.title}</PageHeading>
        <p className="mb-4">{problem.body}</p>
        <p>
          <Link href="/login">Go to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <PageHeading caption={state.email}>Set up your account</PageHeading>
      <p className="mb-6">This link works once and until {formatLondon(state.expiresAt, "dateTime")}.</p>
      <AcceptInvitationForm token={token} name={state.name} email={state.email} />
    </div>
  );
}
