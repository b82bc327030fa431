import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { measureRoutes, TECHNICIAN_ROUTE } from "../../scripts/lib/js-size";

describe("first-load JavaScript per route", () => {
  it("adds the root chunks and the route's own chunks, each once, gzip-compressed, under the route's URL", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "js-size-"));
    const chunk = (name: string, body: string) => {
      mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
      writeFileSync(path.join(dir, "static", "chunks", name), body);
      return gzipSync(Buffer.from(body)).length;
    };
    const root = chunk("root.js", "console.log('runtime');".repeat(50));
    const shared = chunk("shared.js", "export const shared = 1;".repeat(20));
    const page = chunk("page.js", "export const page = 2;".repeat(10));
    writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/root.js"] }));
    const manifestDir = path.join(dir, "server", "app", "(portal)", "panels", "[tenderId]");
    mkdirSync(manifestDir, { recursive: true });
    const manifest = {
      entryJSFiles: {
        "[project]/src/app/layout": ["static/chunks/shared.js"],
        "[project]/src/app/(portal)/panels/[tenderId]/page": ["static/chunks/shared.js", "static/chunks/page.js"],
      },
    };
    writeFileSync(
      path.join(manifestDir, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/(portal)/panels/[tenderId]/page"] = ${JSON.stringify(manifest)};`,
    );
    expect(measureRoutes(dir)).toEqual([{ route: "/panels/[tenderId]", files: 3, gzipBytes: root + shared + page }]);
  });

  it("knows which routes are young commissioners' pages", () => {
    for (const route of ["/panels", "/panels/[tenderId]/bids/[bidId]", "/time/new", "/welcome", "/words"])
      expect(TECHNICIAN_ROUTE.test(route)).toBe(true);
    for (const route of ["/tenders", "/timesheets", "/establishment"]) expect(TECHNICIAN_ROUTE.test(route)).toBe(false);
  });
});
