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
