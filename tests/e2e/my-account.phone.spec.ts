import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { errorSummary, expectAccessible, signIn, signOut } from "./helpers";
import { emailTo, linkIn } from "./mailbox";

// A young commissioner on a 360 px phone looks after their own account: a forgotten password, where they are signed
// in, their own data. Once with JavaScript and once without.

/** Set by each test from its javaScriptEnabled option. */
let javaScript = true;

/** axe runs in the page, so only with JavaScript on; the run without JavaScript goes through the same pages. */
async function accessible(page: Page, what: string) {
  if (javaScript) await expectAccessible(page, what, [360]);
}

async function noSideways(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/** A new young commissioner, invited by the admin, who has agreed to the welcome text. */
async function youngCommissioner(page: Page, name: string): Promise<{ email: string; password: string }> {
  const email = `${name.toLowerCase()}.${Date.now()}@example.org`;
  const password = "purple otter skateboard 7";
  await signIn(page, "admin@demo.test");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption("TECHNICIAN");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  await signOut(page);
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Create a password").fill(password);
  await page.getByLabel("Type the password again").fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("Your account is ready")).toBeVisible();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/welcome$/);
  await page.getByLabel("I understand and want to take part").check();
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/panels/);
  await signOut(page);
  return { email, password };
}

async function forgottenPassword(page: Page, email: string): Promise<string> {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgotten your password?");
  await accessible(page, "forgotten password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  return (await page.locator("main").innerText()).trim();
}

async function resetsForgottenPassword(page: Page, name: string) {
  const { email, password } = await youngCommissioner(page, name);
  const newPassword = "seven green kites over the river";

  // The same answer for an address with no account.
  const answer = await forgottenPassword(page, email);
  await noSideways(page);
  expect(await forgottenPassword(page, `nobody.${Date.now()}@example.org`)).toBe(answer);

  const message = await emailTo(email, "password-reset");
  expect(message.text).toMatch(/If this was not you, tell/);
  const link = linkIn(message, "/reset-password/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await accessible(page, "choose a new password");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Type the new password again").fill("short");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(errorSummary(page)).toContainText("Password must be at least 12 characters");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Type the new password again").fill(newPassword);
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await expect(page.getByText("Your new password is saved")).toBeVisible();
  await noSideways(page);

  // The old password no longer works; the new one does; the link works once.
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/panels/);
  expect((await emailTo(email, "password-changed")).text).toMatch(/was reset with a link/);
  await signOut(page);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  return { email, password: newPassword };
}

const LAPTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";

/** Signed in on a second device (a laptop), the phone sees it under "Where you are signed in" and signs it out. */
async function endsAnotherSession(page: Page, browser: Browser, baseURL: string, account: { email: string; password: string }) {
  const laptop = await browser.newContext({ baseURL, userAgent: LAPTOP, viewport: { width: 1280, height: 800 } });
  const other = await laptop.newPage();
  await signIn(other, account.email, account.password);

  await signIn(page, account.email, account.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
  const devices = page.getByRole("list", { name: "Devices signed in" }).getByRole("listitem");
  await expect(devices).toHaveCount(2);
  await expect(devices.first()).toContainText("This device");
  await expect(devices.nth(1)).toContainText("Firefox on Windows");
  await expect(devices.nth(1)).toContainText(/Last used \d{1,2} \w+ \d{4}, \d{1,2}(:\d{2})?(am|pm)/);
  await accessible(page, "my account");
  await noSideways(page);
  await page.getByRole("button", { name: "Sign out on Firefox on Windows" }).click();
  await expect(page.getByText("That device is signed out.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Devices signed in" }).getByRole("listitem")).toHaveCount(1);

  // The laptop's next page asks it to sign in again.
  await other.goto("/panels");
  await expect(other).toHaveURL(/\/login/);
  await laptop.close();
}

/** "Your data": what is kept, a JSON download, a page that prints without the controls, and what closing would do. */
async function downloadsOwnData(page: Page, email: string) {
  await page.goto("/account");
  await page.getByRole("link", { name: /See and download what we keep about you/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your data");
  await expect(page.getByText(email).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "What we keep, and why" })).toBeVisible();
  await accessible(page, "your data");
  await noSideways(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download your data (JSON file, for computers)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^my-cocommission-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await download.path())!, "utf8")) as { profile: { email: string }; consents: unknown[] };
  expect(data.profile.email).toBe(email);
  expect(data.consents.length).toBeGreaterThan(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Ask for my account to be closed" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Your paid time" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
}

test("a young commissioner on a phone resets a forgotten password, ends another session and downloads their data", async ({
  page,
  browser,
  baseURL,
  javaScriptEnabled,
}) => {
  javaScript = javaScriptEnabled;
  const account = await resetsForgottenPassword(page, "Robin");
  await endsAnotherSession(page, browser, baseURL!, account);
  await downloadsOwnData(page, account.email);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a young commissioner on a phone resets a forgotten password, ends another session and downloads their data", async ({
    page,
    browser,
    baseURL,
    javaScriptEnabled,
  }) => {
    javaScript = javaScriptEnabled;
    expect(javaScript).toBe(false);
    const account = await resetsForgottenPassword(page, "Ash");
    await endsAnotherSession(page, browser, baseURL!, account);
    await downloadsOwnData(page, account.email);
  });
});
