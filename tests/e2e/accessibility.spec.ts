import { expect, test } from "@playwright/test";
import { errorSummary, expectAccessible, expectHeadingOrder, signIn, signOut } from "./helpers";

// axe runs twice on each page (two widths): more time than a single-page test.
test.describe.configure({ timeout: 180_000 });

// axe-core over every page a role can reach, including error states, at 1280 px
// and 360 px (the award, sign-off, letter, agreement and paid-time pages are
// checked in the Feltham journey, where they have content).

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
  await expect(page).toHaveTitle(/^Error: New tender – CoCommission$/);
  // A deadline's error links to its date box, which is marked invalid and described by the error.
  const deadline = errorSummary(page).getByRole("link", { name: "Enter the date as well as the time" }).first();
  const dateBox = page.locator((await deadline.getAttribute("href"))!);
  await expect(dateBox).toHaveAttribute("type", "date");
  await expect(dateBox).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await dateBox.getAttribute("aria-describedby"))!.split(" ");
  await expect(page.locator(`#${describedBy.at(-1)}`)).toHaveText("Error: Enter the date as well as the time");
  // The calendar and clock buttons in date and time boxes have a focus style.
  const pickerFocus = await page.evaluate(() =>
    [...document.styleSheets].some((sheet) =>
      [...sheet.cssRules].some((rule) => /calendar-picker-indicator:focus/.test(rule.cssText) && /outline/.test(rule.cssText)),
    ),
  );
  expect(pickerFocus).toBe(true);

  await page.goto("/tenders");
  await expectHeadingOrder(page, "/tenders");
  await page.getByRole("link", { name: "Feltham YOI health and wellbeing services re-tender" }).click();
  // Titles name the record (the title can arrive just after the page, so wait for it before axe).
  await expect(page).toHaveTitle("Tender: Feltham YOI health and wellbeing services re-tender (NHSE-LDN-2026-014) – CoCommission");
  await expectAccessible(page, "tender overview");
  const subpages: [string, string][] = [
    ["Edit criteria", "Criteria"],
    ["Manage the panel", "Panel"],
    ["Change details", "Edit tender"],
    ["Cancel this tender", "Cancel tender"],
  ];
  for (const [link, title] of subpages) {
    await page.getByRole("link", { name: link }).click();
    await expect(page).toHaveTitle(`${title}: Feltham YOI health and wellbeing services re-tender (NHSE-LDN-2026-014) – CoCommission`);
    await expectAccessible(page, link);
    await page.goBack();
  }
});

test("a wide table scrolls by keyboard on a phone", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/admin/users");
  const table = page.getByRole("region", { name: "People with accounts (scrolls sideways)" });
  await expect(table).toHaveAttribute("tabindex", "0");
  await table.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test("the word list keeps a signed-in user's own header and menu", async ({ page }) => {
  await page.goto("/words");
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await signIn(page, "technician1@demo.test");
  await page.goto("/words");
  const menu = page.getByRole("navigation", { name: "Main" });
  await expect(menu.getByRole("link", { name: "Paid time" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("main#main")).toHaveCount(1);
  await expectAccessible(page, "words, signed in");
  await signOut(page);
});

test("a young commissioner's paid-time form with errors", async ({ page }) => {
  await signIn(page, "technician1@demo.test");
  await page.goto("/time/new");
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page, "log time with errors");
  await expect(page).toHaveTitle(/^Error: /);
  // "Enter how long you spent" takes you to the first box of the pair, Hours.
  const hoursId = await page.getByLabel("Hours").getAttribute("id");
  await expect(errorSummary(page).getByRole("link", { name: "Enter how long you spent" })).toHaveAttribute("href", `#${hoursId}`);
});
