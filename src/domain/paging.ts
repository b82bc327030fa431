// Page and page size come from the URL (?page=2&size=50), so every long list
// works without JavaScript and a link shows the same rows. Sizes are bounded:
// no page ever loads an unbounded list.
export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface Paging {
  page: number;
  size: number;
  skip: number;
}

export const FIRST_PAGE: Paging = { page: 1, size: 20, skip: 0 };

/**
 * The query parameters of a list: `page` and `size`, or, when one page shows
 * several lists, `<list>Page` and `<list>Size` (e.g. `?returnedPage=2`).
 */
export function pagingKeys(list?: string): { page: string; size: string } {
  return list ? { page: `${list}Page`, size: `${list}Size` } : { page: "page", size: "size" };
}

export function paging(query: Record<string, string | string[] | undefined>, defaultSize = 20, list?: string): Paging {
  const keys = pagingKeys(list);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const askedSize = Number(one(query[keys.size]));
  const size = (PAGE_SIZES as readonly number[]).includes(askedSize) ? askedSize : defaultSize;
  const askedPage = Number(one(query[keys.page]));
  const page = Number.isInteger(askedPage) && askedPage >= 1 && askedPage <= 100_000 ? askedPage : 1;
  return { page, size, skip: (page - 1) * size };
}

/** Rows of one page of a list already in memory (small lists computed whole, e.g. a ranking). */
export function pageOf<T>(rows: T[], p: Paging): { rows: T[]; total: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / p.size));
  return { rows: rows.slice(p.skip, p.skip + p.size), total: rows.length, pages };
}
