import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/page-heading";
import { SafetyBox } from "@/components/shaping/safety-box";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

/** After sending: nothing the young person wrote is on this page, so the next person on a shared device sees none of it. */
export default function ThanksPage() {
  return (
    <div className="max-w-2xl">
      <Panel title="Thank you">Your answers have been sent.</Panel>
      <h2 className="mb-2 text-2xl font-bold">What happens next</h2>
      <ul className="mb-6 list-disc space-y-2 pl-6 text-lg">
        <li>A member of staff reads the answers first. Then the people planning the health service read them.</li>
        <li>Nobody can tell which answers are yours.</li>
        <li>Your code has been used. Your answers are not on this screen, so you can give the phone or computer back.</li>
      </ul>
      <SafetyBox />
      <p className="text-lg">
        <Link href="/have-your-say">Answer with another card</Link>
      </p>
    </div>
  );
}
