import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// axe-core over every page a role can reach, including error states (the
// award, letter, agreement and paid-time pages are checked in the Feltham journey,
// where they have content).

test("public pages", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page, "sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page, "sign-in with errors");
  await page.goto("/invitations/not-a-real-token");
  await expectAccessible(page, "invalid invitation");
});

const PAGES: Record<string, string[]> = {
  "admin@demo.test": ["/admin/users", "/admin/outbox"],
  "commissioner@demo.test": ["/tenders", "/tenders/new", "/panels", "/contracts", "/agreements", "/agreements/new", "/time"],
  "technician1@demo.test": ["/panels", "/welcome", "/time", "/time/new", "/words"],
  "governor@demo.test": ["/establishment", "/contracts", "/agreements"],
  "provider1@demo.test": ["/opportunities"],
};

for (const [email, paths] of Object.entries(PAGES)) {
  test(`pages of ${email}`, async ({ page }) => {
    await signIn(page, email);
    for (const path of paths) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
  });
}

test("a commissioner's tender pages, with and without errors", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/tenders/new");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page, "new tender with errors");
  await page.goto("/tenders");
  await page.getByRole("link", { name: "Feltham YOI health and wellbeing services re-tender" }).click();
  await expectAccessible(page, "tender overview");
  for (const link of ["Edit criteria", "Manage the panel", "Change details", "Cancel this tender"]) {
    await page.getByRole("link", { name: link }).click();
    await expectAccessible(page, link);
    await page.goBack();
  }
});

test("a young commissioner's paid-time form with errors", async ({ page }) => {
  await signIn(page, "technician1@demo.test");
  await page.goto("/time/new");
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page, "log time with errors");
});
