// A browser without JavaScript, in a few lines: keeps cookies per client and
// submits the portal's forms the way a no-JavaScript browser does (every core
// form works without JavaScript), so tests can drive several servers at once
// through their real pages and server actions.

export interface Page {
  status: number;
  url: string;
  html: string;
  location: string | null;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([:\w$-]+)(?:="([^"]*)")?/g)) out[m[1]!] = decodeEntities(m[2] ?? "");
  return out;
}

/** The text a person reads on the page (tags dropped, whitespace collapsed). */
export function text(html: string): string {
  return decodeEntities(
    html
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

export class Client {
  readonly cookies = new Map<string, string>();

  constructor(public baseUrl: string) {}

  /** The same person (same cookies) on another instance. */
  on(baseUrl: string): Client {
    const other = new Client(baseUrl);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(response: Response) {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const name = pair!.slice(0, pair!.indexOf("="));
      const value = pair!.slice(pair!.indexOf("=") + 1);
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const url = new URL(path, this.baseUrl).toString();
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { Accept: "text/html", Cookie: this.cookieHeader(), ...(init.headers as Record<string, string> | undefined) },
    });
    this.keepCookies(response);
    return { status: response.status, url, html: await response.text(), location: response.headers.get("location") };
  }

  /** GET, following redirects. */
  async get(path: string): Promise<Page> {
    let page = await this.request(path);
    for (let i = 0; i < 5 && page.location && page.status >= 300 && page.status < 400; i++) page = await this.request(page.location);
    return page;
  }

  /**
   * Submits the form on `page` whose submit button reads `button`, with
   * `fields` filled in, as a browser without JavaScript does; follows a redirect.
   */
  async submit(page: Page, button: string, fields: Record<string, string> = {}): Promise<Page> {
    const forms = page.html.match(/<form[\s\S]*?<\/form>/g) ?? [];
    const form = forms.find((f) => text(f).includes(button));
    if (!form) throw new Error(`No form with a "${button}" button on ${page.url}: ${text(page.html).slice(0, 500)}`);
    const body = new FormData();
    for (const input of form.match(/<input[^>]*>/g) ?? []) {
      const a = attributes(input);
      if (a.type === "hidden" && a.name) body.append(a.name, a.value ?? "");
    }
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const action = attributes(form.match(/<form[^>]*>/)![0]).action;
    const target = action && !action.startsWith("javascript:") ? new URL(action, page.url).toString() : page.url;
    let result = await this.request(target, { method: "POST", body, headers: { Origin: new URL(this.baseUrl).origin } });
    for (let i = 0; i < 5 && result.location && result.status >= 300 && result.status < 400; i++)
      result = await this.request(result.location);
    return result;
  }

  async signIn(email: string, password: string): Promise<Page> {
    return this.submit(await this.get("/login"), "Sign in", { email, password });
  }
}
