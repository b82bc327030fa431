import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, errorSummary, signIn, signOut } from "./helpers";

const HOMES = [
  { email: "commissioner@demo.test", path: "/tenders", heading: "Tenders" },
  { email: "commissioner2@demo.test", path: "/tenders", heading: "Tenders" },
  { email: "technician1@demo.test", path: "/panels", heading: "My panels" },
  { email: "technician2@demo.test", path: "/panels", heading: "My panels" },
  { email: "technician3@demo.test", path: "/panels", heading: "My panels" },
  { email: "governor@demo.test", path: "/establishment", heading: "HMYOI Feltham" },
  { email: "governor2@demo.test", path: "/establishment", heading: "HMYOI Cookham Wood" },
  { email: "provider1@demo.test", path: "/opportunities", heading: "Open tenders" },
  { email: "provider2@demo.test", path: "/opportunities", heading: "Open tenders" },
  { email: "provider3@demo.test", path: "/opportunities", heading: "Open tenders" },
  { email: "admin@demo.test", path: "/admin/users", heading: "Users" },
];

for (const home of HOMES) {
  test(`${home.email} signs in and lands on ${home.path}`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(home.heading);
    await signOut(page);
    await expect(page.getByText("You have signed out.")).toBeVisible();
  });
}

test("the commissioner sees the seeded Feltham re-tender", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await expect(page.getByRole("heading", { name: "Feltham YOI health and wellbeing services re-tender" })).toBeVisible();
});

test("a governor sees only their own establishment's tenders", async ({ page }) => {
  await signIn(page, "governor2@demo.test");
  await expect(page.getByRole("heading", { name: "Tenders for your establishment" })).toBeVisible();
  await expect(page.getByText("Feltham YOI health and wellbeing services re-tender")).toHaveCount(0);
  await signOut(page);
  await signIn(page, "governor@demo.test");
  const tenders = page.locator("section", { has: page.getByRole("heading", { name: "Tenders for your establishment" }) });
  await expect(tenders.getByText("Feltham YOI health and wellbeing services re-tender")).toBeVisible();
});

test("a wrong password shows an error next to the field and in the summary, and keeps the email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("commissioner@demo.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter a correct email address and password" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("commissioner@demo.test");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visit to a portal page goes to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/admin/outbox");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Foutbox/);
  await page.getByLabel("Email address").fill("admin@demo.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outbox");
});

test("a technician visiting an admin page gets a 403 page", async ({ page }) => {
  await signIn(page, "technician1@demo.test");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot see this page");
});
