import { expect, test, type Page } from "@playwright/test";
import { errorSummary, signIn, signOut } from "./helpers";

const reference = `E2E-${Date.now()}`;

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function acceptPanelInvitation(page: Page, email: string, title: string) {
  await signIn(page, email);
  await page.getByRole("button", { name: `Yes, join the panel: ${title}` }).click();
  await expect(page.getByText("You have joined the panel")).toBeVisible();
  await signOut(page);
}

test("a commissioner creates, configures and publishes a tender", async ({ page }) => {
  const title = `Cookham Wood mental health in-reach ${reference}`;
  await signIn(page, "commissioner2@demo.test");
  await page.getByRole("link", { name: "Create a tender" }).click();

  // Nothing entered: every problem is listed and nothing is saved.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(errorSummary(page)).toContainText("Enter a title");
  await expect(errorSummary(page)).toContainText("Select the establishment");

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Reference").fill(reference);
  await page
    .getByLabel("Summary in plain language")
    .fill("Mental health support for young people at Cookham Wood, chosen with young commissioners.");
  await page.getByLabel("Establishment").selectOption({ label: "HMYOI Cookham Wood" });
  await page.getByLabel("Estimated total value (£)").fill("2,400,000");
  await page.getByLabel("Contract term in months").fill("36");
  await page.getByLabel("Hourly rate for young commissioners (£)").fill("15");
  await page.getByLabel("Panel parity").check();
  await page.locator("#field-clarificationDeadline").fill(futureDate(10));
  await page.locator("#field-submissionDeadline").fill(futureDate(5));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("£2,400,000.00")).toBeVisible();

  // Publishing now lists what is missing.
  await page.getByRole("button", { name: "Publish tender" }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText("Add at least one criterion");
  await expect(summary).toContainText("The clarification deadline must be before the submission deadline");
  await expect(summary).toContainText("at least 2 young commissioners");

  await page.getByRole("link", { name: "Change details" }).click();
  await page.locator("#field-clarificationDeadline").fill(futureDate(3));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Tender details saved")).toBeVisible();

  await page.getByRole("link", { name: "Edit criteria" }).click();
  await page.getByRole("button", { name: "Use the PSR key criteria" }).click();
  await expect(page.getByTestId("weight-total")).toContainText("Total weight: 100% (ready)");
  await page.getByRole("button", { name: "Remove: Social value" }).click();
  await expect(page.getByTestId("weight-total")).toContainText("Total weight: 85%");
  await page.getByRole("button", { name: "Move up: Value" }).click();
  await expect(page.locator("ol > li h2").first()).toContainText("Value");
  const add = page.locator("form", { has: page.getByRole("button", { name: "Add criterion" }) });
  await add.getByLabel("Name").fill("Listening to young people");
  await add
    .getByLabel("Plain-language description")
    .fill("How they will ask young people what they think and change things because of it.");
  await add.getByLabel("Weight (%)").fill("15");
  await add.getByRole("button", { name: "Add criterion" }).click();
  await expect(page.getByTestId("weight-total")).toContainText("Total weight: 100% (ready)");

  await page.getByRole("link", { name: "Back to the tender" }).click();
  await page.getByRole("link", { name: "Manage the panel" }).click();
  for (const person of ["Jay (young commissioner)", "Mia (young commissioner)"]) {
    await page.getByLabel("Person").selectOption({ label: person });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Invitation sent")).toBeVisible();
  }
  await expect(page.getByRole("cell", { name: "Young commissioner A" })).toBeVisible();
  await signOut(page);

  await acceptPanelInvitation(page, "technician1@demo.test", title);
  await acceptPanelInvitation(page, "technician2@demo.test", title);

  await signIn(page, "commissioner2@demo.test");
  await page.getByRole("searchbox", { name: "Title or reference" }).fill(reference);
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Everything is ready.")).toBeVisible();
  await page.getByRole("button", { name: "Publish tender" }).click();
  await expect(page.getByText("Tender published.")).toBeVisible();
  await expect(page.getByText("Open for bids")).toBeVisible();
  await signOut(page);

  // Providers see it; the other establishment's governor does not.
  await signIn(page, "provider1@demo.test");
  await expect(page.getByText(title)).toBeVisible();
  await signOut(page);
  await signIn(page, "governor@demo.test");
  await expect(page.getByText(title)).toHaveCount(0);
  await signOut(page);
  await signIn(page, "governor2@demo.test");
  await expect(page.getByText(title)).toBeVisible();
});
