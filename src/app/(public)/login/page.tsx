import type { Metadata } from "next";
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
      {params.signedOut === "1" && <p className="mb-4 text-lg">You have signed out.</p>}
      <PageHeading>Sign in to CoCommission</PageHeading>
      <p className="mb-6">
        CoCommission is where NHS commissioners, young commissioners and governors choose health services for children in custody together.
      </p>
      <SignInForm next={params.next} />
      <p className="mt-8 text-slate-700">
        Forgotten your password or need an account? Ask your portal administrator for a new invitation link.
      </p>
    </div>
  );
}
