import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, errorSummary } from "./helpers";

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in shows errors and signs in", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("governor@demo.test");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a correct email address and password").first()).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveValue("governor@demo.test");
    // The page that comes back from the server says in its title that there is a problem (GOV.UK).
    await expect(page).toHaveTitle("Error: Sign in – CoCommission");

    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/establishment$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("HMYOI Feltham");
    await expect(page).toHaveTitle("My establishment – CoCommission");
  });

  test("a form that comes back with errors starts the page title with 'Error: '", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("commissioner@demo.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto("/tenders/new");
    await expect(page).toHaveTitle("New tender – CoCommission");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(errorSummary(page).getByRole("link", { name: "Enter a title" })).toBeVisible();
    await expect(page).toHaveTitle("Error: New tender – CoCommission");
    // The next page is titled as usual.
    await page.goto("/tenders");
    await expect(page).toHaveTitle("Tenders – CoCommission");
  });
});
