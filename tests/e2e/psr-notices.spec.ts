import { expect as baseExpect, test } from "@playwright/test";
import { validateOcds } from "../fixtures/ocds-schemas";
import { DEMO_PASSWORD, expectAccessible, expectHeadingOrder } from "./helpers";

// The PSR notices of the demo's awarded Feltham tender: found from the award
// page by the commissioner running it, then read by anyone without signing in
// (the page and its data), printable, and accessible at 1280 and 360 px.

test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const AWARDED = "Feltham physiotherapy and physical activity service";
const WINNER = "Harbour Youth Health Alliance";

test("both notices of the awarded tender: linked from the award page, public, valid as data, accessible", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("commissioner@demo.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 60_000 });
  await page.goto("/tenders");
  const href = await page.getByRole("link", { name: AWARDED }).first().getAttribute("href");
  await page.goto(`${href}/award`);
  const links = page.getByTestId("notice-links").first();
  const intentionHref = await links.getByRole("link", { name: "Notice of intention to award a contract" }).getAttribute("href");
  const awardHref = await links.getByRole("link", { name: "Notice of confirmation of contract award" }).getAttribute("href");
  await expect(page.getByTestId("signoff-checkpoint").first()).toHaveText(/\d+:[0-9a-f]{64}/);

  const anonymous = await browser.newContext({ javaScriptEnabled: false });
  try {
    const reader = await anonymous.newPage();
    for (const [url, title] of [
      [intentionHref!, "Notice of intention to award a contract"],
      [awardHref!, "Notice of confirmation of contract award"],
    ] as const) {
      const response = await reader.goto(url);
      expect(response?.status()).toBe(200);
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${title}: ${AWARDED}`);
      await expect(reader.getByTestId("notice-provider").getByTestId("party-name")).toHaveText(WINNER);
      // The made-up provider's register number says it is a demo value; NHS England's ODS code is the real one.
      await expect(reader.getByTestId("notice-provider")).toContainText("(demo value, not a real number)");
      await expect(reader.getByTestId("notice-authority")).toContainText("GB-NHS-X24");
      await expect(reader.getByTestId("notice-cpv")).toContainText("85142100 Physiotherapy services");
      await expect(reader.getByTestId("notice-value")).toContainText("for the full");
      await expect(reader.getByTestId("notice-decision-makers")).toContainText("approved by");
      await expect(reader.getByTestId("notice-conflicts")).toContainText("conflict of interest");
      await expect(reader.getByTestId("notice-checkpoint")).toHaveText(/^\d+:[0-9a-f]{64}$/);
      const dataHref = await reader.getByRole("link", { name: /as open data/ }).getAttribute("href");
      const data = await reader.request.get(dataHref!);
      expect(data.status()).toBe(200);
      const body = await data.json();
      expect(validateOcds("release-package-schema", body)).toEqual([]);
      expect(body.releases[0].awards[0].suppliers[0].name).toBe(WINNER);
      expect(body.releases[0].tender.items[0].classification).toEqual({
        scheme: "CPV",
        id: "85142100",
        description: "Physiotherapy services",
      });
    }
    await expect(reader.getByTestId("notice-representations")).toHaveCount(0);
    await reader.goto(intentionHref!);
    await expect(reader.getByTestId("notice-representations")).toContainText("until midnight at the end of");
  } finally {
    await anonymous.close();
  }

  // axe needs JavaScript in the page; the notice itself needs none (above).
  for (const url of [intentionHref!, awardHref!]) {
    await page.goto(url);
    await expectAccessible(page, `PSR notice ${url}`);
    await expectHeadingOrder(page, `PSR notice ${url}`);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});
