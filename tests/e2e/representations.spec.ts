import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect as baseExpect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_PASSWORD, errorSummary, expectAccessible, expectHeadingOrder, setClockOffset, snap } from "./helpers";

// Representations during standstill (PSR regulation 12(3)) in the browser, on
// a tender of this spec's own (tests/e2e/fresh-standstill-tender.ts) so no
// other spec's data changes: the runner-up writes one from its outcome letter
// with JavaScript off, the commissioner asks it to clarify and, after the
// standstill, decides to continue; the award waits a further 5 working days;
// the governor reads it all. Each page is checked by axe at 1280 and 360 px.
// The clock is the server's (src/server/clock.ts), moved by whole days.

test.describe.configure({ mode: "serial", timeout: 300_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const DAY = 86_400_000;
// Past the standstill (at most 8 working days plus Christmas and New Year from today).
const AFTER_STANDSTILL = 25 * DAY;
// Past a further 5 working days from the decision made at AFTER_STANDSTILL (Christmas included).
const AFTER_FURTHER_DAYS = AFTER_STANDSTILL + 15 * DAY;

const BIDDER = "provider3@demo.test"; // Harbour Youth Health Alliance: ranked last
const BIDDER_NAME = "Harbour Youth Health Alliance";
const TEXT = "We think the panel misread our staffing plan for evening cover on the wings: see page 4 of our answer.";
const QUESTION = "Which part of page 4 do you mean: the rota or the on-call cover?";
const ANSWER = "The rota: two nurses on every wing until 10pm, which the panel's reasons say we did not offer.";
const REASONS = "We checked the submitted bid: the rota was read and scored; the marks stand.";
const PDF = "%PDF-1.4 evidence: staffing rota";

let fresh: { tenderId: string; awardDecisionId: string; title: string };
const letterPath = () => `/letters/${fresh.awardDecisionId}`;
const awardPath = () => `/tenders/${fresh.tenderId}/award`;

/** Signs in, allowing for a cold server on a busy machine (the first sign-in compiles and hashes). */
async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 60_000 });
}

/** A fresh browser (no shared cookies) signed in as `email`. */
async function as(browser: Browser, email: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

/** axe at desktop and phone width, headings in order, a phone screenshot, and nothing wider than a phone. */
async function checkBothWidths(page: Page, name: string) {
  await expectAccessible(page, name, [1280, 360]);
  await expectHeadingOrder(page, name);
  await page.setViewportSize({ width: 360, height: 740 });
  await snap(page, `${name}-360`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} at 360 px`).toBe(
    0,
  );
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.beforeAll(() => {
  setClockOffset(0);
  const out = execFileSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "tests/e2e/fresh-standstill-tender.ts", String(Date.now())],
    { encoding: "utf8", timeout: 180_000 },
  );
  fresh = JSON.parse(out.trim().split("\n").at(-1)!) as typeof fresh;
});

test.afterAll(() => setClockOffset(0));

test("the representation form on the outcome letter: errors next to the field, accessible at both widths", async ({ browser }) => {
  const bidder = await as(browser, BIDDER);
  const { page } = bidder;
  await page.goto("/opportunities");
  await page
    .getByRole("region", { name: "Your outcome letters" })
    .getByRole("link", { name: new RegExp(fresh.title) })
    .click();
  await expect(page.getByTestId("outcome-letter")).toContainText("was not successful");
  await expect(page.getByRole("heading", { name: "Representations" })).toBeVisible();
  await checkBothWidths(page, "representation-form");
  await page.getByRole("button", { name: "Send your representation" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expect(page.locator("#representation-field-text-error")).toHaveText("Error: Write your representation");
  // No file chosen is no file, not a file in error.
  await expect(errorSummary(page).getByRole("link")).toHaveText(["Write your representation"]);
  await expect(page.locator("#representation-field-attachments-error")).toHaveCount(0);
  await checkBothWidths(page, "representation-form-errors");
  await bidder.close();
});

test("with JavaScript off, the bidder sends a representation with a file", async ({ browser }) => {
  const bidder = await as(browser, BIDDER, { javaScriptEnabled: false });
  const { page } = bidder;
  await page.goto(letterPath());
  await page.getByRole("button", { name: "Send your representation" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expect(page.locator("#representation-field-text-error")).toHaveText("Error: Write your representation");
  await page.getByLabel("Your representation", { exact: true }).fill(TEXT);
  await page
    .getByLabel("Files (optional)")
    .setInputFiles({ name: "staffing-rota.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) });
  await page.getByRole("button", { name: "Send your representation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your representation has been sent." })).toBeVisible();
  await expect(page.getByTestId("representation")).toContainText(TEXT);
  await expect(page.getByTestId("representation-status")).toHaveText("Open: waiting for the commissioner");
  await expect(page.getByRole("link", { name: "staffing-rota.pdf" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send your representation" })).toHaveCount(0);
  await snap(page, "representation-sent-no-js");
  await bidder.close();
});

test("the commissioner reads it with its file on the award page and asks the bidder to clarify; the bidder answers", async ({
  browser,
}) => {
  const commissioner = await as(browser, "commissioner@demo.test");
  let page = commissioner.page;
  await page.goto(awardPath());
  const section = page.getByTestId("representations");
  await expect(section).toContainText(TEXT);
  await expect(section.getByRole("status")).toContainText("1 representation is open.");
  await expect(page.getByRole("button", { name: "Confirm the award" })).toHaveCount(0);
  const file = await page.request.get((await section.getByRole("link", { name: "staffing-rota.pdf" }).getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(await file.text()).toBe(PDF);
  await checkBothWidths(page, "award-representation-open");

  await page.getByLabel(`Ask ${BIDDER_NAME} to explain or clarify (optional)`).fill(QUESTION);
  await page.getByRole("button", { name: "Send the question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your question has been sent to the provider." })).toBeVisible();
  await expect(page.getByTestId("representation-status")).toHaveText("Open: waiting for the provider to clarify");
  await expect(page.getByTestId("representation")).toContainText(QUESTION);
  await commissioner.close();

  const bidder = await as(browser, BIDDER);
  page = bidder.page;
  await page.goto(letterPath());
  await expect(page.getByTestId("representation")).toContainText(QUESTION);
  await checkBothWidths(page, "representation-clarification-asked");
  await page.getByLabel("Your answer to the commissioner").fill(ANSWER);
  await page.getByRole("button", { name: "Send your answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your answer has been sent to the commissioner." })).toBeVisible();
  await expect(page.getByTestId("representation")).toContainText(ANSWER);
  await expect(page.getByTestId("representation-status")).toHaveText("Open: waiting for the commissioner");
  await bidder.close();
});

test("after standstill the open representation still holds the award; the commissioner decides to continue", async ({ browser }) => {
  setClockOffset(AFTER_STANDSTILL);
  const commissioner = await as(browser, "commissioner@demo.test");
  const { page } = commissioner;
  await page.goto(awardPath());
  await expect(page.getByTestId("representation")).toContainText(ANSWER);
  await expect(page.getByTestId("confirm-held")).toContainText("still open");
  await expect(page.getByRole("button", { name: "Confirm the award" })).toHaveCount(0);

  await page.getByRole("button", { name: "Record the decision" }).click();
  // The error summary lists the problems in the order of the fields.
  await expect(errorSummary(page).getByRole("link")).toHaveText(["Choose what happens next", "Give the reasons for your decision"]);
  await checkBothWidths(page, "representation-decision-errors");
  await page.getByRole("radio", { name: /^Continue with the award/ }).check();
  await page.getByRole("textbox", { name: "Your reasons" }).fill(REASONS);
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decision recorded: the award continues." })).toBeVisible();
  await expect(page.getByTestId("representation-review")).toContainText(REASONS);
  await expect(page.getByTestId("representation-status")).toHaveText("Decided");
  // Refused until a further 5 working days have passed from this notice.
  await expect(page.getByTestId("confirm-held")).toContainText("5 working days after that notice");
  await expect(page.getByRole("button", { name: "Confirm the award" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Record the decision" })).toHaveCount(0);
  // Checked as it is opened later, without the confirmation banner (which sits above the h1, as on every page).
  await page.goto(awardPath());
  await expect(page.getByTestId("representation-review")).toContainText(REASONS);
  await checkBothWidths(page, "representation-decided");
  await commissioner.close();

  // The bidder reads the decision under its letter.
  const bidder = await as(browser, BIDDER);
  await bidder.page.goto(letterPath());
  await expect(bidder.page.getByTestId("representation-review")).toContainText(REASONS);
  await expect(bidder.page.getByTestId("representation-review")).toContainText("5 working days after this notice");
  await checkBothWidths(bidder.page, "representation-decision-for-bidder");
  await bidder.close();
});

test("the governor reads the representation and the decision, read only", async ({ browser }) => {
  const governor = await as(browser, "governor@demo.test");
  const { page } = governor;
  await page.goto(`/establishment/sign-offs/${fresh.awardDecisionId}`);
  const section = page.getByTestId("representations");
  await expect(section).toContainText(TEXT);
  await expect(section).toContainText(QUESTION);
  await expect(section).toContainText(ANSWER);
  await expect(section.getByTestId("representation-review")).toContainText(REASONS);
  await expect(section.getByRole("link", { name: "staffing-rota.pdf" })).toBeVisible();
  for (const action of ["Send the question", "Record the decision", "Confirm the award"]) {
    await expect(page.getByRole("button", { name: action })).toHaveCount(0);
  }
  await checkBothWidths(page, "representation-governor");
  await governor.close();
});

test("after a further 5 working days the commissioner confirms the award", async ({ browser }) => {
  setClockOffset(AFTER_FURTHER_DAYS);
  const commissioner = await as(browser, "commissioner@demo.test");
  const { page } = commissioner;
  await page.goto(awardPath());
  await expect(page.getByTestId("confirm-held")).toHaveCount(0);
  await page.getByRole("button", { name: "Confirm the award" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Award confirmed. The contract is in the register." })).toBeVisible();
  await commissioner.close();
});

test("the tender's audit trail and the admin's audit log show each step, accessible at both widths", async ({ browser }) => {
  setClockOffset(0);
  const commissioner = await as(browser, "commissioner@demo.test");
  await commissioner.page.goto(`/tenders/${fresh.tenderId}/audit`);
  const events = commissioner.page.getByRole("list", { name: "Events, oldest first" });
  await commissioner.page.getByLabel("Show").selectOption({ label: "Representations" });
  await commissioner.page.getByRole("button", { name: "Filter" }).click();
  await expect(commissioner.page).toHaveURL(/kind=representation/);
  await expect(events.getByRole("listitem")).toHaveCount(4);
  for (const what of [
    "Representation made during standstill",
    "Provider asked to clarify its representation",
    "Provider clarified its representation",
    "Further decision: the award continues",
  ]) {
    await expect(events.getByText(what)).toBeVisible();
  }
  await checkBothWidths(commissioner.page, "audit-trail-with-representation");
  await commissioner.close();

  const admin = await as(browser, "admin@demo.test");
  await admin.page.goto("/admin/audit");
  await expect(admin.page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await checkBothWidths(admin.page, "admin-audit-log");
  await admin.close();
});
