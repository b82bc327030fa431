import { expect as baseExpect, test, type APIRequestContext, type Page } from "@playwright/test";
import { validateOcds } from "../fixtures/ocds-schemas";
import { DEMO_PASSWORD, expectAccessible } from "./helpers";

// The contracts register links to the open data (OCDS 1.1): the release package
// for everything, and each contract's record. Followed as anyone would, without
// signing in, the links answer JSON that the official schemas accept, about
// that tender. Read-only: the demo's awarded Feltham tender.

test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const AWARDED = "Feltham physiotherapy and physical activity service";
const WINNER = "Harbour Youth Health Alliance";

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 60_000 });
}

/** GET as nobody signed in (a fresh request context has no cookies). */
async function getJson(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toContain("application/json");
  return { body: (await response.json()) as Record<string, unknown>, link: response.headers()["link"] };
}

interface Release {
  ocid: string;
  tag: string[];
  tender?: { title?: string };
  awards?: { suppliers?: { name: string }[] }[];
  contracts?: unknown[];
}

test("the contracts register links to the OCDS release package and each contract's record, valid JSON about that tender", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, "commissioner@demo.test");
  await page.goto("/contracts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contracts register");
  const entry = page
    .getByTestId("contracts")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: AWARDED }) });
  const recordLink = entry.getByRole("link", { name: "Open data for this contract (OCDS record, JSON)" });
  await expect(recordLink).toBeVisible();
  const packageLink = page.getByRole("link", { name: "OCDS 1.1 releases (JSON)" });
  await expect(packageLink).toBeVisible();
  await expectAccessible(page, "contracts register with open data links");
  const recordHref = (await recordLink.getAttribute("href"))!;
  const packageHref = (await packageLink.getAttribute("href"))!;
  const ocid = decodeURIComponent(recordHref.split("/").at(-1)!);
  expect(ocid).toMatch(/^ocds-[a-z0-9]{6}-[0-9a-f-]{36}$/);

  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    // The record: every release of this tender and the compiled release.
    const { body: record } = await getJson(anonymous, recordHref);
    expect(validateOcds("record-package-schema", record)).toEqual([]);
    const [only, ...others] = record.records as { ocid: string; releases: Release[]; compiledRelease: Release }[];
    expect(others).toEqual([]);
    expect(only!.ocid).toBe(ocid);
    expect(only!.releases.every((r) => r.ocid === ocid)).toBe(true);
    expect(only!.releases.flatMap((r) => r.tag)).toEqual(expect.arrayContaining(["tender", "award", "contract"]));
    for (const release of only!.releases) expect(validateOcds("release-schema", release)).toEqual([]);
    expect(only!.compiledRelease.tender?.title).toBe(AWARDED);
    expect(only!.compiledRelease.awards?.[0]?.suppliers?.map((s) => s.name)).toEqual([WINNER]);
    expect(only!.compiledRelease.contracts).toHaveLength(1);

    // The release package, page by page (Link: rel="next"): valid, and it carries this tender's releases.
    let url: string | undefined = packageHref;
    const tags: string[] = [];
    for (let pages = 0; url && pages < 50; pages++) {
      const { body, link } = await getJson(anonymous, url);
      expect(validateOcds("release-package-schema", body), url).toEqual([]);
      for (const release of body.releases as Release[]) if (release.ocid === ocid) tags.push(...release.tag);
      url = link?.match(/<([^>]+)>;\s*rel="next"/)?.[1];
    }
    expect(tags).toEqual(only!.releases.flatMap((r) => r.tag));
  } finally {
    await anonymous.dispose();
  }
});

test.describe("the public Open data page, with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("anyone finds it from the sign-in page: what is published, when, the licence, the policy the packages point to, and the feeds", async ({
    page,
    request,
  }) => {
    // robots.txt lets search engines find the open data and nothing else.
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/^Allow: \/open-data$/m);
    expect(robots).toMatch(/^Allow: \/api\/ocds\/$/m);
    expect(robots).toMatch(/^Disallow: \/$/m);

    await page.goto("/login");
    await page.getByRole("link", { name: "Open data" }).click();
    await expect(page).toHaveURL(/\/open-data$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /^index, follow$/);
    await expect(page.getByRole("heading", { name: "Publication policy" })).toBeVisible();
    for (const tag of ["tender", "tenderUpdate", "award", "awardUpdate", "contract", "tenderCancellation"])
      await expect(page.getByText(tag, { exact: true })).toBeVisible();
    const licence = page.getByRole("link", { name: "Open Government Licence v3.0" });
    await expect(licence).toHaveAttribute("href", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");

    // The feeds it links to answer without signing in, and their packages point back to this page's policy.
    const feed = await page.getByRole("link", { name: /Every release, in the order published/ }).getAttribute("href");
    const { body } = await getJson(request, feed!);
    expect(validateOcds("release-package-schema", body)).toEqual([]);
    expect(body.license).toBe("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
    expect(new URL(body.publicationPolicy as string).pathname + new URL(body.publicationPolicy as string).hash).toBe(
      "/open-data#publication-policy",
    );
    await expect(page.locator("#publication-policy")).toBeVisible();
    // The most recently updated process, as an example record.
    const recordHref = await page.locator("a[href^='/api/ocds/tenders/']").first().getAttribute("href");
    const { body: record } = await getJson(request, recordHref!);
    expect(validateOcds("record-package-schema", record)).toEqual([]);
  });
});

test("the Open data page passes axe at 1280 and 360 px, without horizontal scrolling on a phone", async ({ page }) => {
  // axe runs in the page, so this check has JavaScript on; the page itself needs none (above).
  await page.goto("/open-data");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data");
  await expectAccessible(page, "open data page");
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(overflow).toBe(false);
});

test("the demo's published award and contract values are whole-life, like the tender's value", async ({ request }) => {
  let url: string | undefined = "/api/ocds/releases";
  const compiled = new Map<string, { tender?: number; award?: number; contract?: number }>();
  for (let pages = 0; url && pages < 50; pages++) {
    const { body, link } = await getJson(request, url);
    for (const r of body.releases as (Release & {
      tender?: { value?: { amount: number } };
      awards?: { value?: { amount: number } }[];
      contracts?: { value?: { amount: number } }[];
    })[]) {
      const entry = compiled.get(r.ocid) ?? {};
      if (r.tender?.value) entry.tender = r.tender.value.amount;
      if (r.awards?.[0]?.value) entry.award = r.awards[0].value.amount;
      if (r.contracts?.[0]?.value) entry.contract = r.contracts[0].value.amount;
      compiled.set(r.ocid, entry);
    }
    url = link?.match(/<([^>]+)>;\s*rel="next"/)?.[1];
  }
  const awarded = [...compiled.values()].filter((v) => v.award !== undefined && v.tender !== undefined);
  expect(awarded.length).toBeGreaterThanOrEqual(3);
  for (const v of awarded) {
    // A whole-life price is near the whole-life estimate; an annual one would be a third of it.
    expect(v.award! / v.tender!).toBeGreaterThan(0.8);
    expect(v.award! / v.tender!).toBeLessThan(1.2);
    if (v.contract !== undefined) expect(v.contract).toBe(v.award);
  }
});
