import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, review, setClockOffset, signIn, signOut, snap, watchCspViolations } from "./helpers";

// The Feltham re-tender from publication to opened bids, across roles.
const TITLE = "Feltham YOI health and wellbeing services re-tender";
/** How page titles name the tender (every record page names its record). */
const RECORD = `${TITLE} (NHSE-LDN-2026-014)`;
const DAY = 86_400_000;

// Long journeys across many sign-ins, with axe at two widths: more time than a single-page test.
test.describe.configure({ mode: "serial", timeout: 300_000 });
test.afterAll(() => setClockOffset(0));

// The whole journey runs under the portal's nonce-based Content-Security-Policy:
// nothing may be refused on any page the main browser visits.
let cspViolations: () => string[] = () => [];
test.beforeEach(({ page }) => {
  cspViolations = watchCspViolations(page);
});
test.afterEach(() => {
  expect(cspViolations()).toEqual([]);
});

async function openFeltham(page: Page, role: "commissioner" | "provider") {
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  if (role === "provider") await expect(page.getByText("How bids are scored")).toBeVisible();
}

async function fillBid(page: Page, price: string) {
  const labels = ["Quality and innovation", "Integration, collaboration", "Improving access", "Social value"];
  for (const label of labels) {
    await page.getByLabel(new RegExp(label)).fill(`Our answer on ${label.toLowerCase()}: a trauma-informed, young-person-led service.`);
  }
  await page.getByLabel(/Your price/).fill(price);
}

test("publish, clarify, bid, revise, withdraw, resubmit, pass the deadline and open the bids", async ({ page }) => {
  // The commissioner publishes the seeded re-tender.
  await signIn(page, "commissioner@demo.test");
  await openFeltham(page, "commissioner");
  await page.getByRole("button", { name: "Publish tender" }).click();
  await expect(page.getByText("Tender published.")).toBeVisible();
  await signOut(page);

  // A provider asks a clarification question.
  await signIn(page, "provider1@demo.test");
  await openFeltham(page, "provider");
  await page.getByLabel("Ask a question").fill("Does the service include weekend GP cover?");
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByText("Question sent.")).toBeVisible();
  await signOut(page);

  // The commissioner answers; the answer is published to all.
  await signIn(page, "commissioner@demo.test");
  await openFeltham(page, "commissioner");
  await page.getByRole("link", { name: /Clarification questions \(1\)/ }).click();
  await expect(page.getByText("Does the service include weekend GP cover?")).toBeVisible();
  await expect(page.getByText("Thameside")).toHaveCount(0);
  await page.getByLabel("Answer to question 1").fill("Yes: GP sessions on Saturday mornings and on-call cover on Sundays.");
  await page.getByRole("button", { name: "Publish answer to all providers" }).click();
  await expect(page.getByText("Answer published")).toBeVisible();
  await signOut(page);

  // Provider 2 sees the answer (without who asked), bids, then revises.
  await signIn(page, "provider2@demo.test");
  await openFeltham(page, "provider");
  await expect(page.getByText("A: Yes: GP sessions on Saturday mornings")).toBeVisible();
  await expect(page.getByText("Thameside")).toHaveCount(0);
  await expect(page).toHaveTitle(`Tender notice: ${RECORD} – CoCommission`);
  await page.getByRole("link", { name: "Start a bid" }).click();
  await expect(page).toHaveTitle(`Your bid: ${RECORD} – CoCommission`);
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter your price");
  await expectAccessible(page, "a provider's bid form with errors");
  await fillBid(page, "13,900,000");
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByText("Bid submitted.")).toBeVisible();
  await expect(page.getByTestId("bid-status")).toHaveText("Submitted (version 1)");
  const firstReceipt = (await page.getByTestId("receipt-1").textContent())!.trim();
  expect(firstReceipt).toMatch(/^[0-9a-f]{64}$/);
  const unsent = page.getByText("You have changes that have not been submitted");
  await expect(unsent).toHaveCount(0);
  // A saved change is flagged until it is submitted.
  await page.getByLabel(/Your price/).fill("13,750,000");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(unsent).toBeVisible();
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByTestId("bid-status")).toHaveText("Submitted (version 2)");
  await expect(unsent).toHaveCount(0);
  expect((await page.getByTestId("receipt-2").textContent())!.trim()).not.toBe(firstReceipt);
  await signOut(page);

  // Provider 3 submits, withdraws and resubmits.
  await signIn(page, "provider3@demo.test");
  await openFeltham(page, "provider");
  await page.getByRole("link", { name: "Start a bid" }).click();
  await fillBid(page, "14,100,000");
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByTestId("bid-status")).toHaveText("Submitted (version 1)");
  await page.getByRole("button", { name: "Withdraw bid" }).click();
  await expect(page.getByTestId("bid-status")).toHaveText("Withdrawn");
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByTestId("bid-status")).toHaveText("Submitted (version 2)");
  await signOut(page);

  // Before the deadline the commissioner cannot open the bids.
  await signIn(page, "commissioner@demo.test");
  await openFeltham(page, "commissioner");
  await expect(page.getByRole("button", { name: "Open bids" })).toHaveCount(0);
  await expect(page.getByText("Open for bids")).toBeVisible();

  // The clock passes the deadline: the tender closes on its own.
  setClockOffset(36 * DAY);
  await page.reload();
  await expect(page.getByText("Closed", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Open bids" }).click();
  await expect(page.getByText("Bids opened. Evaluation has started.")).toBeVisible();
  await expect(page.getByText("Evaluation", { exact: true })).toBeVisible();
  await signOut(page);

  // Bidders can no longer change anything; the tender stays on their home page, with its state, until the outcome.
  await signIn(page, "provider2@demo.test");
  await page.goto("/opportunities");
  const awaiting = page.getByRole("region", { name: "Your bids waiting for an outcome" });
  await expect(awaiting.getByRole("listitem").filter({ hasText: TITLE })).toContainText("Evaluation");
  await awaiting.getByRole("link", { name: TITLE }).click();
  await page.getByRole("link", { name: "See your bid and receipts" }).click();
  await expect(page.getByTestId("bids-closed")).toContainText("Your submitted bid will be evaluated by the panel");
  await expect(page.getByText("before then")).toHaveCount(0);
  await expect(page.getByText("Bids can no longer be changed.")).toBeVisible();
  await expectAccessible(page, "a provider's bid after the deadline");
});

const CRITERIA = [
  "Quality and innovation",
  "Integration, collaboration and service sustainability",
  "Improving access, reducing health inequalities and facilitating choice",
  "Social value",
];
const REASON = "Clear plan with real detail on staffing and cover.";

// The first scorer also runs axe over the step-back page and the scoring sheet (once is enough).
let firstScorer = true;

async function scoreEverything(page: Page, marks: Record<string, number>, technician: boolean) {
  const checkPages = firstScorer;
  firstScorer = false;
  await page.getByRole("link", { name: TITLE }).click();
  if (checkPages) {
    await expect(page.getByRole("heading", { name: "Before you read the bids" })).toBeVisible();
    const workspace = new URL(page.url()).pathname;
    await page.goto(`${workspace}/step-back`);
    await expect(page.getByRole("heading", { name: "Step back from this panel" })).toBeVisible();
    await expectAccessible(page, "step back from a panel");
    await page.goto(workspace);
  }
  // Declare: no conflicts with either bidder.
  await expect(page.getByRole("heading", { name: "Before you read the bids" })).toBeVisible();
  const noConflict = page.getByLabel(technician ? "No, I have no link to them" : "No conflict of interest");
  await expect(noConflict).toHaveCount(2);
  for (const radio of await noConflict.all()) await radio.check();
  await page.getByRole("button", { name: "Save my answers" }).click();
  await expect(page.getByText("Your answers are saved.")).toBeVisible();
  for (const [bidder, mark] of Object.entries(marks)) {
    await page
      .getByRole("link", { name: new RegExp(`^(Mark|Score) bid \\d$`) })
      .and(page.locator(`xpath=//li[contains(., "${bidder}")]//a`))
      .click();
    if (checkPages && bidder === Object.keys(marks)[0]) {
      await expect(page.getByRole("heading", { name: new RegExp(`^${CRITERIA[0]}`) })).toBeVisible();
      await expect(page).toHaveTitle(
        new RegExp(`^(Mark|Score) bid \\d, ${bidder}[^:]*: ${RECORD.replace(/[()]/g, "\\$&")} – CoCommission$`),
      );
      await expectAccessible(page, "scoring sheet");
    }
    for (const criterion of CRITERIA) {
      const section = page.locator("section", { has: page.getByRole("heading", { name: new RegExp(`^${criterion}`) }) });
      await section.getByLabel(new RegExp(`^${mark}: `)).check();
      await section.getByLabel(technician ? "Why did you give this score?" : "Reason").fill(REASON);
    }
    // With JavaScript, the sheet saves itself as a draft (under the CSP too).
    if (!technician) await expect(page.getByTestId("autosave-status")).toContainText("Draft saved", { timeout: 15_000 });
    await page.getByRole("button", { name: technician ? "Send my scores for this bid" : "Submit scores for this bid" }).click();
    await expect(page.getByText("Scores sent")).toBeVisible();
  }
}

test("two commissioners and two young commissioners declare, score and moderate; the chair freezes the ranking", async ({
  page,
  browser,
}) => {
  // Harbour's Quality gets 5 from Young commissioner A: divergent (3, 3, 5, 3).
  const plans: [string, Record<string, number>, boolean][] = [
    ["commissioner@demo.test", { Brightwell: 4, Harbour: 3 }, false],
    ["commissioner2@demo.test", { Brightwell: 4, Harbour: 3 }, false],
  ];
  for (const [email, marks, technician] of plans) {
    await signIn(page, email);
    await page.goto("/panels");
    await scoreEverything(page, marks, technician);
    await signOut(page);
  }
  // Young commissioner A scores with JavaScript turned off: plain forms, posted to the server.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await signIn(plain, "technician1@demo.test");
  await plain.goto("/panels");
  await scoreEverything(plain, { Brightwell: 5, Harbour: 5 }, true);
  await noScript.close();
  // Young commissioner B scores on a phone.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const mobile = await phone.newPage();
  await signIn(mobile, "technician2@demo.test");
  await scoreEverything(mobile, { Brightwell: 3, Harbour: 3 }, true);
  expect(await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await phone.close();

  // Technician 1's Harbour marks were 5 on every criterion except we want the divergence only on Quality:
  // the other three criteria for Harbour are revised in moderation back to 3.
  await signIn(page, "commissioner@demo.test");
  await page.goto("/panels");
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByText("All scores submitted").first()).toBeVisible();
  await expect(page).toHaveTitle(`Your panel: ${RECORD} – CoCommission`);
  await expectAccessible(page, "panel workspace");
  await page.getByRole("button", { name: "Start moderation" }).click();
  await expect(page.getByText("Moderation has started")).toBeVisible();
  // The chair sees technicians' names; the rule is stated.
  await expect(page.getByTestId("rule")).toContainText("Every vote counts the same");
  await signOut(page);

  await signIn(page, "technician1@demo.test");
  await page.goto("/panels");
  await page.getByRole("link", { name: TITLE }).click();
  await page.getByRole("link", { name: /Go to moderation/ }).click();
  // Others' names are hidden from a young commissioner, except their own.
  await expect(page.getByText("Young commissioner B").first()).toBeVisible();
  await expect(page.getByText("Mia")).toHaveCount(0);
  // Overview first: each bid's votes are on its own page.
  await expect(page.getByTestId("ranking").getByText("discuss").first()).toBeVisible();
  await page.getByTestId("ranking").getByRole("link", { name: "Harbour Youth Health Alliance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbour Youth Health Alliance" })).toBeVisible();
  await expect(page.getByText("Scores differ by 2: discuss").first()).toBeVisible();
  // Price scores too: Harbour 13,750,000 / 14,100,000 × 5 = 4.8758… → 4.88.
  await expect(page.getByTestId("price-score")).toContainText("Value (20%): 4.88 out of 5");
  await expectAccessible(page, "moderation of one bid");
  const bidPage = page.url();
  for (const criterion of CRITERIA.slice(1)) {
    // A fresh load for each revision: the page re-renders (and re-orders, divergent criteria first) after
    // each saved revision, and a late re-render could close the form while the test was filling it in.
    await page.goto(bidPage);
    const card = page.getByTestId("criterion-votes").filter({ has: page.getByRole("heading", { name: new RegExp(`^${criterion}`) }) });
    const three = card.getByLabel(/^3: /);
    // Open, choose and explain in one retried step: a late re-render can close the form in between.
    await expect(async () => {
      if (!(await three.isVisible())) await card.getByText("Revise my score").click();
      await three.check({ timeout: 1_000 });
      await expect(three).toBeChecked({ timeout: 1_000 });
      await card.getByLabel("Why are you changing it?").fill("We talked it through and I agree it is only OK.", { timeout: 1_000 });
    }).toPass();
    await card.getByRole("button", { name: "Save revised score" }).click();
    await expect(page.getByText("Your score has been revised.")).toBeVisible();
  }
  await signOut(page);

  // Hand-worked totals (every vote equal):
  // Brightwell: quality (4 + 4 + 5 + 3) / 4 = 4 on each of 35 + 20 + 15 + 10 = 80 → 80 × 4 / 5 = 64;
  //   price is the lowest, 5 → 20; total 84.00.
  // Harbour: Quality (3 + 3 + 5 + 3) / 4 = 3.5 → 35 × 3.5 / 5 = 24.5; the other three (3 + 3 + 3 + 3) / 4 = 3 → 45 × 3 / 5 = 27;
  //   price 13,750,000 / 14,100,000 × 5 = 1375/282 → 20 × (1375/282) / 5 = 2750/141 = 19.5035…;
  //   total 24.5 + 27 + 19.5035… = 71.0035… → 71.00.
  await signIn(page, "commissioner@demo.test");
  await page.goto("/panels");
  await page.getByRole("link", { name: TITLE }).click();
  await page.getByRole("link", { name: /Go to moderation/ }).click();
  const ranking = page.getByTestId("ranking");
  await expect(ranking.getByRole("row").nth(1)).toContainText("1Brightwell Community Healthcare Ltd84.00");
  await expect(page).toHaveTitle(`Moderation: ${RECORD} – CoCommission`);
  await expectAccessible(page, "moderation");
  await expect(ranking.getByRole("row").nth(2)).toContainText("2Harbour Youth Health Alliance71.00");
  await expect(ranking.getByRole("row").nth(2)).toContainText("4.88"); // Harbour's price score, in the overview too
  await expect(page.getByText("Jay (you)")).toHaveCount(0);
  await expect(page.getByText("Jay").first()).toBeVisible(); // the chair sees names
  // Freezing cannot be undone: a confirmation step says what is still flagged for discussion (Brightwell's scores,
  // 3 to 5 on every criterion; Harbour's on one), and "No" changes nothing.
  await page.getByRole("button", { name: "Freeze the ranking…" }).click();
  await expect(page).toHaveURL(/\?freeze=confirm#freeze$/);
  const confirm = page.getByTestId("freeze-confirm");
  await expect(confirm.getByRole("heading", { name: "Are you sure you want to freeze the ranking?" })).toBeVisible();
  await expect(confirm).toContainText("This cannot be undone");
  const flagged = confirm.getByTestId("still-flagged").getByRole("listitem");
  await expect(flagged).toHaveCount(2);
  await expect(flagged.filter({ hasText: "Brightwell Community Healthcare Ltd" })).toContainText("(3 to 5)");
  await expect(flagged.filter({ hasText: "Harbour Youth Health Alliance" })).toContainText("(3 to 5)");
  await expectAccessible(page, "freeze confirmation");
  await confirm.getByRole("link", { name: "No, keep discussing" }).click();
  await expect(page.getByTestId("freeze-confirm")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Freeze the ranking…" })).toBeVisible();
  await page.getByRole("button", { name: "Freeze the ranking…" }).click();
  await page.getByRole("button", { name: "Yes, freeze the ranking" }).click();
  await expect(page.getByText("Ranking frozen.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Freeze the ranking/ })).toHaveCount(0);
  // Nothing is recommended yet: every page that names the stage says "Ranking frozen", none "Awaiting sign-off".
  await expectStage(page, "Ranking frozen");
  await expect(page.getByTestId("whats-next")).toContainText("The commissioner recommends who should get the contract");
});

/**
 * Every page that names the Feltham tender's stage (the tenders list, filtered by that stage; the tender page; its award
 * page; the panel page) names the same one, and no other stage's name. Ends on the tender page.
 */
async function expectStage(page: Page, label: "Ranking frozen" | "Awaiting sign-off") {
  const other = label === "Ranking frozen" ? "Awaiting sign-off" : "Ranking frozen";
  await page.goto("/tenders");
  await page.getByLabel("Status").selectOption({ label });
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: TITLE }) });
  await expect(row.getByText(label, { exact: true })).toBeVisible();
  const tenderUrl = new URL((await row.getByRole("link", { name: TITLE }).getAttribute("href"))!, page.url()).pathname;
  for (const path of [`/panels${tenderUrl.slice("/tenders".length)}`, `${tenderUrl}/award`, tenderUrl]) {
    await page.goto(path);
    await expect(page.getByText(label, { exact: true }), path).toBeVisible();
    await expect(page.getByText(other, { exact: true }), path).toHaveCount(0);
  }
}

async function goToAward(page: Page) {
  await page.goto("/tenders");
  await page.getByRole("link", { name: TITLE }).click();
  await page
    .getByRole("link", {
      name: /Recommend the award|Award recommendation and governor sign-off|Standstill, letters and confirming the award|Award and contract/,
    })
    .click();
}

async function recommend(page: Page, note: string) {
  await goToAward(page);
  await expect(page).toHaveTitle(`Award: ${RECORD} – CoCommission`);
  await expect(page.getByLabel(/Brightwell Community Healthcare Ltd: 84\.00 \(rank 1\)/)).toBeChecked();
  await page.getByLabel("Note to the young commissioners").fill(note);
  await page.getByRole("button", { name: /Send to the governor for sign-off|Replace and send/ }).click();
  await expect(page.getByText("Recommendation sent to the governor for sign-off")).toBeVisible();
  await expectAccessible(page, "award page");
}

const STANDSTILL_SENTENCE =
  /^The standstill began on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} and ends at midnight at the end of [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}\.$/;

test("recommendation, governor asks for a change, re-moderation, approval, standstill, award, contract and agreement", async ({
  page,
  browser,
}) => {
  await signIn(page, "commissioner@demo.test");
  await recommend(page, "Thank you. Your marks on how young people can reach the service decided it.");
  // Sent: now every page that names the stage says "Awaiting sign-off".
  await expectStage(page, "Awaiting sign-off");
  await signOut(page);

  // The Feltham governor reads the two-minute summary and asks for a change.
  await signIn(page, "governor@demo.test");
  await page
    .getByTestId("pending-signoffs")
    .getByRole("link", { name: /Brightwell/ })
    .click();
  await expect(page).toHaveURL(/\/establishment\/sign-offs\/[0-9a-f-]{36}$/);
  const signOffUrl = page.url();
  await expect(page.getByTestId("recommended-provider")).toHaveText("Brightwell Community Healthcare Ltd");
  await expect(page.getByTestId("summary-ranking")).toContainText("84.00");
  await expect(page).toHaveTitle(`Award sign-off: ${RECORD} – CoCommission`);
  await review(page, "governor-signoff");
  await expect(page.getByText("Young commissioner A").first()).toBeVisible();
  await expect(page.getByText("Jay")).toHaveCount(0);
  await page.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expect(page).toHaveTitle(`Error: Award sign-off: ${RECORD} – CoCommission`);
  await expectAccessible(page, "sign-off with errors");
  await page.getByRole("radio", { name: /^Ask for changes/ }).check();
  await page.getByRole("textbox", { name: "Comment" }).fill("Please check the evening cover on the wings with the panel before I sign.");
  await page.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByText("Your decision has been recorded")).toBeVisible();
  await signOut(page);

  // Another establishment's governor cannot reach Feltham's sign-off by its URL.
  await signIn(page, "governor2@demo.test");
  const response = await page.goto(signOffUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("Brightwell")).toHaveCount(0);
  await page.goto("/establishment");
  await expect(page.getByText("Nothing is waiting for your sign-off.")).toBeVisible();
  await signOut(page);

  // Back in moderation: the chair freezes again and recommends again.
  await signIn(page, "commissioner@demo.test");
  await page.goto("/panels");
  await page.getByRole("link", { name: TITLE }).click();
  await page.getByRole("link", { name: /Go to moderation/ }).click();
  await page.getByRole("button", { name: "Freeze the ranking…" }).click();
  await page.getByRole("button", { name: "Yes, freeze the ranking" }).click();
  await expect(page.getByText("Ranking frozen.")).toBeVisible();
  await recommend(page, "Thank you. We checked evening cover as the governor asked; Brightwell still came first.");
  await expect(page.getByText("Governor asked for changes")).toBeVisible();
  await signOut(page);

  // The governor approves by typing their name, with JavaScript turned off; standstill starts.
  const governorContext = await browser.newContext({ javaScriptEnabled: false });
  const governor = await governorContext.newPage();
  await signIn(governor, "governor@demo.test");
  await governor
    .getByTestId("pending-signoffs")
    .getByRole("link", { name: /Brightwell/ })
    .click();
  await expect(governor.getByText("Earlier recommendations for this tender")).toBeVisible();
  await governor.getByRole("radio", { name: /^Approve/ }).check();
  await governor.getByLabel("To approve, type your full name as your signature").fill("Someone Else");
  await governor.getByRole("button", { name: "Send my decision" }).click();
  await expect(governor.getByText("Type your full name as it appears on your account: Ruth Adeyemi.").first()).toBeVisible();
  await governor.getByRole("radio", { name: /^Approve/ }).check();
  await governor.getByLabel("To approve, type your full name as your signature").fill("Ruth Adeyemi");
  await governor.getByRole("button", { name: "Send my decision" }).click();
  await expect(governor.getByText("You approved this award. Standstill has started.")).toBeVisible();
  // PSR regulation 12, said one way everywhere.
  await expect(governor.getByTestId("standstill")).toHaveText(STANDSTILL_SENTENCE);
  await snap(governor, "governor-approved-no-js");
  await governorContext.close();

  // The runner-up reads their own letter: their scores, the winner's total, the standstill end.
  await signIn(page, "provider3@demo.test");
  await page.goto("/opportunities");
  await page
    .getByRole("region", { name: "Your outcome letters" })
    .getByRole("link", { name: new RegExp(TITLE) })
    .click();
  const letter = page.getByTestId("outcome-letter");
  await expect(letter).toContainText("was not successful");
  await expect(page.getByTestId("letter-total")).toHaveText("71.00");
  await expect(page.getByTestId("letter-winner-total")).toHaveText("84.00");
  await expect(page.getByTestId("letter-standstill")).toHaveText(STANDSTILL_SENTENCE);
  // No panel member is named: young commissioners never, and the commissioner only as the one who recommended the
  // award (a decision-maker, which regulation 12 and Schedule 10 require the letter to name), nowhere else.
  await expect(letter).not.toContainText("Jay");
  await expect(page.getByTestId("letter-decision-makers")).toContainText("Priya Shah");
  expect((await letter.innerText()).split("Priya").length - 1).toBe(1);
  await review(page, "provider-outcome-letter");
  await signOut(page);

  // Standstill passes (the clock moves on 20 days); the commissioner confirms the award.
  setClockOffset(56 * DAY);
  await signIn(page, "commissioner@demo.test");
  await goToAward(page);
  await expect(page.getByTestId("standstill")).toHaveText(STANDSTILL_SENTENCE);
  await page.getByRole("button", { name: "Confirm the award" }).click();
  await expect(page.getByText("Award confirmed. The contract is in the register.")).toBeVisible();
  await review(page, "commissioner-award");
  await page.getByRole("link", { name: "See the contract in the register" }).click();
  await expectAccessible(page, "contract");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page).toHaveTitle(`Contract: ${TITLE} – CoCommission`);
  await expect(page.getByText("Brightwell Community Healthcare Ltd").first()).toBeVisible();

  // An agreement for Feltham, linking the new contract, signed by the commissioner…
  await page.goto("/agreements/new");
  await page.getByLabel("Which establishment is it for?").selectOption({ label: "HMYOI Feltham" });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Period starts").fill("2027-04-01");
  await page.getByLabel("Period ends").fill("2028-03-31");
  await page.getByLabel("Priorities for the period").fill("## Health on arrival\nEvery child seen by a nurse within 2 hours.");
  await page.getByLabel("Services in scope").fill("Primary care, mental health, substance misuse and dental care.");
  await page.getByLabel("How young people are involved").fill("## Panels\nYoung commissioning technicians score every tender.");
  await page.getByLabel(new RegExp(`${TITLE} \\(Brightwell`)).check();
  await page.getByRole("button", { name: "Save version 1" }).click();
  await expect(page.getByText("Version 1 saved")).toBeVisible();
  await expectAccessible(page, "agreement, version 1");
  await page.getByRole("radio", { name: /^Approve/ }).check();
  await page.getByLabel("To approve, type your full name as your signature").fill("Priya Shah");
  await page.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByTestId("agreement-state")).toHaveText("Waiting for the governor to sign");
  await signOut(page);

  // …and by the governor: in force.
  await signIn(page, "governor@demo.test");
  await page
    .getByTestId("pending-signoffs")
    .getByRole("link", { name: /co-commissioning agreement, version 1/ })
    .click();
  await page.getByRole("radio", { name: /^Approve/ }).check();
  await page.getByLabel("To approve, type your full name as your signature").fill("Ruth Adeyemi");
  await page.getByRole("button", { name: "Send my decision" }).click();
  await expect(page.getByTestId("agreement-state")).toHaveText("In force");
  await review(page, "governor-agreement-in-force");
  await expect(page.getByTestId("signoffs").getByText(/Approved by/)).toHaveCount(2);
  await page.goto("/contracts");
  await expect(page.getByTestId("contracts")).toContainText(TITLE);
  await signOut(page);

  await signIn(page, "governor2@demo.test");
  await page.goto("/contracts");
  // Cookham Wood's governor sees Cookham Wood's contracts (seeded), never Feltham's.
  await expect(page.getByTestId("contracts")).toContainText("Cookham Wood primary care and nursing service");
  await expect(page.getByTestId("contracts")).not.toContainText(TITLE);

  await signOut(page);

  // Young commissioner A logs paid time on a phone with JavaScript off; the commissioner approves; A sees it owed.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, javaScriptEnabled: false });
  const jay = await phone.newPage();
  await signIn(jay, "technician1@demo.test");
  await jay.goto("/time");
  await jay.getByRole("link", { name: "Log time" }).click();
  await jay.getByRole("button", { name: "Send for checking" }).click();
  await expect(jay.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  // Other tests may have put Jay on more panels: then the form asks which one.
  const panelChoice = jay.getByLabel("Which panel was it for?");
  if ((await panelChoice.count()) > 0) await panelChoice.selectOption({ label: `${TITLE} (NHSE-LDN-2026-014)` });
  await jay.getByLabel("Hours").fill("2");
  await jay.getByLabel("Minutes").fill("30");
  await jay.getByLabel(/^Scoring bids/).check();
  await jay.getByRole("button", { name: "Send for checking" }).click();
  await expect(jay.getByText("Time sent")).toBeVisible();
  expect(await jay.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await signIn(page, "commissioner@demo.test");
  await page.goto("/time");
  await page.getByRole("button", { name: /^Approve 2 hours 30 minutes for Jay/ }).click();
  await expect(page.getByText("Time approved")).toBeVisible();
  await signOut(page);

  // 2½ hours at the tender's £15.00 an hour = £37.50.
  await jay.goto("/time");
  await expect(jay.getByText("£37.50").first()).toBeVisible();
  await snap(jay, "technician-time-phone");
  // "You said, we did": the outcome and the commissioner's note.
  await jay.goto("/panels");
  await jay.getByRole("link", { name: TITLE }).click();
  await jay.getByRole("link", { name: /You said, we did/ }).click();
  await expect(jay.getByTestId("outcome")).toContainText("Brightwell Community Healthcare Ltd got the contract");
  await expect(jay.getByText("We checked evening cover as the governor asked")).toBeVisible();
  await snap(jay, "technician-you-said-we-did-phone");
  await phone.close();
});
