import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in shows errors and signs in", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("governor@demo.test");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a correct email address and password").first()).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveValue("governor@demo.test");

    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/establishment$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("HMYOI Feltham");
  });
});
