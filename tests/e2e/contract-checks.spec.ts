import { expect, test, type Page } from "@playwright/test";
import { errorSummary, expectAccessible, signIn, signOut, snap } from "./helpers";

// One quarter of the Cookham Wood contract (issue 25): the provider sends the
// latest quarter's return on a phone-sized screen, the commissioner reviews it
// (one measure partly met, an action agreed) and signs, the governor co-signs
// with JavaScript off, and the provider reads the signed review and answers
// the action. The demo leaves that quarter's return still to come.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const CONTRACT = "Cookham Wood primary care and nursing service";
let periodUrl = "";

async function openLatestQuarterToSend(page: Page) {
  await page.goto("/contracts");
  await page.getByRole("link", { name: CONTRACT }).first().click();
  const late = page
    .getByTestId("periods")
    .getByRole("listitem")
    .filter({ hasText: /Late: no return yet|Return due/ })
    .first();
  await late.getByRole("link").click();
  await page.waitForURL(/\/periods\/\d+/);
  periodUrl = new URL(page.url()).pathname;
}

test("the provider sends the quarter's return on a phone: values out of range are refused by the field", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "provider1@demo.test");
  await openLatestQuarterToSend(page);
  await expect(page.getByRole("heading", { name: "Send your return" })).toBeVisible();
  await page.getByLabel("Health screening within 2 hours of arrival").fill("120");
  await page.getByRole("button", { name: "Send the return" }).click();
  await expect(errorSummary(page)).toContainText("Must be between 0 and 100");
  await expect(errorSummary(page)).toContainText("Say in a few sentences how the service went in this period");
  await expect(page.getByLabel("Health screening within 2 hours of arrival")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "return with errors", [360]);
  await page.getByLabel("Health screening within 2 hours of arrival").fill("93");
  await page.getByLabel("Seen by a GP within 48 hours of asking").fill("91");
  await page.getByLabel("Days to wait for a routine nurse appointment").fill("4");
  await page.getByLabel("Young people who say staff listened to them").fill("85");
  await page
    .getByLabel("How the service went in this period")
    .fill("Two new nurses started. Screening slipped in August when reception moved.");
  await page.getByRole("button", { name: "Send the return" }).click();
  await expect(page.getByText("Your return has been sent")).toBeVisible();
  await expect(page.getByTestId("return-values")).toContainText("93% (target: at least 95%): misses the target");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await snap(page, "contract-return-sent-360");
  await expect(page.getByText("This return has not been reviewed yet.")).toBeVisible();
  await signOut(page);
});

test("the commissioner rates each measure, agrees an action and signs the review", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto(periodUrl);
  const form = page.locator("#review-form");
  const rate = async (measure: string, rating: string) =>
    form.getByRole("group", { name: measure }).getByRole("radio", { name: rating, exact: true }).check();
  await rate("Health screening within 2 hours of arrival", "Partly met");
  await form.getByRole("button", { name: "Save the review" }).click();
  // A rating left out, and a partly met measure without a reason, are refused.
  await expect(errorSummary(page)).toContainText('Choose met, partly met or not met for "Seen by a GP within 48 hours of asking"');
  await expect(errorSummary(page)).toContainText("Say why it was not fully met");
  await rate("Health screening within 2 hours of arrival", "Partly met");
  await form
    .getByRole("group", { name: "Health screening within 2 hours of arrival" })
    .getByLabel("Why (needed unless met)")
    .fill("93% against 95%.");
  await rate("Seen by a GP within 48 hours of asking", "Met");
  await rate("Days to wait for a routine nurse appointment", "Met");
  await rate("Young people who say staff listened to them", "Met");
  await form.getByLabel("Summary of the review").fill("A good quarter. Screening on arrival slipped when reception moved.");
  const action = form.getByRole("group", { name: "Action 1" });
  await action.getByLabel("What will be done").fill("Put a nurse at reception for every arrival.");
  await action.getByLabel("Who owns it").fill("Thameside service manager");
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await action.getByLabel("By when").fill(due);
  await form.getByRole("button", { name: "Save the review" }).click();
  await expect(page.getByText("The review has been saved")).toBeVisible();
  await expect(page.getByTestId("ratings")).toContainText("Partly met");
  const sign = page.getByRole("region", { name: "Sign the review" });
  await sign.getByRole("radio", { name: /^Approve/ }).check();
  await sign.getByLabel("To approve, type your full name as your signature").fill("Priya Shah");
  await sign.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByTestId("review-state")).toHaveText("Waiting for the governor to co-sign");
  await snap(page, "contract-review-signed-by-commissioner");
  await expectAccessible(page, "review waiting for the governor");
  await signOut(page);
});

test("the governor co-signs with JavaScript off, bound to what they read", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, "governor2@demo.test");
  await page.goto("/establishment");
  await expect(page.getByRole("link", { name: new RegExp(`Review of ${CONTRACT}`) })).toBeVisible();
  await page.goto(periodUrl);
  const cosign = page.getByRole("region", { name: "Co-sign for HMYOI Cookham Wood" });
  await cosign.getByRole("radio", { name: /^Approve/ }).check();
  await cosign.getByLabel("To approve, type your full name as your signature").fill("David Lin");
  await cosign.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByTestId("review-state")).toHaveText("Signed by the commissioner and the governor");
  await context.close();
});

test("the provider reads the signed review and answers its action", async ({ page }) => {
  await signIn(page, "provider1@demo.test");
  await page.goto(periodUrl);
  await expect(page.getByTestId("review-state")).toHaveText("Signed by the commissioner and the governor");
  await expect(page.getByTestId("ratings")).toContainText("Partly met");
  await page.getByLabel("Your answer to action 1").fill("A nurse now meets every arrival at reception, from Monday.");
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page.getByText("Your answer has been sent")).toBeVisible();
  await expect(page.getByTestId("actions")).toContainText("A nurse now meets every arrival at reception");
  // After the signed review, the return can only be corrected.
  await expect(page.getByRole("heading", { name: "Correct your return" })).toBeVisible();
  await snap(page, "contract-action-answered");
  await expectAccessible(page, "signed review, provider");
  await page.goto(new URL(periodUrl.replace(/\/periods\/\d+$/, ""), page.url()).pathname);
  await expect(page.getByRole("heading", { name: "How the service is doing" })).toBeVisible();
  await expectAccessible(page, "contract with its measures");
});
