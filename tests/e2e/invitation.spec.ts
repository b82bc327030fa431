import { expect, test } from "@playwright/test";
import { errorSummary, signIn, signOut } from "./helpers";

test("an admin invites a provider, the invitee sets a password, signs in, and the link then says it was used", async ({ page }) => {
  const email = `new.provider.${Date.now()}@example.org`;
  await signIn(page, "admin@demo.test");
  await page.getByLabel("Name").fill("Nadia Hussain");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption("PROVIDER");
  await page.getByLabel("Organisation").selectOption({ label: "Thameside Health Partnership CIC" });
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toContain("/invitations/");
  await signOut(page);

  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your account");
  await page.getByLabel("Create a password").fill("short");
  await page.getByLabel("Type the password again").fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(errorSummary(page)).toContainText("Password must be at least 12 characters");

  await page.getByLabel("Create a password").fill("tea kettle lighthouse 42");
  await page.getByLabel("Type the password again").fill("tea kettle lighthouse 42");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/login\?joined=1/);
  await expect(page.getByText("Your account is ready")).toBeVisible();

  await signIn(page, email, "tea kettle lighthouse 42");
  await expect(page).toHaveURL(/\/opportunities$/);
  await expect(page.getByText("Nadia Hussain")).toBeVisible();
  await signOut(page);

  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation has already been used");
});

test("an invitation link that does not exist says so", async ({ page }) => {
  await page.goto("/invitations/not-a-real-token");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation link is not valid");
});
