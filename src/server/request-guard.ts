// Checks scripts/serve.ts makes on every request before Next.js sees it, for
// what Next.js itself would answer with a 500 (and an error in the log) though
// the client is at fault. Pure functions, tested in tests/unit/request-guard.test.ts
// and over HTTP by the cluster suite (tests/cluster/authorization-matrix.test.ts).

/**
 * A path with a percent-escape that does not decode (`/tenders/%ff`, `%E0%A4%A`, a lone `%`): Next.js answers those
 * with a bare 500 before the app or its headers run. Nothing can be at such an address: it is the client's mistake (400).
 */
export function hasMalformedEscape(url: string): boolean {
  const pathname = url.split("?")[0]!.split("#")[0]!;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** The most a form may send: 1 MB, as Next.js's own default for server actions. */
export const FORM_BODY_LIMIT = 1024 * 1024;
/**
 * Pages whose forms upload files (a bid's attachments, a representation's): 12 MB, the `serverActions.bodySizeLimit`
 * of next.config.ts, which a 10 MB file (src/server/bids/attachments.ts MAX_ATTACHMENT_BYTES) and its form fit in.
 */
export const UPLOAD_BODY_LIMIT = 12 * 1024 * 1024;
const UPLOAD_PAGES = [/^\/opportunities\/[^/]+\/bid\/?$/, /^\/letters\/[^/]+\/?$/];

interface RequestHead {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** What Next.js treats as a server action call: a POST with a `Next-Action` header, or a multipart POST (a form sent without JavaScript). */
export function isPossibleAction(req: RequestHead): boolean {
  return req.method === "POST" && (!!req.headers["next-action"] || /^multipart\/form-data/i.test(first(req.headers["content-type"]) ?? ""));
}

/** The largest body a POST to this path may have; null for route handlers (/api/…), which bound their own input. */
export function bodyLimitFor(url: string): number | null {
  const pathname = url.split("?")[0]!;
  if (pathname.startsWith("/api/")) return null;
  return UPLOAD_PAGES.some((p) => p.test(pathname)) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}

export type Refusal = { status: 403 | 411 | 413; message: string } | null;

/**
 * A POST to a page that is refused before Next.js reads it:
 * - a server action call from another site (its `Origin` is not this host, compared as Next.js compares them, with
 *   `X-Forwarded-Host` first): Next.js refuses it too, but with a 500 and an error in the log;
 * - a body over the path's limit (413), or one of unknown length (411: browsers always send the length of a form),
 *   which Next.js would otherwise read up to its 12 MB limit and then answer with a 500.
 */
export function refusePost(req: RequestHead): Refusal {
  if (req.method !== "POST") return null;
  const limit = bodyLimitFor(req.url ?? "/");
  if (limit === null) return null;
  if (isPossibleAction(req)) {
    const origin = first(req.headers.origin);
    if (origin !== undefined) {
      const host = first(req.headers["x-forwarded-host"])?.split(",")[0]?.trim() || first(req.headers.host);
      let originHost: string | null;
      try {
        originHost = origin === "null" ? "null" : new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (!host || originHost !== host)
        return { status: 403, message: "This form was sent from another site. Open the page on the portal and send it from there." };
    }
  }
  const length = first(req.headers["content-length"]);
  if (length === undefined) {
    if (req.headers["transfer-encoding"]) return { status: 411, message: "A form must say how long it is (Content-Length)." };
    return null;
  }
  const bytes = Number(length);
  if (!Number.isFinite(bytes) || bytes > limit)
    return {
      status: 413,
      message: `What was sent is larger than this page accepts (${Math.round(limit / 1024 / 1024)} MB). Nothing was saved.`,
    };
  return null;
}
