import { expect, test } from "@playwright/test";
import { errorSummary, signIn, signOut } from "./helpers";

// A new young commissioner joins on a phone with JavaScript off: invitation,
// password, the plain-language welcome, informed consent, then their panels.
test.use({ javaScriptEnabled: false });

test("a young commissioner accepts an invitation on a phone, reads the welcome and consents before anything else", async ({ page }) => {
  const email = `new.technician.${Date.now()}@example.org`;
  await signIn(page, "admin@demo.test");
  await page.getByLabel("Name").fill("Sam");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption("TECHNICIAN");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  await signOut(page);

  await page.goto(new URL(link).pathname);
  await page.getByLabel("Create a password").fill("purple otter skateboard 7");
  await page.getByLabel("Type the password again").fill("purple otter skateboard 7");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("Your account is ready")).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("purple otter skateboard 7");
  await page.getByRole("button", { name: "Sign in" }).click();

  // The welcome comes first: pay, data, stepping back, who to talk to.
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to CoCommission");
  await expect(page.getByText(/step back/i).first()).toBeVisible();
  // No panel page before consent.
  await page.goto("/panels");
  await expect(page).toHaveURL(/\/welcome$/);

  await page.getByRole("button", { name: "Start" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await page.getByLabel("I understand and want to take part").check();
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/panels/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My panels" })).toBeVisible();
  // Against the 360 px screen: a mobile browser widens window.innerWidth to fit a page that is too wide.
  const phone = page.viewportSize()!.width;
  expect(await page.evaluate((phone) => document.documentElement.scrollWidth - phone, phone)).toBeLessThanOrEqual(0);

  // The consent can be read again.
  await page.goto("/welcome");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About your role and your data");
  await expect(page.getByText(/You agreed on/)).toBeVisible();
});
