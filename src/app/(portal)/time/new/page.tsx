import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { listMyTimeTenders } from "@/server/technicians/queries";
import { logTimeAction } from "../actions";
import { TimeEntryFields } from "../time-entry-fields";

export const metadata: Metadata = { title: "Log time" };

export default async function LogTimePage() {
  const actor = await requireActor("time");
  if (!can(actor, "time.log")) forbidden();
  const tenders = await listMyTimeTenders(actor);
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link href="/time">Back to your paid time</Link>
      </p>
      <PageHeading>Log time</PageHeading>
      {tenders.length === 0 ? (
        <p className="text-lg">
          You are not on any panels yet, so there is no time to log. When you join a panel, you can come back here.{" "}
          <Link href="/panels">See your panels</Link>
        </p>
      ) : (
        <>
          <p className="mb-6 text-lg">
            Tell us about one time you worked on a panel. A commissioner will check it, and then you will be paid.
          </p>
          <ActionForm action={logTimeAction}>
            <TimeEntryFields tenders={tenders} now={now()} />
            <SubmitButton>Send for checking</SubmitButton>
          </ActionForm>
        </>
      )}
    </div>
  );
}
