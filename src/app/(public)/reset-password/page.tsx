import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { RESET_VALID_MINUTES } from "@/server/account/request-password-reset";
import { RequestResetForm } from "./request-form";

export const metadata: Metadata = { title: "Forgotten your password?" };

export default async function ForgottenPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (params.sent === "1") {
    // The same words whether or not the address has an account, so nobody can use this page to find out who has one.
    return (
      <div className="max-w-xl">
        <Panel title="Check your email">If that email address has an account, we have sent it a link to choose a new password.</Panel>
        <PageHeading>What happens next</PageHeading>
        <ul className="mb-6 list-disc space-y-2 pl-6">
          <li>The link works once, for {RESET_VALID_MINUTES} minutes.</li>
          <li>It can take a few minutes to arrive. Check your junk or spam folder too.</li>
          <li>Choosing a new password signs you out everywhere, on every phone and computer.</li>
          <li>
            No email? Check you typed the address you sign in with, then ask again. After 3 emails in an hour we wait before sending more.
          </li>
        </ul>
        <p>
          <Link href="/login">Go to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <PageHeading>Forgotten your password?</PageHeading>
      <p className="mb-6">
        Type the email address you sign in with. We will email you a link to choose a new password. The link works once, for{" "}
        {RESET_VALID_MINUTES} minutes.
      </p>
      <RequestResetForm />
      <p className="mt-8">
        <Link href="/login">Back to sign in</Link>
      </p>
    </div>
  );
}
