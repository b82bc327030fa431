import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a small screen. Keyboard users can
 * reach and scroll it (tabIndex 0), and screen readers hear what it is (a
 * labelled region): WCAG 2.1.1, axe "scrollable-region-focusable".
 * Positioned, so screen-reader-only text inside (position: absolute) stays in
 * the region instead of widening the page (a 519 px wide moderation page at 360 px).
 */
export function ScrollRegion({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative overflow-x-auto focus:outline-4 focus:outline-offset-2 focus:outline-yellow-400 ${className}`}
    >
      {children}
    </div>
  );
}
