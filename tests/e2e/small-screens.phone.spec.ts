import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Every page works on a 360 px wide phone: nothing is wider than the screen,
// and axe (on the emulated phone, at its own width; tests/e2e/accessibility.spec.ts
// checks the same pages at 1280 px too) finds no serious or critical problems.
// Screenshots land in test-results/screens for people to look at.
async function fitsThePhone(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Against the screen, not window.innerWidth: a mobile browser widens its layout viewport to fit a page that is too
  // wide, so innerWidth grows with the page and hid a 519 px moderation page (issue 27).
  const screen = page.viewportSize()!.width;
  const overflow = await page.evaluate((screen) => document.documentElement.scrollWidth - screen, screen);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  expect(overflow, `${name} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
  await expectAccessible(page, name, [360]);
}

const PAGES: [string, string[]][] = [
  ["technician1@demo.test", ["/panels", "/welcome", "/time", "/time/new", "/words"]],
  ["commissioner@demo.test", ["/tenders", "/tenders/new", "/panels", "/contracts"]],
  ["commissioner@demo.test", ["/agreements", "/agreements/new", "/time"]],
  ["governor@demo.test", ["/establishment", "/contracts", "/agreements"]],
  ["provider1@demo.test", ["/opportunities"]],
  ["admin@demo.test", ["/admin/users", "/admin/outbox"]],
];

test("sign-in", async ({ page }) => {
  await page.goto("/login");
  await fitsThePhone(page, "login");
});

for (const [email, paths] of PAGES) {
  test(`pages of ${email}: ${paths.join(", ")}`, async ({ page }) => {
    await signIn(page, email);
    for (const path of paths) {
      await page.goto(path);
      await fitsThePhone(page, `${email.split("@")[0]}${path.replaceAll("/", "_")}`);
    }
  });
}

test("a tender's pages, for the commissioner and a provider", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.getByRole("link", { name: "Feltham YOI health and wellbeing services re-tender" }).click();
  await fitsThePhone(page, "commissioner_tender");
  for (const sub of ["criteria", "panel", "clarifications"]) {
    await page.goto(page.url().replace(/\/tenders\/([^/]+).*$/, `/tenders/$1/${sub}`));
    await fitsThePhone(page, `commissioner_tender_${sub}`);
  }
});
