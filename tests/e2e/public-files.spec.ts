import { expect, test } from "@playwright/test";

// public/: the portal's icons and web app manifest, robots.txt keeping it out
// of search engines, and /.well-known/security.txt (RFC 9116).

test("robots.txt keeps the portal out of search engines but its open data, and every other page says noindex", async ({
  page,
  request,
}) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  // Only the Open data page, the OCDS feeds and the PSR notices are allowed (the longest matching rule wins, RFC 9309).
  expect(await robots.text()).toMatch(/^User-agent: \*\nAllow: \/open-data\nAllow: \/api\/ocds\/\nAllow: \/notices\/\nDisallow: \/\s*$/m);
  await page.goto("/login");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("security.txt says whom to contact and has not expired", async ({ request }) => {
  const response = await request.get("/.well-known/security.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^Contact: (mailto:|https:\/\/)\S+$/m);
  const expires = /^Expires: (\S+)$/m.exec(text)?.[1];
  expect(new Date(expires!).getTime()).toBeGreaterThan(Date.now());
  expect(new Date(expires!).getTime()).toBeLessThan(Date.now() + 366 * 86_400_000);
});

test("the web app manifest is linked from every page and its icons load", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: "CoCommission", start_url: "/", display: "standalone" });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toContain(icon.type);
  }
  expect((await request.get("/apple-touch-icon.png")).status()).toBe(200);
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /\/icon/);
});

test("/favicon.ico, which browsers and tools ask for unprompted, is the portal's icon with an icon's headers", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/x-icon");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  const body = await response.body();
  // An ICO file: reserved 0, type 1 (icon), then its images (16, 32 and 48 px, made from public/icon.svg).
  expect(body.readUInt16LE(0)).toBe(0);
  expect(body.readUInt16LE(2)).toBe(1);
  const sizes = Array.from({ length: body.readUInt16LE(4) }, (_, i) => body.readUInt8(6 + 16 * i));
  expect(sizes).toEqual([16, 32, 48]);
});
