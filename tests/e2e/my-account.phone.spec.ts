import { expect, test, type Page } from "@playwright/test";
import { errorSummary, expectAccessible, signIn, signOut } from "./helpers";
import { emailTo, linkIn } from "./mailbox";

// A young commissioner on a 360 px phone looks after their own account: a forgotten password, where they are signed
// in, their own data. Once with JavaScript and once without.

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
  await expectAccessible(page, "forgotten password", [360]);
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
  await expectAccessible(page, "choose a new password", [360]);
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

test("a young commissioner on a phone resets a forgotten password from the sign-in page", async ({ page }) => {
  await resetsForgottenPassword(page, "Robin");
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a young commissioner on a phone resets a forgotten password from the sign-in page", async ({ page }) => {
    await resetsForgottenPassword(page, "Ash");
  });
});
