import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signOut } from "./helpers";

test("a sign-in link with a disguised next= address still lands on the portal", async ({ page, baseURL }) => {
  // %09 is a tab: browsers drop it, so "/\t/evil.example" would become "//evil.example".
  for (const next of [
    "%2F%09%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example%2F",
    "javascript%3Aalert(1)",
  ]) {
    await page.goto(`/login?next=${next}`);
    await page.getByLabel("Email address").fill("admin@demo.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await signOut(page);
  }
});

test("a safe next= address is still followed after signing in", async ({ page }) => {
  await page.goto("/login?next=%2Fadmin%2Foutbox%3Fx%3D1");
  await page.getByLabel("Email address").fill("admin@demo.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/outbox\?x=1$/);
});

test("a copied session cookie stops working once its owner signs out", async ({ page, browser, baseURL }) => {
  await signIn(page, "commissioner@demo.test");
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  // Someone else with a copy of the cookie is signed in as the commissioner…
  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/tenders");
  await expect(stolen.getByRole("heading", { level: 1 })).toContainText("Tenders");
  expect(((await (await stolen.request.get("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email).toBe(
    "commissioner@demo.test",
  );

  // …until the commissioner signs out: then the same cookie opens nothing.
  await signOut(page);
  await stolen.goto("/tenders");
  await expect(stolen).toHaveURL(/\/login\?next=%2Ftenders/);
  const response = await stolen.request.get("/tenders", { maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  // next-auth's own session endpoint agrees: nothing about the user, and the cookie is dropped, not re-issued.
  await thief.addCookies(copied);
  const session = await stolen.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expect(await session.json()).toEqual({});
  const setCookies = session
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie" && /next-auth\.session-token=/.test(h.value));
  expect(setCookies.map((h) => /^(?:__Secure-)?next-auth\.session-token=;.*Max-Age=0/i.test(h.value))).toEqual([true]);
  await thief.close();
});
