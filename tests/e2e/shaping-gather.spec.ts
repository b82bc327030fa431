import { expect, test } from "@playwright/test";
import { errorSummary, expectAccessible, signIn, signOut } from "./helpers";

// Gathering views (issue 24): a commissioner opens a shaping stage on a new draft and invites people; a young
// commissioner on a phone accepts and answers (saved as they type); a facilitator records a focus group with
// JavaScript off.

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/London" });

test("a commissioner opens a shaping stage, a young commissioner answers on a phone, a facilitator records a focus group", async ({
  page,
  browser,
}) => {
  test.setTimeout(480_000);
  const reference = `SHAPE-E2E-${Date.now()}`;
  await signIn(page, "commissioner@demo.test");
  await page.goto("/tenders/new");
  await page.getByLabel("Title").fill("Feltham YOI dental service");
  await page.getByLabel("Reference").fill(reference);
  await page.getByLabel("Summary in plain language").fill("Dental care for young people at Feltham.");
  await page.getByLabel("Establishment").selectOption({ label: "HMYOI Feltham" });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feltham YOI dental service");

  await page.getByRole("link", { name: "Shape this service with young people" }).click();
  await expectAccessible(page, "open a shaping stage");
  await page.getByRole("button", { name: "Start shaping" }).click();
  await expect(errorSummary(page)).toContainText("Say what the service is for");
  await page
    .getByLabel("What is the service for, and what do you want to learn?")
    .fill("We want to know what would make the dentist feel safe.");
  await page.getByLabel("First day of gathering views").fill(day(0));
  await page.getByLabel("Last day of gathering views").fill(day(14));
  await page.getByRole("button", { name: "Start shaping" }).click();
  await expect(page.getByText("Shaping stage started")).toBeVisible();
  const stageUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("shaping-status")).toContainText("Planning");
  await expectAccessible(page, "shaping stage overview");

  await page.getByRole("navigation", { name: "This shaping stage" }).getByRole("link", { name: "People" }).click();
  await page.getByLabel("Person").selectOption({ label: "Kai (young commissioner)" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent")).toBeVisible();
  await page.getByLabel("Person").selectOption({ label: "Tom Okafor (commissioner)" });
  await page.getByLabel("Facilitator").check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("cell", { name: "Commissioner, facilitator" })).toBeVisible();
  await expectAccessible(page, "shaping people");
  await page.getByRole("navigation", { name: "This shaping stage" }).getByRole("link", { name: "Questions" }).click();
  await expectAccessible(page, "shaping questions");
  await signOut(page);

  // Kai, on a phone: accepts on the home page.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const kai = await phone.newPage();
  await signIn(kai, "technician3@demo.test");
  await kai.goto("/panels");
  await kai.getByRole("button", { name: "Yes, I will help: Feltham YOI dental service" }).click();
  await expect(kai.getByText("Thank you for joining")).toBeVisible();

  // The commissioner opens gathering.
  await signIn(page, "commissioner@demo.test");
  await page.goto(stageUrl);
  await page.getByRole("button", { name: "Open gathering" }).click();
  await expect(page.getByText("Gathering is open")).toBeVisible();
  await signOut(page);

  // Kai answers: saved as they type, kept after a reload.
  await kai.goto(`${stageUrl}/answer`);
  const first = kai.getByLabel("What needs to change about health care here?");
  await first.fill("Tell me what you are going to do before you do it. 🦷");
  await expect(kai.getByTestId("answer-status").first()).toContainText("Saved at");
  await kai.reload();
  await expect(kai.getByLabel("What needs to change about health care here?")).toHaveValue(
    "Tell me what you are going to do before you do it. 🦷",
  );
  await expectAccessible(kai, "answering on a phone", [360]);
  await phone.close();

  // Tom records a focus group with JavaScript off.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const tom = await noScript.newPage();
  await signIn(tom, "commissioner2@demo.test");
  await tom.goto("/shaping");
  await tom.getByRole("button", { name: "Yes, I will help: Feltham YOI dental service" }).click();
  await tom.goto(`${stageUrl}/sessions/new`);
  await expect(tom.getByTestId("no-names")).toContainText("No names");
  await tom.getByRole("button", { name: "Record the session" }).click();
  await expect(errorSummary(tom)).toContainText("Say where it was held");
  await tom.getByLabel("Date it was held").fill(day(0));
  await tom.getByLabel("Where it was held").fill("Education block, room 2");
  await tom.getByLabel("How many young people took part").fill("6");
  await tom.getByLabel("17", { exact: true }).check();
  await tom.getByLabel("1. What needs to change about health care here?").fill("Shorter waits\nExplain the treatment first");
  await tom.getByRole("button", { name: "Record the session" }).click();
  await expect(tom.getByText("Session recorded")).toBeVisible();
  await expect(tom.getByTestId("sessions")).toContainText("6 young people");
  await expectAccessible(tom, "focus groups");
  await noScript.close();
});
