import { expect, test, type Locator, type Page } from "@playwright/test";
import { errorSummary, signIn } from "./helpers";

// Keyboard and voice users (issue 27): every control shows where focus is,
// labelled regions have roles, navigation says where you are, accessible
// names start with the visible text, error summaries take focus and follow the
// form's order, and repeated landmarks are named apart. Read-only.
const EVALUATION = "Feltham neurodevelopmental assessment and support service";

/** How a control looks unfocused and focused by keyboard: focus must change its outline or its background. */
async function expectVisibleFocus(page: Page, control: Locator, what: string) {
  const look = () =>
    control.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, outline: s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
  const before = await look();
  // Keyboard modality first, so :focus-visible applies as it does for a Tab.
  await page.keyboard.press("Shift+Tab");
  await control.focus();
  await expect(control).toBeFocused();
  const after = await look();
  const shown = after.outline >= 2 || after.background !== before.background || after.shadow !== before.shadow;
  expect(shown, `${what}: no visible focus (${JSON.stringify(before)} → ${JSON.stringify(after)})`).toBe(true);
}

/** Every link and button in main whose accessible name differs from its text must start with that text (WCAG 2.5.3). */
async function expectNamesStartWithVisibleText(page: Page, what: string) {
  const mismatches = await page
    .getByRole("main")
    .locator("a[aria-label], button[aria-label]")
    .evaluateAll((els) =>
      els
        .map((el) => ({
          visible: ((el as HTMLElement).innerText ?? "").replace(/\s+/g, " ").trim().toLowerCase(),
          name: (el.getAttribute("aria-label") ?? "").replace(/\s+/g, " ").trim().toLowerCase(),
        }))
        .filter((c) => c.visible && !c.name.startsWith(c.visible))
        .map((c) => `"${c.visible}" is named "${c.name}"`),
    );
  expect(mismatches, what).toEqual([]);
}

test("the green links that look like buttons show focus", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await expectVisibleFocus(page, page.getByRole("link", { name: "Create a tender" }), "Create a tender");
  await page.goto("/agreements/new");
  await expectVisibleFocus(page, page.getByRole("button", { name: "Continue" }), "Continue");
});

test("Log time shows focus", async ({ page }) => {
  await signIn(page, "technician1@demo.test");
  await page.goto("/time");
  await expectVisibleFocus(page, page.getByRole("link", { name: "Log time" }).last(), "Log time");
});

test("what the provider wrote is a labelled region with a visible focus", async ({ page }) => {
  await signIn(page, "technician1@demo.test");
  await page.goto("/panels");
  await page.getByRole("link", { name: EVALUATION }).click();
  await page
    .getByRole("link", { name: /^Score bid \d$/ })
    .first()
    .click();
  const answer = page.getByRole("region", { name: /^Answer to / }).first();
  await expect(answer).toBeVisible();
  await expectVisibleFocus(page, answer, "an answer box");
});

test("navigation marks the page you are on", async ({ page }) => {
  await signIn(page, "technician1@demo.test");
  await page.goto("/time");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Paid time" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  await page.goto("/panels");
  await expect(nav.getByRole("link", { name: "My panels" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Paid time" })).not.toHaveAttribute("aria-current", "page");
});

// The reorder buttons ("Move up: Value", named "Move Value up" before) are pressed by name in commissioner-tender.spec.ts.
test("accessible names start with the visible text: the chair's absence buttons, paid time", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/panels");
  await page.getByRole("link", { name: EVALUATION }).click();
  await expectNamesStartWithVisibleText(page, "the chair's panel page");
  await page.goto("/time");
  await expectNamesStartWithVisibleText(page, "paid time");
});

test("error summaries take focus and list errors in the form's order", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/agreements/new");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(errorSummary(page)).toBeFocused();
});

test("the invitation form's error summary follows the form's order", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(errorSummary(page)).toBeFocused();
  const order = await errorSummary(page)
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => document.querySelector((a as HTMLAnchorElement).hash)?.getAttribute("name") ?? "?"));
  expect(order).toEqual(["name", "email", "role"]);
});

test("the audit trail's two page links are named apart", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/admin/audit?size=10");
  const pagers = page.getByRole("navigation", { name: /^Pages of events/ });
  await expect(pagers).toHaveCount(2);
  const names = await pagers.evaluateAll((navs) => navs.map((n) => n.getAttribute("aria-label")));
  expect(new Set(names).size).toBe(2);
});
