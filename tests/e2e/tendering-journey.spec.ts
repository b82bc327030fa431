import { expect, test, type Page } from "@playwright/test";
import { setClockOffset, signIn, signOut } from "./helpers";

// The Feltham re-tender from publication to opened bids, across roles.
const TITLE = "Feltham YOI health and wellbeing services re-tender";
const DAY = 86_400_000;

test.describe.configure({ mode: "serial" });
test.afterAll(() => setClockOffset(0));

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
  await page.getByRole("link", { name: "Start a bid" }).click();
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter your price");
  await fillBid(page, "13,900,000");
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByText("Bid submitted.")).toBeVisible();
  await expect(page.getByTestId("bid-status")).toHaveText("Submitted (version 1)");
  const firstReceipt = (await page.getByTestId("receipt-1").textContent())!.trim();
  expect(firstReceipt).toMatch(/^[0-9a-f]{64}$/);
  await page.getByLabel(/Your price/).fill("13,750,000");
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByTestId("bid-status")).toHaveText("Submitted (version 2)");
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

  // Bidders can no longer change anything.
  await signIn(page, "provider2@demo.test");
  await page.goto("/opportunities");
  await expect(page.getByText(TITLE)).toHaveCount(0);
});
