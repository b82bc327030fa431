import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, snap } from "./helpers";

test.describe.configure({ timeout: 180_000 });

/** Signs in, allowing for a cold server on a busy machine (the first sign-in compiles and hashes). */
async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

const FELTHAM = "Feltham YOI health and wellbeing services re-tender";

async function felthamAuditPathAsCommissioner(page: Page): Promise<string> {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/tenders");
  await page.getByRole("link", { name: FELTHAM }).click();
  await page.getByRole("link", { name: "Audit trail: who did what, when" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Audit trail: ${FELTHAM}`);
  return new URL(page.url()).pathname;
}

test("a commissioner reads, filters, verifies and downloads a tender's audit trail", async ({ page }) => {
  const path = await felthamAuditPathAsCommissioner(page);
  await expect(page.getByRole("list", { name: "Events, oldest first" }).getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page, "tender audit trail");
  await snap(page, "audit-trail-commissioner");

  await page.getByRole("button", { name: "Verify the audit trail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The audit trail is intact" })).toBeVisible();
  await expectAccessible(page, "tender audit trail, verified");

  // Issue 26: the checkpoint to keep, checked again: the history up to it is unchanged; a mistyped one is refused beside its field.
  const keep = (await page
    .locator("code")
    .filter({ hasText: /^\d+:[0-9a-f]{64}$/ })
    .textContent())!;
  await page.getByLabel("Checkpoint to check (optional)").fill(keep);
  await page.getByRole("button", { name: "Verify the audit trail" }).click();
  await expect(page.getByRole("status")).toContainText("The history up to your checkpoint is the one it describes.");
  await page.getByLabel("Checkpoint to check (optional)").fill("1234:not-a-hash");
  await page.getByRole("button", { name: "Verify the audit trail" }).click();
  await expect(page.getByText("Enter a checkpoint as an event number, a colon and its 64-character hash")).toBeVisible();
  await expect(page.getByLabel("Checkpoint to check (optional)")).toHaveValue("1234:not-a-hash");
  await expectAccessible(page, "tender audit trail, checkpoint refused");
  await page.getByLabel("Checkpoint to check (optional)").fill("");

  await page.getByLabel("Show").selectOption({ label: "Demo data" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=demo/);
  const items = page.getByRole("list", { name: "Events, oldest first" }).getByRole("listitem");
  await expect(items.first()).toBeVisible();

  const csv = await page.request.get(`/api${path}.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Event,When (London time),Tender,Who,Role,What,Details");

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(path);
  await snap(page, "audit-trail-commissioner-360");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(overflow).toBe(false);
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("the governor of Feltham opens, pages and verifies the audit trail", async ({ page }) => {
    await signIn(page, "governor@demo.test");
    await page.getByRole("link", { name: FELTHAM }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Audit trail: ${FELTHAM}`);
    await page.getByRole("link", { name: "10", exact: true }).first().click();
    await expect(page).toHaveURL(/size=10/);
    await page.getByRole("button", { name: "Verify the audit trail" }).click();
    await expect(page.getByText("The audit trail is intact")).toBeVisible();
    await expect(page.getByText("Demo data created")).toBeVisible();
    await snap(page, "audit-trail-governor-no-js");
  });
});

test("others get 403, another establishment's governor and unknown tenders 404; admins read the whole log", async ({ page, browser }) => {
  const path = await felthamAuditPathAsCommissioner(page);
  // Another establishment's governor is not told the tender exists (as on its sign-offs, letters and agreements).
  for (const [email, status] of [
    ["provider1@demo.test", 403],
    ["technician1@demo.test", 403],
    ["governor2@demo.test", 404],
  ] as const) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, email);
    const response = await other.goto(path);
    expect(response?.status(), email).toBe(status);
    expect((await other.request.get(`/api${path}.csv`)).status(), email).toBe(status);
    await context.close();
  }
  const governor = await browser.newContext();
  const governorPage = await governor.newPage();
  await signIn(governorPage, "governor@demo.test");
  await governorPage.getByRole("link", { name: FELTHAM }).click();
  await expect(governorPage.getByRole("heading", { level: 1 })).toHaveText(`Audit trail: ${FELTHAM}`);
  await expectAccessible(governorPage, "governor's audit trail");
  await governor.close();

  const missing = await page.goto("/tenders/00000000-0000-4000-8000-000000000000/audit");
  expect(missing?.status()).toBe(404);

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "admin@demo.test");
  await adminPage.getByRole("link", { name: "Audit log" }).click();
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expectAccessible(adminPage, "admin audit log");
  expect((await adminPage.goto(path))?.status()).toBe(200);
  await admin.close();
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
});
