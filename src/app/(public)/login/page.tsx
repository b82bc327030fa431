import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { homePath } from "@/server/policy";
import { getActor } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const actor = await getActor();
  if (actor) redirect(homePath(actor.role));
  return (
    <div className="max-w-xl">
      {params.joined === "1" && (
        <Panel title="Your account is ready">
          Sign in with your email address and the password you just chose.
          {params.next === "/welcome" && " Then you can read about your role, your pay and your data before you start."}
        </Panel>
      )}
      {params.reset === "1" && (
        <Panel title="Your new password is saved">
          Sign in with it now. You were signed out everywhere else, and we have emailed you to say the password changed.
        </Panel>
      )}
      {params.signedOut === "1" && <p className="mb-4 text-lg">You have signed out.</p>}
      <PageHeading>Sign in to CoCommission</PageHeading>
      <p className="mb-6">
        CoCommission is where NHS commissioners, young commissioners and governors choose health services for children in custody together.
      </p>
      <SignInForm next={params.next} />
      <p className="mt-6 text-lg">
        <Link href="/reset-password">Forgotten your password?</Link>
      </p>
      <p className="mt-4 text-slate-700">Need an account? Ask your portal administrator for an invitation.</p>
      <p className="mt-4">
        <Link href="/open-data">Open data</Link>: what is published about every tender, award and contract, free to reuse without signing
        in.
      </p>
    </div>
  );
}
