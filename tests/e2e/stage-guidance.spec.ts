import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Guidance follows the tender's current stage (issue 27): instructions for
// one stage never linger on a later one. The demo has a tender at every stage
// (tests/fixtures/demo-stages.ts). Read-only.
const STAGES = {
  PUBLISHED: "Cookham Wood speech, language and communication service",
  EVALUATION: "Feltham neurodevelopmental assessment and support service",
  MODERATION: "Cookham Wood dental and oral health service",
  AWARD_PENDING_SIGNOFF: "Feltham sexual health and blood-borne virus service",
  STANDSTILL: "Cookham Wood substance misuse and recovery service",
  AWARDED: "Feltham physiotherapy and physical activity service",
} as const;
type Stage = keyof typeof STAGES;

const SCORING_GUIDANCE = /Bids to read and (mark|score)|Nobody sees your (marks|scores) until/;

async function tenderPath(page: Page, title: string) {
  await page.goto("/tenders");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  return new URL(page.url()).pathname;
}

test("a young commissioner's panel page: scoring instructions only while bids are being scored", async ({ page }) => {
  await signIn(page, "technician1@demo.test");
  for (const [stage, title] of Object.entries(STAGES) as [Stage, string][]) {
    await page.goto("/panels");
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const main = page.getByRole("main");
    if (stage === "EVALUATION") await expect(main.getByText(SCORING_GUIDANCE).first()).toBeVisible();
    else await expect(main.getByText(SCORING_GUIDANCE), `${stage} panel page`).toHaveCount(0);
    // What happens now, in one sentence about this stage.
    await expect(main.getByTestId("stage-guidance"), `${stage} panel page`).toContainText(STAGE_WORDS[stage]);
  }
});

const STAGE_WORDS: Record<Stage, RegExp> = {
  PUBLISHED: /not open yet/,
  EVALUATION: /on your own/,
  MODERATION: /moderation/i,
  AWARD_PENDING_SIGNOFF: /governor/,
  STANDSTILL: /standstill/i,
  AWARDED: /contract/i,
};

test("the commissioner's panel and award pages speak of the stage the tender is at", async ({ page }) => {
  await signIn(page, "commissioner@demo.test");
  for (const [stage, title] of Object.entries(STAGES) as [Stage, string][]) {
    const path = await tenderPath(page, title);
    await page.goto(`${path}/panel`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evaluation panel");
    await expect(page.getByRole("main").getByText(/To publish/), `${stage} panel page`).toHaveCount(0);
    if (["AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"].includes(stage)) {
      await page.goto(`${path}/award`);
      await expect(page.getByRole("heading", { name: "What you are asked to approve" }), `${stage} award page`).toHaveCount(0);
    }
  }
});

test("the governor is asked to approve only while the decision is theirs to make", async ({ page }) => {
  await signIn(page, "governor@demo.test");
  await page
    .getByTestId("pending-signoffs")
    .getByRole("link", { name: /Thameside/ })
    .click();
  await expect(page.getByRole("heading", { name: "What you are asked to approve" })).toBeVisible();
});
