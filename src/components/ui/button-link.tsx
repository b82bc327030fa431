import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A link that looks like the green start button (GOV.UK "button" link), with the same yellow focus as every other
 * control. Its green background is a utility, which beats the base layer's yellow `a:focus-visible`, so the focus
 * style is set here too (WCAG 2.4.7: "Create a tender" and "Log time" showed no focus).
 */
export function ButtonLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-block bg-green-700 px-4 py-2 text-lg font-bold text-white no-underline shadow-[0_2px_0_#002d18] hover:bg-green-800 hover:text-white focus-visible:bg-yellow-400 focus-visible:text-slate-900 focus-visible:shadow-[0_4px_0_#212b32] focus-visible:outline-none"
    >
      {children}
    </Link>
  );
}
