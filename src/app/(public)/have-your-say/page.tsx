import type { Metadata } from "next";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { SafetyBox } from "@/components/shaping/safety-box";
import { requestIp } from "@/server/auth/session";
import { Invalid, TooManyRequests } from "@/server/errors";
import { openCodeForm, type CodeForm } from "@/server/shaping/answer-with-code";
import { AnswersForm } from "./answers-form";

export const metadata: Metadata = { title: "Have your say", robots: { index: false } };

/**
 * The anonymous easy-read form (issue 24). Without a code: where to type it (a plain GET form, so it works without
 * JavaScript and a card's QR code can open it with ?code=…). With a working code: the stage's questions.
 */
export default async function HaveYourSayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const typed = typeof params.code === "string" ? params.code.slice(0, 40) : undefined;
  let form: CodeForm | null = null;
  let problem: string | null = null;
  if (typed !== undefined) {
    try {
      form = await openCodeForm(typed, await requestIp());
    } catch (error) {
      if (error instanceof Invalid || error instanceof TooManyRequests) problem = error.message;
      else throw error;
    }
  }
  if (form) {
    return (
      <div className="max-w-2xl">
        <PageHeading>Have your say about health care here</PageHeading>
        <p className="mb-2 text-lg">We want to know what young people here think, so the health service can get better.</p>
        <p className="mb-2 text-lg">Do not write your name, or anyone else&apos;s.</p>
        <SafetyBox />
        <AnswersForm code={form.code} questions={form.questions} />
        <SafetyBox />
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <ErrorSummary message={problem ? "Your code did not work" : undefined} fieldErrors={problem ? { code: problem } : undefined} />
      <PageHeading>Have your say</PageHeading>
      <p className="mb-4 text-lg">
        Type the code from your card to answer a few short questions about health care here. You do not need an account.
      </p>
      <form method="get" action="/have-your-say" noValidate>
        <TextField
          name="code"
          label="Your code"
          hint="It looks like ABCD-EFGH-JK. Small letters are fine."
          defaultValue={typed}
          error={problem ?? undefined}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
        />
        <button
          type="submit"
          className="inline-block bg-green-700 px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-green-800 focus:bg-yellow-400 focus:text-slate-900 focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400"
        >
          Start
        </button>
      </form>
      <SafetyBox />
    </div>
  );
}
