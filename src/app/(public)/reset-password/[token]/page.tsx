import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { checkResetLink } from "@/server/account/reset-password";
import { ResetPasswordForm } from "./reset-form";

// The site-wide Referrer-Policy (same-origin) keeps the token from other sites (see invitations/[token]/page.tsx).
export const metadata: Metadata = { title: "Choose a new password" };

const PROBLEMS = {
  used: { title: "This link has already been used", body: "Sign in with your new password. If you cannot, ask for a new link." },
  expired: { title: "This link has expired", body: "Links to choose a new password work for 30 minutes. Ask for a new one." },
  unknown: {
    title: "This link is not valid",
    body: "Check you copied the whole link from the most recent email: asking again makes earlier links stop working.",
  },
} as const;

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkResetLink(token);
  if (state.kind !== "valid") {
    const problem = PROBLEMS[state.kind];
    return (
      <div className="max-w-xl">
        <PageHeading>{problem.title}</PageHeading>
        <p className="mb-4">{problem.body}</p>
        <p className="flex flex-wrap gap-x-6">
          <Link href="/reset-password">Ask for a new link</Link>
          <Link href="/login">Go to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <PageHeading caption={state.email}>Choose a new password</PageHeading>
      <p className="mb-6">
        This link works once and until {formatLondon(state.expiresAt, "dateTime")}. Saving a new password signs you out on every phone and
        computer.
      </p>
      <ResetPasswordForm token={token} email={state.email} />
    </div>
  );
}
