import Bowser from "bowser";

/** Longest label kept (the column's check constraint allows 100). */
const MAX = 100;

/**
 * "Chrome on Android phone", "Safari on iOS tablet", "Firefox on Windows": what a person would recognise in
 * "where you are signed in", made from the User-Agent at sign-in by bowser (a maintained parser). The raw header is
 * never stored. Null when there is nothing to recognise.
 */
export function deviceLabel(userAgent: string | null | undefined): string | null {
  if (typeof userAgent !== "string" || userAgent.trim() === "") return null;
  let browser = "";
  let os = "";
  let kind = "";
  try {
    const parsed = Bowser.getParser(userAgent.slice(0, 1000)).getResult();
    browser = parsed.browser.name ?? "";
    os = parsed.os.name ?? "";
    kind = parsed.platform.type === "mobile" ? "phone" : parsed.platform.type === "tablet" ? "tablet" : "";
  } catch {
    return null;
  }
  if (!browser && !os) return null;
  const where = [os, kind].filter(Boolean).join(" ");
  const label = browser && where ? `${browser} on ${where}` : browser || where;
  return label.slice(0, MAX);
}
