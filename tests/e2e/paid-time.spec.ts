import { expect, test, type Page } from "@playwright/test";
import { errorSummary, expectAccessible, signIn, signOut } from "./helpers";

// Paid time across two young commissioners and the commissioner: time sent back
// stays in the commissioner's view; nobody reaches another's entry by its address.

/** One site header and one <main id="main">, whatever page this is. */
async function expectOneHeaderAndMain(page: Page) {
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("main#main")).toHaveCount(1);
}

test("time sent back stays listed for the commissioner; other people's, unknown and malformed entries are 404", async ({ page }) => {
  // Young commissioner B (Mia) logs time.
  await signIn(page, "technician2@demo.test");
  await page.goto("/time/new");
  const panelChoice = page.getByLabel("Which panel was it for?");
  // The Feltham re-tender, which commissioner@demo.test runs (other e2e tests may have put Mia on other panels).
  if ((await panelChoice.count()) > 0)
    await panelChoice.selectOption({ label: "Feltham YOI health and wellbeing services re-tender (NHSE-LDN-2026-014)" });
  await page.getByLabel("Hours").fill("1");
  await page.getByLabel("Minutes").fill("15");
  await page.getByLabel(/^Training/).check();
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByText("Time sent")).toBeVisible();
  const editHref = await page
    .getByRole("link", { name: /^Change or delete/ })
    .first()
    .getAttribute("href");
  expect(editHref).toMatch(/^\/time\/[0-9a-f-]{36}\/edit$/);
  await page.goto(editHref!);
  await expect(page.getByRole("heading", { name: "Change your time" })).toBeVisible();
  await expectAccessible(page, "changing a time entry");
  await signOut(page);

  // The commissioner sends it back; it stays listed, with the note, until Mia sends it again.
  await signIn(page, "commissioner@demo.test");
  await page.goto("/time");
  const entry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Mia: 1 hour 15 minutes" }) });
  // Sending back opens its note form on demand (?return=<entry>); the other entries keep a link.
  await entry.getByRole("link", { name: /^Send back with a note\s+for the time Mia logged on / }).click();
  await expect(page).toHaveURL(/[?&]return=[0-9a-f-]{36}#return-/);
  await expect(page.getByRole("textbox", { name: "Or send it back with a note" })).toHaveCount(1);
  await entry.getByRole("textbox", { name: "Or send it back with a note" }).fill("Which training session was this?");
  await entry.getByRole("button", { name: /^Send back the time for Mia/ }).click();
  await expect(page.getByText("Time sent back")).toBeVisible();
  const returned = page.getByRole("region", { name: /^Sent back, waiting for changes \(\d+\)/ });
  await expect(returned).toContainText("Mia: 1 hour 15 minutes");
  await expect(returned).toContainText("Which training session was this?");
  await expectAccessible(page, "paid time with time sent back");
  await signOut(page);

  // Young commissioner A (Jay) cannot open Mia's entry, nor an unknown or malformed one.
  await signIn(page, "technician1@demo.test");
  for (const path of [editHref!, "/time/00000000-0000-4000-8000-000000000000/edit", "/time/not-a-uuid/edit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByText("Which training session")).toHaveCount(0);
    await expectOneHeaderAndMain(page);
    // Still signed in, with the menu.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Paid time" })).toBeVisible();
  }
  await expectAccessible(page, "404 inside the portal");
  // A page their role may not use: 403, again with one header and one main.
  const forbidden = await page.goto("/admin/users");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot see this page");
  await expectOneHeaderAndMain(page);
  await expectAccessible(page, "403 inside the portal");
  await signOut(page);

  // Signed out, an address that matches nothing: still one header and one main.
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectOneHeaderAndMain(page);
  const invitation = await page.goto("/invitations/not-a-real-token");
  expect(invitation?.status()).toBeLessThan(500);
  await expectOneHeaderAndMain(page);

  // Mia fixes it: it leaves the commissioner's "sent back" list.
  await signIn(page, "technician2@demo.test");
  await page.goto(editHref!);
  await expect(page.getByText("Which training session was this?")).toBeVisible();
  await page.getByLabel("Note (optional)").fill("The safeguarding training on Monday.");
  await page.getByRole("button", { name: "Save and send for checking" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
  await signOut(page);
  await signIn(page, "commissioner@demo.test");
  await page.goto("/time");
  await expect(page.getByRole("region", { name: /^Sent back, waiting for changes/ })).not.toContainText("Mia: 1 hour 15 minutes");
  await expect(errorSummary(page)).toHaveCount(0);
});
