import { expect, test, type Page } from "@playwright/test";
import { errorSummary, expectAccessible, expectHeadingOrder, review, signIn, signOut, snap } from "./helpers";

// axe-core over every page a role can reach, including error states, at 1280 px
// and 360 px (the award, sign-off, letter, agreement and paid-time pages are
// checked in the Feltham journey, where they have content). A few pages per
// test, so that each test stays well inside the default time on a busy machine.

test("public pages", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page, "sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expectAccessible(page, "sign-in with errors");
  await page.goto("/invitations/not-a-real-token");
  await expectAccessible(page, "invalid invitation");
});

const PAGES: [string, string[]][] = [
  ["admin@demo.test", ["/admin/users", "/admin/outbox"]],
  ["commissioner@demo.test", ["/tenders", "/tenders/new", "/panels", "/contracts"]],
  ["commissioner@demo.test", ["/agreements", "/agreements/new", "/time"]],
  ["technician1@demo.test", ["/panels", "/welcome", "/time"]],
  ["technician1@demo.test", ["/time/new", "/words"]],
  ["governor@demo.test", ["/establishment", "/contracts", "/agreements"]],
  ["provider1@demo.test", ["/opportunities"]],
];

for (const [email, paths] of PAGES) {
  test(`pages of ${email}: ${paths.join(", ")}`, async ({ page }) => {
    await signIn(page, email);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await review(page, `${email.split("@")[0]}${path.replaceAll("/", "_")}`);
    }
  });
}

test.describe("a commissioner's tender pages", () => {
  const TENDER = "Feltham YOI health and wellbeing services re-tender";
  const RECORD = `${TENDER} (NHSE-LDN-2026-014)`;

  /** Signs in as the commissioner and answers the Feltham tender's address, from the tender list. */
  async function felthamTender(page: Page): Promise<string> {
    await signIn(page, "commissioner@demo.test");
    await page.goto("/tenders");
    return (await page.getByRole("link", { name: TENDER }).getAttribute("href"))!;
  }

  test("a new tender with errors", async ({ page }) => {
    await signIn(page, "commissioner@demo.test");
    await page.goto("/tenders/new");
    // A clarification deadline in the hour the clocks skip, so that it comes back with an error.
    await page.locator("#field-clarificationDeadline").fill("2027-03-28");
    await page.locator("#field-clarificationDeadlineTime").fill("01:30");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(errorSummary(page)).toBeVisible({ timeout: 15_000 });
    await expect(page).toHaveTitle("Error: New tender – CoCommission");
    await expectAccessible(page, "new tender with errors");
    // A deadline's error links to its date box, which is marked invalid and described by the error.
    const message = "Clarification deadline: that time does not exist in the UK: the clocks go forward an hour that night";
    const link = errorSummary(page).getByRole("link", { name: message });
    await expect(link).toHaveAttribute("href", "#field-clarificationDeadline");
    const dateBox = page.locator("#field-clarificationDeadline");
    await expect(dateBox).toHaveAttribute("type", "date");
    await expect(dateBox).toHaveAttribute("aria-invalid", "true");
    await expect(dateBox).toHaveAccessibleDescription(`Error: ${message}`);
    await expect(page.locator("#field-clarificationDeadlineTime")).toHaveAttribute("aria-invalid", "true");
    // The calendar and clock buttons in date and time boxes have a focus style.
    const pickerFocus = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => /calendar-picker-indicator:focus/.test(rule.cssText) && /outline/.test(rule.cssText)),
      ),
    );
    expect(pickerFocus).toBe(true);
  });

  test("the tender list and the tender's overview", async ({ page }) => {
    const tender = await felthamTender(page);
    await expectHeadingOrder(page, "/tenders");
    await page.goto(tender);
    await expect(page.getByRole("heading", { level: 1, name: TENDER })).toBeVisible();
    await expect(page).toHaveTitle(`Tender: ${RECORD} – CoCommission`);
    await expectAccessible(page, "tender overview");
  });

  const SUBPAGES: [string, string][][] = [
    [
      ["criteria", "Criteria"],
      ["panel", "Panel"],
    ],
    [
      ["edit", "Edit tender"],
      ["cancel", "Cancel tender"],
      ["clarifications", "Clarification questions"],
    ],
  ];
  for (const pages of SUBPAGES) {
    test(`the tender's ${pages.map(([, title]) => title.toLowerCase()).join(", ")} pages`, async ({ page }) => {
      const tender = await felthamTender(page);
      for (const [path, title] of pages) {
        await page.goto(`${tender}/${path}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Titles name the record.
        await expect(page).toHaveTitle(`${title}: ${RECORD} – CoCommission`);
        await review(page, `commissioner-tender-${path}`);
      }
    });
  }
});

test("a wide table scrolls by keyboard on a phone", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/admin/users");
  await snap(page, "admin-users-360");
  const table = page.getByRole("region", { name: "People with accounts (scrolls sideways)" });
  await expect(table).toHaveAttribute("tabindex", "0");
  // Roles in the portal's words; an address stays on one line (the table scrolls instead of breaking it).
  const jay = table.getByRole("row").filter({ hasText: "technician1@demo.test" });
  await expect(jay.getByRole("cell").nth(2)).toHaveText("Young commissioner");
  const email = jay.getByRole("cell", { name: "technician1@demo.test" });
  const lines = await email.evaluate((cell) => {
    const text = document.createRange();
    text.selectNodeContents(cell);
    return text.getClientRects().length;
  });
  expect(lines).toBe(1);
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
