import { writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? "e2e demo password 2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The GOV.UK error summary at the top of a form. */
export function errorSummary(page: Page) {
  return page.getByRole("alert", { name: "There is a problem" });
}

/** Moves the portal's clock (src/server/clock.ts) forward by `ms` from real time; 0 puts it back. */
export function setClockOffset(ms: number) {
  const file = process.env.COCOMMISSION_TEST_CLOCK_FILE;
  if (!file) throw new Error("COCOMMISSION_TEST_CLOCK_FILE is not set: run the e2e tests with npm run test:e2e");
  writeFileSync(file, String(ms));
}

/** A full-page screenshot in test-results/screens/, for people to look at what users see. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/**
 * axe-core on the page as it is, at a desktop width (1280 px) and a phone
 * width (360 px) unless told otherwise: no serious or critical WCAG 2.2 A/AA
 * violations at either. The viewport is put back afterwards.
 *
 * Legacy mode runs axe.run in the page itself (our pages have no frames); the
 * default mode opens and closes a second tab for every run, which is slow on a
 * loaded machine. Only violations are collected in full.
 */
export async function expectAccessible(page: Page, what: string, widths: readonly number[] = [1280, 360]) {
  // axe's document-title rule needs the <title>, which can be streamed in just after the content.
  await expect(page).toHaveTitle(/\S/);
  const original = page.viewportSize();
  for (const width of widths) {
    if (original?.width !== width) await page.setViewportSize({ width, height: original?.height ?? 800 });
    const results = await new AxeBuilder({ page })
      .options({ resultTypes: ["violations"] })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .setLegacyMode()
      .analyze();
    expect(results.passes.length).toBeGreaterThan(10);
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${what} at ${width} px: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  }
  if (original && page.viewportSize()?.width !== original.width) await page.setViewportSize(original);
}

/** Headings go down one level at a time (h1, then h2, never h1 straight to h3). */
export async function expectHeadingOrder(page: Page, what: string) {
  const levels = await page
    .locator("main h1, main h2, main h3, main h4, main h5, main h6")
    .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels[0], `${what} starts with its h1`).toBe(1);
  const jumps = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
  expect(jumps, `${what} skips heading levels`).toEqual([]);
}

/** Screenshots for people to look at (as it is, and at 360 px as `<name>-360`), and axe over the same page. */
export async function review(page: Page, name: string) {
  await snap(page, name);
  const original = page.viewportSize();
  if (original && original.width > 360) {
    await page.setViewportSize({ width: 360, height: original.height });
    await snap(page, `${name}-360`);
    await page.setViewportSize(original);
  }
  await expectAccessible(page, name);
}

/**
 * Collects what the browser refused under the Content-Security-Policy (and
 * uncaught page errors) from now on; call the returned function to read them.
 */
export function watchCspViolations(page: Page): () => string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: page error ${error.message}`));
  return () => problems;
}
