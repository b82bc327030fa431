import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { devices, expect as baseExpect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_PASSWORD, errorSummary, expectAccessible, expectHeadingOrder, signIn, snap } from "./helpers";

// Young people without an account (issue 24): a facilitator makes code cards and prints them; three young people
// answer the easy-read form on a phone (one with JavaScript off); the facilitator checks the answers (accepts one,
// sets one aside, flags a disclosure, which then only they can read). On a stage of this spec's own
// (tests/e2e/fresh-shaping-stage.ts). Each page is checked by axe at 1280 and 360 px.

test.describe.configure({ mode: "serial", timeout: 300_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const FACILITATOR = "commissioner2@demo.test";
const LEAD = "commissioner@demo.test";
const PHONE: BrowserContextOptions = { ...devices["Pixel 5"], viewport: { width: 360, height: 740 } };
const DISCLOSURE = "Someone on my wing takes my food and hits me when staff are not looking";

let stage = { stageId: "", title: "" };
let codes: string[] = [];

test.beforeAll(() => {
  const out = execFileSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "tests/e2e/fresh-shaping-stage.ts", String(Date.now())],
    {
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  stage = JSON.parse(out.trim().split("\n").at(-1)!) as typeof stage;
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

test("a facilitator makes a batch of code cards, shown once, that print 8 to an A4 page", async ({ browser }) => {
  const page = await signedIn(browser, FACILITATOR);
  await page.goto(`/shaping/${stage.stageId}/codes`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Code cards for young people without an account");
  await expectAccessible(page, "code cards (empty)");

  // Bad input: a message next to the field, nothing made.
  await page.getByLabel("How many cards?").fill("500");
  await page.getByRole("button", { name: "Make the cards" }).click();
  await expect(errorSummary(page).getByRole("link", { name: /from 1 to 200/ })).toBeVisible();
  await expect(page.getByText("No cards made yet.")).toBeVisible();

  await page.getByLabel("How many cards?").fill("10");
  await page.getByRole("button", { name: "Make the cards" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Batch 1: 10 code cards made" })).toBeVisible();
  await expect(page.getByText("The codes are shown only this once.")).toBeVisible();
  codes = await page.getByTestId("card-code").allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{2}$/);
  await expect(page.locator(".code-card svg")).toHaveCount(10);
  await expect(page.getByRole("row", { name: /^1 / })).toContainText("10");
  await snap(page, "have-your-say-code-cards");
  await expectAccessible(page, "code cards (made)");

  // On paper: only the cards, 8 to an A4 page.
  await page.emulateMedia({ media: "print" });
  await snap(page, "have-your-say-code-cards-print");
  await expect(page.getByRole("heading", { name: "Batches made" })).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  mkdirSync("test-results/screens", { recursive: true });
  writeFileSync("test-results/screens/have-your-say-code-cards.pdf", pdf);
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(2);
  await page.emulateMedia({ media: "screen" });

  // Afterwards the batch shows counts, never a code.
  await page.goto(`/shaping/${stage.stageId}/codes`);
  await expect(page.getByRole("row", { name: /^1 / })).toContainText("10");
  for (const code of codes) await expect(page.getByText(code)).toHaveCount(0);
  await page.context().close();
});

async function phone(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  return (await browser.newContext({ ...PHONE, javaScriptEnabled })).newPage();
}

async function answer(page: Page, answers: string[], choices: { age?: string; quote?: "yes" | "no" } = {}) {
  const boxes = page.getByRole("textbox");
  for (const [i, text] of answers.entries()) if (text) await boxes.nth(i).fill(text);
  if (choices.age) await page.getByLabel(choices.age, { exact: true }).check();
  if (choices.quote === "yes") await page.getByLabel("Yes, you can use my words").check();
  if (choices.quote === "no") await page.getByLabel("No, do not use my words").check();
  await page.getByRole("button", { name: "Send my answers" }).click();
}

async function expectThanksAndNothingLeft(page: Page, words: string) {
  await expect(page).toHaveURL(/\/have-your-say\/thanks$/);
  await expect(page.getByText("Your answers have been sent.")).toBeVisible();
  await expect(page.getByText(words)).toHaveCount(0);
  // Back shows nothing personal: the thank-you page replaced the form in the history, and a form page asked for again
  // comes from the server (no-store), where the used code no longer opens it. Without JavaScript the page before is
  // a form's POST answer, which a no-store page never keeps: the browser shows its own "confirm resubmission" page
  // (ERR_CACHE_MISS) rather than the answers, which is what a shared device needs.
  await page.goBack().catch((error: unknown) => {
    if (!String(error).includes("ERR_CACHE_MISS")) throw error;
  });
  await expect(page.getByText(words)).toHaveCount(0);
  if (await page.getByLabel("Your code").count()) await expect(errorSummary(page)).toContainText("That code is not working");
}

test("a young person on a phone opens the form from the card's QR link and answers", async ({ browser }) => {
  const page = await phone(browser);
  const response = await page.goto(`/have-your-say?code=${encodeURIComponent(codes[0]!)}`);
  expect(response!.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Have your say about health care here");
  await expect(page.getByRole("complementary", { name: "If you are worried" }).first()).toContainText("0800 1111");
  await expect(page.getByText(stage.title)).toHaveCount(0);
  await snap(page, "have-your-say-form-360");
  await expectAccessible(page, "the anonymous form");
  await expectHeadingOrder(page, "the anonymous form");
  const noSideways = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noSideways).toBe(true);

  await answer(page, ["More nurses at night, and a quicker dentist 🦷", "", "Kind and they listen"], { age: "17", quote: "yes" });
  await snap(page, "have-your-say-thanks-360");
  await expectAccessible(page, "thank you");
  await expectThanksAndNothingLeft(page, "More nurses at night");
  await page.context().close();
});

// axe runs scripts in the page, so these pages are checked by axe with JavaScript on, in the next test.
test("without JavaScript: the code typed by hand, an empty form refused, then answers sent", async ({ browser }) => {
  const page = await phone(browser, false);
  await page.goto("/have-your-say");
  await snap(page, "have-your-say-enter-code-360");
  // A wrong code: one clear message, no hint why.
  await page.getByLabel("Your code").fill("ABCD-EFGH-JK");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(errorSummary(page)).toContainText("That code is not working");
  // Typed as a young person might: small letters and spaces.
  await page.getByLabel("Your code").fill(codes[1]!.toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByRole("button", { name: "Send my answers" })).toBeVisible();
  // Nothing written: told, and the code still works.
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(errorSummary(page)).toContainText("Write an answer to at least one question");
  await answer(page, [DISCLOSURE], { quote: "no" });
  await expectThanksAndNothingLeft(page, DISCLOSURE);
  await page.context().close();
});

test("a third young person sends a short answer; a used code opens nothing", async ({ browser }) => {
  const page = await phone(browser);
  await page.goto(`/have-your-say?code=${encodeURIComponent(codes[2]!)}`);
  await answer(page, ["", "", "", "asdf asdf asdf"]);
  await expect(page).toHaveURL(/\/have-your-say\/thanks$/);
  await page.goto(`/have-your-say?code=${encodeURIComponent(codes[0]!)}`);
  await expect(errorSummary(page)).toContainText("That code is not working");
  await expectAccessible(page, "have your say: a used code");
  await page.goto("/have-your-say");
  await expectAccessible(page, "have your say: enter a code");
  await page.context().close();
});

test("the facilitator checks: accepts, sets aside with a reason, flags a disclosure that only they can read", async ({ browser }) => {
  const page = await signedIn(browser, FACILITATOR);
  await page.goto(`/shaping/${stage.stageId}/check`);
  await expect(page.getByRole("heading", { name: "Waiting for a check (4)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Answers on one code card \(batch 1\)/ })).toHaveCount(3);
  await snap(page, "have-your-say-check-queue");
  await expectAccessible(page, "the check queue");
  await expectHeadingOrder(page, "the check queue");

  const item = (text: string) =>
    page
      .getByRole("listitem")
      .filter({ has: page.getByText(text, { exact: false }) })
      .last();
  // Set aside without a reason: told, nothing changes.
  await item("asdf asdf").getByLabel("Set it aside").check();
  await item("asdf asdf").getByRole("button", { name: "Save this check" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Say why you are setting this answer aside" })).toBeVisible();
  await item("asdf asdf").getByLabel("Set it aside").check();
  await item("asdf asdf").getByLabel("Why are you setting it aside?").fill("Keyboard mash, not an answer");
  await item("asdf asdf").getByRole("button", { name: "Save this check" }).click();
  await expect(page.getByRole("status")).toContainText("Answer set aside");

  await item("More nurses at night").getByLabel("Accept it").check();
  await item("More nurses at night").getByRole("button", { name: "Save this check" }).click();
  await expect(page.getByRole("status")).toContainText("Answer accepted");

  await item(DISCLOSURE).getByLabel("Flag it as a disclosure").check();
  await item(DISCLOSURE).getByRole("button", { name: "Save this check" }).click();
  await expect(page.getByRole("status")).toContainText("flagged as a disclosure");
  await expect(page.getByRole("heading", { name: "Disclosures you flagged (1)" })).toBeVisible();
  await expect(page.getByText(DISCLOSURE)).toBeVisible();
  await expect(page.getByText("Follow your establishment's safeguarding procedure.").first()).toBeVisible();
  // The accepted answer agreed to be quoted: it can be withdrawn for the young person.
  await page.getByRole("button", { name: "Withdraw this quote" }).click();
  await expect(page.getByRole("status")).toContainText("Quote withdrawn");
  await snap(page, "have-your-say-check-done");
  await expectAccessible(page, "the check queue after checking");
  await page.context().close();

  // Another facilitator (the commissioner running the tender) sees a count, never the words.
  const lead = await signedIn(browser, LEAD);
  await lead.goto(`/shaping/${stage.stageId}/check`);
  await expect(lead.getByText("Flagged as disclosures:")).toContainText("1");
  await expect(lead.getByText(DISCLOSURE)).toHaveCount(0);
  await expect(lead.getByRole("heading", { name: /Disclosures you flagged/ })).toHaveCount(0);
  await lead.context().close();
});
