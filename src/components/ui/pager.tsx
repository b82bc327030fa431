import Link from "next/link";
import { PAGE_SIZES, pagingKeys, type Paging } from "@/domain/paging";

/**
 * Previous / next links and a page-size choice, all plain links so they work
 * without JavaScript. `params` are the other query parameters to keep; `list`
 * names the list's own parameters when a page has several (see pagingKeys), and
 * `fragment` brings the reader back to that list.
 */
export function Pager({
  path,
  paging,
  total,
  params = {},
  noun = "rows",
  list,
  fragment,
  where,
}: {
  path: string;
  paging: Paging;
  total: number;
  params?: Record<string, string>;
  noun?: string;
  list?: string;
  fragment?: string;
  /** When a list has a pager above and below it: "above" or "below", so the two landmarks are named apart. */
  where?: "above" | "below";
}) {
  const keys = pagingKeys(list);
  const pages = Math.max(1, Math.ceil(total / paging.size));
  const href = (page: number, size = paging.size) => {
    const q = new URLSearchParams({ ...params, [keys.page]: String(page), [keys.size]: String(size) });
    return `${path}?${q.toString()}${fragment ? `#${fragment}` : ""}`;
  };
  const first = total === 0 ? 0 : paging.skip + 1;
  const last = Math.min(total, paging.skip + paging.size);
  return (
    <nav
      aria-label={`Pages of ${noun}${where ? ` (${where} the list)` : ""}`}
      className="my-4 flex flex-wrap items-center gap-x-6 gap-y-2"
      data-testid="pager"
    >
      <p>
        {first}–{last} of {total.toLocaleString("en-GB")} {noun}
      </p>
      {paging.page > 1 && (
        <Link href={href(paging.page - 1)} rel="prev">
          Previous page
        </Link>
      )}
      {paging.page < pages && (
        <Link href={href(paging.page + 1)} rel="next">
          Next page
        </Link>
      )}
      <p>
        Show{" "}
        {PAGE_SIZES.map((size, i) => (
          <span key={size}>
            {i > 0 && " · "}
            {size === paging.size ? <strong aria-current="true">{size}</strong> : <Link href={href(1, size)}>{size}</Link>}
          </span>
        ))}{" "}
        per page
      </p>
    </nav>
  );
}
