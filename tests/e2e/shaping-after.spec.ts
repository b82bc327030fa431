import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn, snap } from "./helpers";

// Every stage after shaping shows what young people shaped (issue 24): the notice providers read, the scoring sheet,
// the governor's sign-off, "You said, we did" and the easy-read summary printed for the wing. Two tenders of this
// spec's own, shaped with the demo's finished shaping before they were published (tests/e2e/fresh-shaped-tender.ts):
// one in evaluation, one approved and in standstill.

interface Fresh {
  tenderId: string;
  stageId: string;
  title: string;
  awardDecisionId: string | null;
}
let evaluation: Fresh;
let standstill: Fresh;

/** Words young people said that no page outside the shaping stage may show: not agreed to be quoted, or a focus group's. */
const NEVER_SHOWN = [
  "I don't want officers knowing my business.",
  "Help to stop smoking weed that isn't just a leaflet.",
  "Someone who gets anxiety.",
  "You wait weeks to see anyone, even when it hurts.",
  "Everyone on the landing knows when you go to healthcare.",
];
const FIRST = "Being listened to and treated with respect";

function fresh(stage: "EVALUATION" | "STANDSTILL"): Fresh {
  const out = execFileSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "tests/e2e/fresh-shaped-tender.ts", stage, String(Date.now())],
    { encoding: "utf8", timeout: 240_000 },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as Fresh;
}

test.beforeAll(() => {
  test.setTimeout(480_000);
  evaluation = fresh("EVALUATION");
  standstill = fresh("STANDSTILL");
});

async function as(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

async function expectNeverShown(page: Page) {
  const text = await page.locator("body").innerText();
  for (const words of NEVER_SHOWN) expect(text, `the page shows "${words}"`).not.toContain(words);
}

test("a provider's notice says what young people told us: the themes in order, consented quotes, how many took part", async ({
  browser,
}) => {
  const provider = await as(browser, "provider3@demo.test");
  const { page } = provider;
  await page.goto(`/opportunities/${standstill.tenderId}`);
  const section = page.getByTestId("young-people-told-us");
  await expect(section.getByRole("heading", { name: "What young people told us" })).toBeVisible();
  await expect(section).toContainText(/\d+ young people took part: 17 in 2 focus groups or workshops; 11 answered a short form/);
  // Two themes tie for first place.
  await expect(section.getByRole("heading", { level: 3 })).toHaveText([
    `1st: ${FIRST}`,
    "1st: Seeing someone quickly",
    "3rd: Help with feelings and stress",
    "4th: Privacy and not being judged",
    "5th: Help with drugs and alcohol",
    "6th: Knowing what help there is",
  ]);
  await expectNeverShown(page);
  // Providers see nothing else from shaping: not the requirements, not the gate.
  await expect(page.getByText("A mental health practitioner can be reached every evening and night")).toHaveCount(0);
  await expect(page.getByText(/young commissioners agree/i)).toHaveCount(0);
  await snap(page, "shaping-notice");
  await expectAccessible(page, "the notice with what young people told us");
  await provider.close();
});

test("the scoring sheet shows beside each criterion the themes it came from", async ({ browser }) => {
  const young = await as(browser, "technician1@demo.test");
  const { page } = young;
  await page.goto(`/panels/${evaluation.tenderId}`);
  const bidLink = page.locator(`a[href^="/panels/${evaluation.tenderId}/bids/"]`).first();
  await page.goto((await bidLink.getAttribute("href"))!);
  const themes = page.getByTestId("criterion-themes");
  await expect(themes.first()).toContainText("Young people said this matters:");
  await expect(themes.first()).toContainText(`${FIRST} (1st most important)`);
  await expect(themes.first()).toContainText("Help with feelings and stress (3rd most important)");
  await expectNeverShown(page);
  await snap(page, "shaping-scoring-sheet");
  await expectAccessible(page, "the scoring sheet with themes");
  await young.close();
});

test("the governor's sign-off shows how the winning bid answers the top themes and the gate; the easy-read summary prints for the wing", async ({
  browser,
}) => {
  const governor = await as(browser, "governor@demo.test");
  const { page } = governor;
  await page.goto(`/establishment/sign-offs/${standstill.awardDecisionId}`);
  const section = page.getByTestId("shaping-in-award");
  await expect(section.getByRole("heading", { name: /answers what young people told us/ })).toBeVisible();
  await expect(section).toContainText(`1st: ${FIRST}`);
  await expect(section).toContainText(/Quality and innovation: \d\.\d\d out of 5/);
  await expect(section.getByTestId("gate-outcome")).toContainText("agreed by 2 of the 2 young commissioners who shaped the service");
  await expectNeverShown(page);
  await snap(page, "shaping-sign-off");
  await expectAccessible(page, "the sign-off with the themes");

  await section.getByRole("link", { name: /Print “You said, we did”/ }).click();
  const summary = page.getByTestId("easy-read");
  await expect(summary.getByRole("heading", { level: 1 })).toHaveText("You said, we did");
  await expect(summary.getByRole("heading", { name: `You said: ${FIRST}` })).toBeVisible();
  await expect(summary).toContainText(/\d+ young people took part\. Thank you\./);
  await expect(summary.getByTestId("contract-line")).toContainText("will get the contract after a short wait");
  // No names, no quotes: nothing that identifies anyone.
  const text = await summary.innerText();
  for (const name of ["Jay", "Mia", "Kai", "Priya", "Tom", "Ruth"]) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
  await expect(summary.locator("blockquote")).toHaveCount(0);
  await expectNeverShown(page);
  await snap(page, "shaping-print");
  await expectAccessible(page, "the easy-read summary");
  // On paper: A4, the portal's header and the buttons left off.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(summary).toBeVisible();
  await page.pdf({ path: "test-results/screens/shaping-print.pdf", preferCSSPageSize: true });
  await governor.close();
});

test("You said, we did starts from the themes; the printable summary is for the facilitators and the governor only", async ({
  browser,
}) => {
  const young = await as(browser, "technician1@demo.test");
  await young.page.goto(`/panels/${standstill.tenderId}/outcome`);
  const followed = young.page.getByTestId("themes-followed");
  await expect(followed.getByRole("heading", { name: "What young people told us, and what we did" })).toBeVisible();
  await expect(followed.getByRole("heading", { level: 3 }).first()).toHaveText(`You said: ${FIRST}`);
  await expect(followed).toContainText(/scored \d\.\d\d out of 5 on “Quality and innovation”/);
  await snap(young.page, "shaping-you-said-we-did");
  await expectAccessible(young.page, "You said, we did from the themes");
  // A young commissioner taking part may not print it, nor may a provider: refused.
  const refused = await young.page.goto(`/shaping/${standstill.stageId}/you-said-we-did`);
  expect(refused?.status()).toBe(403);
  await young.close();
  const provider = await as(browser, "provider1@demo.test");
  expect((await provider.page.goto(`/shaping/${standstill.stageId}/you-said-we-did`))?.status()).toBe(403);
  await provider.close();

  // The commissioner running the tender prints it from the award page, with JavaScript off too.
  const commissioner = await as(browser, "commissioner@demo.test", { javaScriptEnabled: false });
  await commissioner.page.goto(`/tenders/${standstill.tenderId}/award`);
  await commissioner.page.getByRole("link", { name: /Print “You said, we did”/ }).click();
  await expect(commissioner.page.getByTestId("easy-read").getByRole("heading", { level: 1 })).toHaveText("You said, we did");
  await commissioner.close();
});
