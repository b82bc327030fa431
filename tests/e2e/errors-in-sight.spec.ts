import { expect, test, type Page } from "@playwright/test";
import { errorSummary, signIn } from "./helpers";

// Without JavaScript a form posts and the whole page comes back: the error
// summary of a form low on a long page must land in sight, not thousands of
// pixels below the top, and an earlier success banner must not linger (issue 27).
test.use({ javaScriptEnabled: false });

async function expectSummaryInSight(page: Page, what: string) {
  await expect(errorSummary(page), what).toBeVisible();
  await expect(errorSummary(page), `${what}: the error summary is out of sight`).toBeInViewport();
}

test("the governor's sign-off sent empty: the errors are in sight", async ({ page }) => {
  await signIn(page, "governor@demo.test");
  await page
    .getByTestId("pending-signoffs")
    .getByRole("link", { name: /Thameside/ })
    .click();
  await page.getByRole("button", { name: "Send my decision" }).click();
  await expectSummaryInSight(page, "sign-off");
});

test("mark as paid sent empty under an old banner: the errors are in sight and the banner is gone", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/time?returned=1");
  await expect(page.getByText("Time sent back")).toBeVisible();
  await page.getByRole("button", { name: "Mark as paid" }).click();
  await expectSummaryInSight(page, "mark as paid");
  await expect(page.getByText("Time sent back")).toHaveCount(0);
});
