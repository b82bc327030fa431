import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { signIn, signOut, watchCspViolations } from "./helpers";

// Every response carries the security headers; pages a fresh CSP nonce that
// Next.js puts on its scripts; and the portal still works under that policy,
// with JavaScript on and off.

function directives(policy: string | undefined): Map<string, string> {
  expect(policy, "Content-Security-Policy header").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d] as [string, string]),
  );
}

function expectCommonHeaders(response: APIResponse, what: string) {
  const h = response.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("same-origin");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["cross-origin-opener-policy"], what).toBe("same-origin");
  expect(h["cross-origin-resource-policy"], what).toBe("same-origin");
  expect(h["permissions-policy"], what).toContain("camera=()");
  // Plain HTTP here: no HSTS (it is sent only over HTTPS).
  expect(h["strict-transport-security"], what).toBeUndefined();
}

async function expectPageHeaders(response: APIResponse, what: string): Promise<string> {
  expectCommonHeaders(response, what);
  const csp = directives(response.headers()["content-security-policy"]);
  const scriptSrc = csp.get("script-src")!;
  expect(scriptSrc, what).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc, what).toContain("'strict-dynamic'");
  expect(scriptSrc, what).not.toContain("'unsafe-inline'");
  expect(scriptSrc, what).not.toContain("'unsafe-eval'");
  expect(csp.get("default-src"), what).toBe("default-src 'self'");
  expect(csp.get("object-src"), what).toBe("object-src 'none'");
  expect(csp.get("frame-ancestors"), what).toBe("frame-ancestors 'none'");
  expect(csp.get("base-uri"), what).toBe("base-uri 'none'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  // Every script in the page carries this response's nonce.
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${what}: scripts in the page`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, what).toContain(`nonce="${nonce}"`);
  return nonce;
}

function expectResourceHeaders(response: APIResponse, what: string) {
  expectCommonHeaders(response, what);
  const csp = directives(response.headers()["content-security-policy"]);
  expect(csp.get("default-src"), what).toBe("default-src 'none'");
  expect(csp.get("frame-ancestors"), what).toBe("frame-ancestors 'none'");
}

test("pages, signed out and signed in, carry the headers and a fresh nonce on every script", async ({ page }) => {
  const nonces = new Set<string>();
  for (const path of ["/login", "/words", "/no-such-page"]) {
    nonces.add(await expectPageHeaders(await page.request.get(path), path));
  }
  nonces.add(await expectPageHeaders(await page.request.get("/login"), "/login again"));
  expect(nonces.size, "a new nonce for every response").toBe(4);

  await signIn(page, "commissioner@demo.test");
  for (const path of ["/tenders", "/panels", "/contracts", "/agreements"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    await expectPageHeaders(response, path);
  }
  await signOut(page);
});

test("route handlers and static files carry the headers and a policy that runs nothing", async ({ page }) => {
  expectResourceHeaders(await page.request.get("/api/health"), "/api/health");
  expectResourceHeaders(await page.request.get("/api/auth/csrf"), "/api/auth/csrf");
  const html = await (await page.request.get("/login")).text();
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  const style = /<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  expect(style).toBeTruthy();
  for (const asset of [script!, style!]) {
    const response = await page.request.get(asset);
    expect(response.status(), asset).toBe(200);
    expectResourceHeaders(response, asset);
  }
});

test("files from public/ and /.well-known/, and a malformed address, get the policy that runs nothing, not a page's", async ({ page }) => {
  for (const path of ["/robots.txt", "/.well-known/security.txt", "/manifest.webmanifest", "/icon.svg"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expectResourceHeaders(response, path);
  }
  // A percent-escape that does not decode: a 400 from the portal's own server, with every header (it was a bare 500).
  for (const path of ["/tenders/%ff", "/api/ocds/tenders/%E0%A4%A"]) {
    const response = await page.request.get(path, { headers: { Accept: "text/html" } });
    expect(response.status(), path).toBe(400);
    expectResourceHeaders(response, path);
  }
});

test("HSTS is not sent over plain HTTP, whatever X-Forwarded-Proto a client sends with no trusted proxy", async ({ page }) => {
  // This server trusts no proxy (TRUSTED_PROXY_COUNT unset), so the header is the client's word: ignored. Behind a
  // trusted proxy that says https, HSTS is sent: tests/cluster/authorization-matrix.test.ts and tests/unit/client-ip.test.ts.
  for (const path of ["/login", "/api/health", "/robots.txt"]) {
    expect((await page.request.get(path)).headers()["strict-transport-security"], path).toBeUndefined();
    for (const proto of ["https", "https, https", "HTTPS"])
      expect(
        (await page.request.get(path, { headers: { "x-forwarded-proto": proto } })).headers()["strict-transport-security"],
        path,
      ).toBeUndefined();
  }
});

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
}

test("with JavaScript on, key pages run under the policy: nothing refused, the client router and forms work", async ({ page }) => {
  const violations = watchCspViolations(page);
  await page.goto("/login");
  // The sign-in form's error comes back through React (useActionState) without a reload.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));
  await page.getByLabel("Email address").fill("commissioner@demo.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same document");

  await signIn(page, "commissioner@demo.test");
  await visit(page, "/tenders", "Tenders");
  // A link followed by Next.js's client router: the same document, so its scripts ran.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));
  await page.getByRole("link", { name: "My panels", exact: true }).first().click();
  await expect(page).toHaveURL(/\/panels$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("My panels");
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same document");
  await visit(page, "/contracts", "Contracts");
  await visit(page, "/agreements", "Co-commissioning agreements");
  await signOut(page);

  for (const [email, pages] of [
    [
      "technician1@demo.test",
      [
        ["/words", "Words we use"],
        ["/panels", "My panels"],
        ["/time", "Your paid time"],
      ],
    ],
    ["provider1@demo.test", [["/opportunities", "Open tenders"]]],
    ["governor@demo.test", [["/establishment", "HMYOI Feltham"]]],
    [
      "admin@demo.test",
      [
        ["/admin/users", "Users"],
        ["/admin/outbox", "Outbox"],
      ],
    ],
  ] as const) {
    await signIn(page, email);
    for (const [path, heading] of pages) await visit(page, path, heading);
    await signOut(page);
  }
  expect(violations()).toEqual([]);
});

test("with JavaScript off, signing in, reading pages and signing out still work", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "commissioner@demo.test");
  await visit(page, "/tenders", "Tenders");
  await page.getByRole("link", { name: "My panels" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("My panels");
  await signOut(page);
  await context.close();
});
