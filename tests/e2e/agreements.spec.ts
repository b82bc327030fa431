import { expect, test, type Page } from "@playwright/test";
import { errorSummary, expectAccessible, signIn, signOut, snap } from "./helpers";

// A Cookham Wood agreement through two versions: no silent establishment, one
// documented name rule, every version readable with its signatures, and the
// governor's "Waiting for your sign-off" clearing what has been dealt with.
test.describe.configure({ timeout: 120_000 });

const TITLE = "HMYOI Cookham Wood co-commissioning agreement";

async function atPhoneWidth(page: Page, name: string) {
  await page.setViewportSize({ width: 360, height: 740 });
  await snap(page, name);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  // At 1280 px and 360 px.
  await expectAccessible(page, name);
}

function attention(page: Page) {
  return page.getByRole("region", { name: "For your attention" });
}

test("two versions of an agreement, signed by both sides; earlier signatures stay readable as void", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/agreements/new");
  // No establishment is chosen for the commissioner.
  const establishment = page.getByLabel("Which establishment is it for?");
  await expect(establishment).toHaveValue("");
  await expect(establishment.locator("option").first()).toHaveText("Select…");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(errorSummary(page)).toContainText("Select the establishment the agreement is for");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(establishment).toHaveAttribute("aria-invalid", "true");
  await atPhoneWidth(page, "agreement-new-with-errors");
  await establishment.selectOption({ label: "HMYOI Cookham Wood" });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Period starts").fill("2027-04-01");
  await page.getByLabel("Period ends").fill("2028-03-31");
  await page.getByLabel("Priorities for the period").fill("Every child seen by a nurse within 2 hours of arrival.");
  await page.getByLabel("Services in scope").fill("Primary care and mental health.");
  await page.getByLabel("How young people are involved").fill("Young commissioning technicians score every tender.");
  await page.getByRole("button", { name: "Save version 1" }).click();
  await expect(page.getByText("Version 1 saved")).toBeVisible();

  // The commissioner's form offers only "Approve": its hints speak of nothing else.
  const signing = page.getByRole("region", { name: "Sign for NHS England" });
  await expect(signing.getByRole("radio")).toHaveCount(1);
  await expect(signing).not.toContainText(/ask for changes|reject/i);
  await expect(signing.getByText("Capital letters and extra spaces do not matter.")).toBeVisible();
  // The name is compared ignoring capitals; what was typed is kept beside the account's name.
  await signing.getByRole("radio", { name: /^Approve/ }).check();
  await signing.getByLabel("To approve, type your full name as your signature").fill("priya shah");
  await signing.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByTestId("agreement-state")).toHaveText("Waiting for the governor to sign");
  await expect(page.getByTestId("signoffs")).toContainText("Signed as: “priya shah” (name on the account: Priya Shah)");
  const agreementUrl = page.url().replace(/\?.*$/, "");
  await signOut(page);

  // The governor is asked to sign version 1…
  await signIn(page, "governor2@demo.test");
  await page.goto("/establishment");
  // Once, under "Waiting for your sign-off", not again under "For your attention" (issue 27).
  await expect(page.getByTestId("pending-signoffs").getByRole("link", { name: `${TITLE}, version 1` })).toBeVisible();
  await expect(attention(page).getByText(`Please sign: ${TITLE}`)).toHaveCount(0);
  await signOut(page);

  // …but the commissioner makes version 2 first: version 1's signature is void, and says why.
  await signIn(page, "commissioner@demo.test");
  await page.goto(`${agreementUrl}/edit`);
  await page.getByLabel("Services in scope").fill("Primary care, mental health and dental care.");
  await page.getByRole("button", { name: "Save version 2" }).click();
  await expect(page.getByText("New version saved")).toBeVisible();
  await expect(page.getByTestId("earlier-versions")).toContainText("replaced by a later version, 1 signature, all void");
  await page.getByTestId("earlier-versions").getByRole("link", { name: "Version 1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Version 1");
  await expect(page).toHaveTitle(`Version 1 of ${TITLE} – CoCommission`);
  await expect(page.getByTestId("version-state")).toHaveText("This version is replaced by a later version.");
  await expect(page.getByText("Primary care and mental health.")).toBeVisible();
  await expect(page.getByTestId("signoffs")).toContainText("Signed as: “priya shah” (name on the account: Priya Shah)");
  await expect(page.getByTestId("signoffs")).toContainText("version 2 replaced version 1, so this signature no longer counts");
  await atPhoneWidth(page, "agreement-version-1-void");
  await page.goto(agreementUrl);
  await page.getByRole("radio", { name: /^Approve/ }).check();
  await page.getByLabel("To approve, type your full name as your signature").fill("Priya Shah");
  await page.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByTestId("agreement-state")).toHaveText("Waiting for the governor to sign");
  await signOut(page);

  // The request for version 1 has cleared; version 2's is there. Once signed, nothing is left.
  await signIn(page, "governor2@demo.test");
  await page.goto("/establishment");
  await expect(page.getByTestId("pending-signoffs").getByText(`${TITLE}, version 1`)).toHaveCount(0);
  await expect(attention(page).getByText(`Please sign: ${TITLE}`)).toHaveCount(0);
  await page
    .getByTestId("pending-signoffs")
    .getByRole("link", { name: `${TITLE}, version 2` })
    .click();
  await expect(page.getByRole("textbox", { name: "Comment" })).toBeVisible();
  await page.getByRole("radio", { name: /^Approve/ }).check();
  await page.getByLabel("To approve, type your full name as your signature").fill("David Lin");
  await page.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByTestId("agreement-state")).toHaveText("In force");
  await page.goto(`${agreementUrl}/versions/2`);
  await expect(page.getByTestId("version-state")).toHaveText("This version is in force.");
  await expect(page.getByTestId("signoffs").getByText("Stands: not void.")).toHaveCount(2);
  await page.goto("/establishment");
  await expect(page.getByText(`Please sign: ${TITLE}`)).toHaveCount(0);
  for (const missing of [`${agreementUrl}/versions/3`, `${agreementUrl}/versions/abc`]) {
    expect((await page.goto(missing))?.status()).toBe(404);
  }
});
