/**
 * How much of a page's HTML is the inlined React Server Components payload: the
 * arguments of every `self.__next_f.push(…)` inline script. The scripts carry
 * the page's CSP nonce (`<script nonce="…">`), so any attributes are allowed.
 */
export function rscPayloadBytes(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) bytes += Buffer.byteLength(m[1]!);
  return bytes;
}
