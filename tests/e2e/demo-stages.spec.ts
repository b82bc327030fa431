import { expect, test, type Page } from "@playwright/test";
import { review, signIn, signOut } from "./helpers";

// The demo seeds a tender at every stage (tests/fixtures/demo-stages.ts):
// each stage's page opens with its data. Read-only: other specs rely on the demo.
const OPEN = "Cookham Wood speech, language and communication service";
const EVALUATION = "Feltham neurodevelopmental assessment and support service";
const MODERATION = "Cookham Wood dental and oral health service";
const SIGN_OFF = "Feltham sexual health and blood-borne virus service";
const STANDSTILL = "Cookham Wood substance misuse and recovery service";
const AWARDED = "Feltham physiotherapy and physical activity service";
const EXPIRING = "Cookham Wood primary care and nursing service";

async function openPanel(page: Page, title: string) {
  await page.goto("/panels");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

test("open for bids: a provider's draft, another's submitted bid", async ({ page }) => {
  await signIn(page, "provider1@demo.test");
  await page.getByRole("link", { name: OPEN }).click();
  await expect(page.getByText("(draft, not sent yet)")).toBeVisible();
  await signOut(page);
  await signIn(page, "provider2@demo.test");
  await page.getByRole("link", { name: OPEN }).click();
  await expect(page.getByText("(submitted)")).toBeVisible();
});

test("evaluation: the chair sees who has submitted and who is still scoring", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await openPanel(page, EVALUATION);
  const progress = page.locator("section", { has: page.getByRole("heading", { name: "Chair: evaluation progress" }) });
  await expect(progress.getByRole("row", { name: /Priya Shah/ })).toContainText("All scores submitted");
  await expect(progress.getByRole("row", { name: /Jay/ })).toContainText("Still scoring");
  await signOut(page);
  // Young commissioner A has sent one bid's scores and has two to go.
  await signIn(page, "technician1@demo.test");
  await openPanel(page, EVALUATION);
  await expect(page.getByText("Sent", { exact: true })).toHaveCount(1);
  await expect(page.getByRole("link", { name: /^Score bid \d$/ })).toHaveCount(2);
});

test("moderation: scores side by side with divergent cells flagged", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await openPanel(page, MODERATION);
  await page.getByRole("link", { name: /Go to moderation/ }).click();
  await expect(page.getByTestId("ranking").getByRole("row")).toHaveCount(4);
  await expect(page.getByTestId("ranking").getByText("discuss").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Ranking: weighted totals out of 100, split by criterion/ })).toBeVisible();
  await review(page, "stage-moderation");
  // One bid's detail: every vote pictured, divergent criteria flagged, the price score.
  await page.getByTestId("ranking").getByRole("link", { name: "Harbour Youth Health Alliance" }).click();
  await expect(page.getByRole("img", { name: /Harbour Youth Health Alliance: every counted vote on each criterion/ })).toBeVisible();
  await expect(
    page
      .getByTestId("criterion-votes")
      .getByText(/Scores differ by 2: discuss/)
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId("price-score")).toContainText("out of 5");
  await review(page, "stage-moderation-bid");
});

test("awaiting sign-off: the Feltham governor has the recommendation to decide", async ({ page }) => {
  await signIn(page, "governor@demo.test");
  await page
    .getByTestId("pending-signoffs")
    .getByRole("link", { name: /Thameside/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SIGN_OFF);
  await expect(page.getByTestId("recommended-provider")).toHaveText("Thameside Health Partnership CIC");
  // The same figures in pictures: the ranking and every vote per bid, by role only.
  await expect(page.getByRole("img", { name: /Ranking: weighted totals/ })).toBeVisible();
  // The recommended bid's votes are drawn; another bid's on demand, so a 50-bid sign-off stays small.
  await expect(page.getByRole("img", { name: /every counted vote on each criterion/ })).toHaveCount(1);
  await page.getByRole("link", { name: /^See every vote on / }).click();
  await expect(page).toHaveURL(/\?votes=[0-9a-f-]{36}#signoff-votes-/);
  await expect(page.getByRole("img", { name: /every counted vote on each criterion/ })).toHaveCount(2);
  await expect(page.getByText("Jay")).toHaveCount(0);
  await review(page, "stage-sign-off");
});

test("not yours: another establishment's governor gets 404 on every page of a Feltham tender, its own governor 403 on the commissioners' pages", async ({
  browser,
  page,
}) => {
  // The Feltham governor reaches the sign-off from their home; the award page is the commissioners'.
  await signIn(page, "governor@demo.test");
  await page
    .getByTestId("pending-signoffs")
    .getByRole("link", { name: /Thameside/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SIGN_OFF);
  const signOffUrl = new URL(page.url()).pathname;
  const commissioner = await browser.newPage();
  await signIn(commissioner, "commissioner@demo.test");
  await commissioner.getByRole("link", { name: SIGN_OFF }).click();
  await expect(commissioner).toHaveURL(/\/tenders\/[0-9a-f-]{36}$/);
  const tenderUrl = new URL(commissioner.url()).pathname;
  await commissioner.close();
  const tenderPages = ["", "/award", "/audit", "/clarifications", "/panel", "/criteria", "/edit", "/cancel"].map((p) => tenderUrl + p);
  expect((await page.goto(`${tenderUrl}/award`))?.status()).toBe(403);
  expect((await page.goto(`${tenderUrl}/audit`))?.status()).toBe(200);
  await signOut(page);

  await signIn(page, "governor2@demo.test");
  for (const path of [signOffUrl, ...tenderPages]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
  expect((await page.request.get(`/api${tenderUrl}/audit.csv`)).status()).toBe(404);
  // An id that is no tender: the same answer.
  expect((await page.goto("/tenders/00000000-0000-4000-8000-000000000000/award"))?.status()).toBe(404);
});

test("standstill: the commissioner sees it running and every bidder has a letter", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.getByRole("link", { name: STANDSTILL }).click();
  await page.getByRole("link", { name: /Standstill, letters and confirming the award/ }).click();
  await expect(page.getByRole("heading", { name: "Standstill and outcome letters" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm the award" })).toHaveCount(0);
  await signOut(page);
  await signIn(page, "provider3@demo.test");
  await page
    .getByRole("region", { name: "Your outcome letters" })
    .getByRole("link", { name: new RegExp(STANDSTILL) })
    .click();
  await expect(page.getByTestId("outcome-letter")).toContainText("was not successful");
});

test("awarded: both contracts are in the register, the older one ending soon with a re-tender to start", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/contracts");
  const register = page.getByTestId("contracts");
  await expect(register).toContainText(AWARDED);
  await expect(register).toContainText(EXPIRING);
  await expect(page.getByRole("img", { name: /Contract periods by establishment/ })).toBeVisible();
  await review(page, "stage-contracts");
  await register.getByRole("link", { name: EXPIRING }).click();
  await expect(page.getByRole("heading", { name: "Start a re-tender" })).toBeVisible();
  await signOut(page);
  // The panel sees what happened.
  await signIn(page, "technician2@demo.test");
  await openPanel(page, AWARDED);
  await page.getByRole("link", { name: /You said, we did/ }).click();
  await expect(page.getByTestId("outcome")).toContainText("Harbour Youth Health Alliance got the contract");
  // Where their own scores sat against the panel's, simply, on a phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole("img", { name: "Your scores and the panel's scores for Harbour Youth Health Alliance" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await review(page, "stage-you-said-we-did-phone");
});

test("a young commissioner who has not yet agreed lands on the welcome", async ({ page }) => {
  await signIn(page, "technician4@demo.test");
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to CoCommission");
});
