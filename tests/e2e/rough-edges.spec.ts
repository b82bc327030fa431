import { expect, test } from "@playwright/test";
import { errorSummary, signIn, signOut } from "./helpers";

// Rough edges a new user tripped over (issue 13), each fixed.

test("the new tender form keeps every value after an error and lists each problem once", async ({ page }) => {
  await signIn(page, "commissioner2@demo.test");
  await page.goto("/tenders/new");
  await page.getByLabel("Summary in plain language").fill("Eye tests and glasses for young people at Cookham Wood.");
  await page.getByLabel("Establishment").selectOption({ label: "HMYOI Cookham Wood" });
  await page.getByLabel("Estimated total value (£)").fill("150,000");
  await page.getByLabel("Panel parity").check();
  // Title and reference missing; deadline dates left empty with the pre-filled times.
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(errorSummary(page).getByRole("listitem")).toHaveCount(2);
    await expect(errorSummary(page)).toContainText("Enter a title");
    await expect(errorSummary(page)).toContainText("Enter a reference");
    await expect(page.getByLabel("Establishment")).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByLabel("Establishment").locator("option:checked")).toHaveText("HMYOI Cookham Wood");
    await expect(page.getByLabel("Summary in plain language")).toHaveValue("Eye tests and glasses for young people at Cookham Wood.");
    await expect(page.getByLabel("Estimated total value (£)")).toHaveValue("150,000");
    await expect(page.getByLabel("Panel parity")).toBeChecked();
    await expect(page.locator("#field-clarificationDeadlineTime")).toHaveValue("12:00");
    await expect(page.locator("#field-submissionDeadlineTime")).toHaveValue("17:00");
  }
});

test("a commissioner invited to a panel sees the invitation on their landing page, and the button's name starts with its visible text", async ({
  page,
}) => {
  await signIn(page, "commissioner2@demo.test");
  await expect(page).toHaveURL(/\/tenders$/);
  const invitations = page.getByRole("region", { name: "You have been asked to join a panel" });
  const join = invitations.getByRole("button", { name: "Yes, join the panel: Cookham Wood speech, language and communication service" });
  await expect(join).toBeVisible();
  // WCAG 2.5.3 label in name: the accessible name contains the visible text, at its start.
  const visible = (await join.innerText()).trim();
  const name = await join.getAttribute("aria-label");
  expect(visible).toBe("Yes, join the panel");
  expect(name?.startsWith(visible)).toBe(true);
});

test("a provider opening another bidder's letter gets 'not found', not their own letter", async ({ page }) => {
  // The address of Brightwell's letter, as the commissioner sees it.
  await signIn(page, "commissioner@demo.test");
  await page.getByRole("link", { name: "Cookham Wood substance misuse and recovery service" }).click();
  await page.getByRole("link", { name: /Standstill, letters and confirming the award/ }).click();
  await page.getByRole("link", { name: "Letter to Brightwell Community Healthcare Ltd" }).click();
  await expect(page).toHaveTitle(
    "Outcome letter to Brightwell Community Healthcare Ltd: Cookham Wood substance misuse and recovery service (NHSE-LDN-2026-006) – CoCommission",
  );
  await page.getByRole("link", { name: "All letters for this award" }).click();
  await expect(page).toHaveTitle("Outcome letters: Cookham Wood substance misuse and recovery service (NHSE-LDN-2026-006) – CoCommission");
  const brightwell = await page.getByRole("link", { name: "Letter to Brightwell Community Healthcare Ltd" }).getAttribute("href");
  const thameside = await page.getByRole("link", { name: "Letter to Thameside Health Partnership CIC" }).getAttribute("href");
  await signOut(page);

  await signIn(page, "provider1@demo.test");
  const response = await page.goto(brightwell!);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("outcome-letter")).toHaveCount(0);
  await expect(page.getByText("Brightwell")).toHaveCount(0);
  await expect(page).not.toHaveTitle(/Brightwell|Cookham/);
  // Their own letter opens at its own address.
  await page.goto(thameside!);
  await expect(page.getByTestId("outcome-letter")).toContainText("Thameside Health Partnership CIC");
  await expect(page).toHaveTitle(
    "Outcome letter to Thameside Health Partnership CIC: Cookham Wood substance misuse and recovery service (NHSE-LDN-2026-006) – CoCommission",
  );
});
