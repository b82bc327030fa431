import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { RadioGroup, TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatLondon } from "@/domain/london-time";
import { requireActor } from "@/server/auth/session";
import { getMyConsent, MAX_CHOSEN_NAME_LENGTH } from "@/server/technicians/consent";
import { consentText } from "@/server/technicians/consent-text";
import { giveConsentAction } from "./actions";
import { ConsentSections } from "./consent-sections";
import { WithdrawForm } from "./withdraw-form";

export const metadata: Metadata = { title: "About your role and your data" };

const UNDER_18 = { yes: "Yes", no: "No" } as const;

export default async function WelcomePage({ searchParams }: { searchParams: Promise<{ withdrawn?: string }> }) {
  const { withdrawn } = await searchParams;
  const actor = await requireActor("welcome");
  const { current, outdated, details, openPanels } = await getMyConsent(actor);
  const text = consentText();

  if (current) {
    return (
      <>
        <PageHeading>About your role and your data</PageHeading>
        <p className="mb-6 max-w-2xl border-l-4 border-green-700 bg-green-50 p-3 text-lg font-bold">
          You agreed on {formatLondon(current.acceptedAt, "date")}. This is what you agreed to.
        </p>
        <ConsentSections text={text} />
        <section aria-labelledby="details" className="mb-10 max-w-2xl">
          <h2 id="details" className="mb-2 text-2xl font-bold">
            What you told us
          </h2>
          <SummaryList
            rows={[
              ["Name", details.name],
              ["Phone number", details.phone ?? "Not given"],
              ["Under 18", details.under18 === null ? "Not given" : UNDER_18[details.under18 ? "yes" : "no"]],
            ]}
          />
          <p className="mt-2">To change any of this, talk to the person in &ldquo;Who to talk to&rdquo; above.</p>
        </section>
        <WithdrawForm openPanels={openPanels} />
      </>
    );
  }

  return (
    <>
      {withdrawn === "1" && (
        <p role="status" className="mb-6 max-w-2xl border-l-4 border-slate-500 bg-white p-3 text-lg">
          You have withdrawn your consent and stepped back from your panels. That is fine. If you change your mind, you can agree again
          below.
        </p>
      )}
      {withdrawn === "1" && (
        <p className="mb-6">
          <Link href="/time">See your paid time</Link>: what you are owed and what has been paid. You can look at it whenever you like.{" "}
          <Link href="/account/data">See and download your data</Link>, or ask for your account to be closed.
        </p>
      )}
      <PageHeading caption={`Hello, ${details.name}`}>Welcome to CoCommission</PageHeading>
      <p className="mb-6 max-w-2xl text-lg">
        Please read this before you start. It tells you what you will do, how you are paid, what we keep about you, and that you can stop at
        any time. If a word is new to you, look it up in <Link href="/words">Words we use</Link>.
      </p>
      {outdated && (
        <p className="mb-6 max-w-2xl border-l-4 border-amber-600 bg-amber-50 p-3 text-lg">
          We have changed this page since you agreed on {formatLondon(outdated.acceptedAt, "date")}. Please read it again and say if you
          still want to take part.
        </p>
      )}
      <ConsentSections text={text} />
      <section aria-labelledby="start" className="mb-10 max-w-2xl">
        <h2 id="start" className="mb-2 text-2xl font-bold">
          Your details
        </h2>
        <p className="mb-4 text-lg">We only need a name. Everything else is up to you.</p>
        <ActionForm action={giveConsentAction}>
          <input type="hidden" name="textVersion" value={text.version} />
          <TextField
            name="chosenName"
            label="Your first name, or a name you choose"
            hint={`The commissioners running your panel will see this name. Up to ${MAX_CHOSEN_NAME_LENGTH} characters.`}
            autoComplete="given-name"
            spellCheck={false}
            defaultValue={details.name}
          />
          <TextField
            name="phone"
            label="Phone number (optional)"
            hint="Only if you would like us to call or text you."
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            defaultValue={details.phone ?? ""}
          />
          <RadioGroup
            name="under18"
            legend="Are you under 18? (optional)"
            hint="We only ask so we can keep you safe. We never ask for your date of birth."
            // Optional and sensitive: it arrives with nothing chosen, whatever was recorded before (issue 27).
            options={[
              { value: "yes", label: "Yes, I am under 18" },
              { value: "no", label: "No, I am 18 or over" },
              { value: "", label: "I would rather not say" },
            ]}
          />
          <Checkbox name="confirm" label="I understand and want to take part" hint="You can change your mind at any time." />
          <SubmitButton>Start</SubmitButton>
        </ActionForm>
      </section>
      {outdated && <WithdrawForm openPanels={openPanels} />}
    </>
  );
}
