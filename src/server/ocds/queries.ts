import "server-only";
import { compileReleases } from "@/domain/ocds";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { env } from "../env";
import { Invalid, NotFound } from "../errors";

// The open data feed: no sign-in, and only releases, which were written with
// what was public at the time (publish-release.ts).

export const OCDS_VERSION = "1.1";
/** Every package is published under the Open Government Licence v3.0. */
export const OCDS_LICENSE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
/** The OCDS extensions the releases use (registry: https://extensions.open-contracting.org/en/extensions/statusDetails/). */
export const OCDS_EXTENSIONS = ["https://gitlab.com/dncp-opendata/ocds_statusdetails_extension/-/raw/master/extension.json"];
const MAX_LIMIT = 100;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Release = { [key: string]: Json };

function publisher() {
  return { name: env().OCDS_PUBLISHER_NAME };
}

function baseUrl(): string {
  return env().NEXTAUTH_URL.replace(/\/$/, "");
}

/** The public page that says what is published, when, and under which licence (src/app/(public)/open-data). */
export function publicationPolicyUrl(): string {
  return `${baseUrl()}/open-data#publication-policy`;
}

/** Package metadata: when this package was made (not when its releases were), the licence and the policy. */
function packageMetadata() {
  return {
    publishedDate: clockNow().toISOString(),
    publisher: publisher(),
    license: OCDS_LICENSE,
    publicationPolicy: publicationPolicyUrl(),
    extensions: OCDS_EXTENSIONS,
  };
}

export interface ReleaseQuery {
  since?: string | null;
  after?: string | null;
  limit?: string | null;
}

function parseQuery(q: ReleaseQuery): { since: Date | null; after: bigint; limit: number } {
  const errors: Record<string, string> = {};
  let since: Date | null = null;
  if (q.since) {
    const d = new Date(q.since);
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(q.since) || Number.isNaN(d.getTime())) {
      errors.since = "since must be a date or date-time, e.g. 2026-11-25 or 2026-11-25T09:00:00Z";
    } else since = d;
  }
  let after = 0n;
  if (q.after) {
    if (!/^\d{1,18}$/.test(q.after)) errors.after = "after must be the number from the previous page's next link";
    else after = BigInt(q.after);
  }
  let limit = MAX_LIMIT;
  if (q.limit) {
    const n = Number(q.limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) errors.limit = `limit must be a whole number from 1 to ${MAX_LIMIT}`;
    else limit = n;
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors, "Check the query.");
  return { since, after, limit };
}

/**
 * A release package of releases in publication order, optionally those
 * published at or after `since`; `next` is the URL of the following page
 * (null on the last). Null when there is no release to return: a package
 * must hold at least one.
 */
export async function getReleasePackage(q: ReleaseQuery) {
  const { since, after, limit } = parseQuery(q);
  const rows = await db.ocdsRelease.findMany({
    where: { seq: { gt: after }, ...(since ? { date: { gte: since } } : {}) },
    orderBy: { seq: "asc" },
    take: limit + 1,
    select: { seq: true, release: true },
  });
  const page = rows.slice(0, limit);
  if (page.length === 0) return null;
  const params = new URLSearchParams();
  if (q.since) params.set("since", q.since);
  params.set("limit", String(limit));
  const self = new URLSearchParams(params);
  if (after > 0n) self.set("after", after.toString());
  const nextParams = new URLSearchParams(params);
  nextParams.set("after", page.at(-1)!.seq.toString());
  const releasePackage = {
    uri: `${baseUrl()}/api/ocds/releases?${self.toString()}`,
    version: OCDS_VERSION,
    ...packageMetadata(),
    releases: page.map((r) => r.release as Release),
  };
  return { releasePackage, next: rows.length > limit ? `${baseUrl()}/api/ocds/releases?${nextParams.toString()}` : null };
}

/** A record package for one contracting process: every release, oldest first, and the compiled release. */
export async function getRecordPackage(ocid: string) {
  if (!/^ocds-[a-z0-9]{6}-[0-9a-f-]{36}$/.test(ocid)) throw new NotFound("There is no contracting process with that ocid.");
  const rows = await db.ocdsRelease.findMany({ where: { ocid }, orderBy: { seq: "asc" }, select: { release: true } });
  if (rows.length === 0) throw new NotFound("There is no contracting process with that ocid.");
  const releases = rows.map((r) => r.release as Release);
  return {
    uri: `${baseUrl()}/api/ocds/tenders/${ocid}`,
    version: OCDS_VERSION,
    ...packageMetadata(),
    records: [{ ocid, releases, compiledRelease: compileReleases(ocid, releases) }],
  };
}

/** For the public Open data page: who publishes, and the most recently updated contracting process (one indexed row). */
export async function getOpenDataSummary(): Promise<{ publisher: string; latest: { ocid: string; title: string } | null }> {
  const row = await db.ocdsRelease.findFirst({ orderBy: { seq: "desc" }, select: { ocid: true, release: true } });
  const title = (row?.release as { tender?: { title?: unknown } } | undefined)?.tender?.title;
  return {
    publisher: publisher().name,
    latest: row ? { ocid: row.ocid, title: typeof title === "string" ? title : row.ocid } : null,
  };
}

/** The ocid of each contract's tender that has releases: for the contracts register's download links. */
export async function ocidsForTenders(tenderIds: string[]): Promise<Map<string, string>> {
  if (tenderIds.length === 0) return new Map();
  const rows = await db.ocdsRelease.findMany({
    where: { tenderId: { in: tenderIds } },
    distinct: ["tenderId"],
    select: { tenderId: true, ocid: true },
  });
  return new Map(rows.map((r) => [r.tenderId, r.ocid]));
}
