import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

// The governor's home and the contracts register (issue 27). Read-only.
const SIGN_OFF = "Feltham sexual health and blood-borne virus service";
const AWARDED = "Feltham physiotherapy and physical activity service";

test("the governor's home: each sign-off once, no link back to itself, a tender opens its recommendation", async ({ page }) => {
  await signIn(page, "governor@demo.test");
  await expect(page).toHaveURL(/\/establishment$/);
  const waiting = await page
    .getByTestId("pending-signoffs")
    .getByRole("link")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(waiting.length).toBeGreaterThan(0);
  const notices = page.getByTestId("notifications");
  const noticeLinks = (await notices.count())
    ? await notices.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")))
    : [];
  expect(
    noticeLinks.filter((h) => waiting.includes(h)),
    "a sign-off listed twice",
  ).toEqual([]);
  await expect(page.getByRole("main").locator('a[href="/establishment"]'), "a link back to this page").toHaveCount(0);
  const tenders = page.getByRole("region", { name: "Tenders for your establishment" });
  await expect(tenders.getByRole("link", { name: SIGN_OFF, exact: true })).toHaveAttribute("href", /^\/establishment\/sign-offs\//);
  await expect(tenders.getByRole("link", { name: /^Audit trail/ }).first()).toBeVisible();
  await snap(page, "governor-home");
});

test("the contracts register: a contract that starts next month has not started, and every bar names its provider", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/contracts");
  const row = page.getByTestId("contracts").getByRole("listitem").filter({ hasText: AWARDED });
  await expect(row.first()).toContainText("Not started yet");
  await expect(row.first()).not.toContainText(/\bActive\b/);
  const timeline = page.getByRole("img", { name: /Contract periods by establishment/ });
  await expect(timeline).toBeVisible();
  const labels = await timeline.locator("[data-contract] text").allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(label, "a bar without its provider").toMatch(/: \S/);
  await snap(page, "contracts-register");
});

test("the provider letter's way back names the page it leads to", async ({ page }) => {
  await signIn(page, "provider1@demo.test");
  await page.goto("/opportunities");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open tenders");
  await page.getByRole("region", { name: "Your outcome letters" }).getByRole("link").first().click();
  await expect(page.getByRole("link", { name: "Back to open tenders" })).toBeVisible();
});
