// First-load JavaScript per route, from a production build (.next). Next.js 16
// with Turbopack no longer prints sizes after `next build`, so this reads the
// same data: the root chunks every page loads, plus the client chunks of the
// route's layouts, page and error boundaries (each route's client reference
// manifest), each chunk counted once and measured gzip-compressed.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export interface RouteSize {
  route: string;
  files: number;
  gzipBytes: number;
}

/** Routes young commissioners use: held to the 150 KB budget of issue 7. */
export const TECHNICIAN_ROUTE = /^\/(panels|time|welcome|words)(\/|$)/;
export const TECHNICIAN_BUDGET_BYTES = 150 * 1024;

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return manifests(full);
    return name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/** "/(portal)/panels/[tenderId]/page" → "/panels/[tenderId]" */
function routeOf(key: string): string {
  const route = key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "");
  return route === "" ? "/" : route;
}

export function measureRoutes(nextDir: string): RouteSize[] {
  const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const gzipCache = new Map<string, number>();
  const gzipSize = (file: string) => {
    let size = gzipCache.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(nextDir, file))).length;
      gzipCache.set(file, size);
    }
    return size;
  };
  const sizes: RouteSize[] = [];
  for (const file of manifests(path.join(nextDir, "server", "app"))) {
    const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    context.globalThis = context;
    vm.runInNewContext(readFileSync(file, "utf8"), context);
    for (const [key, manifest] of Object.entries(context.__RSC_MANIFEST ?? {})) {
      if (key.startsWith("/_")) continue;
      const files = new Set<string>(build.rootMainFiles);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of chunks) files.add(chunk);
      sizes.push({ route: routeOf(key), files: files.size, gzipBytes: [...files].reduce((sum, f) => sum + gzipSize(f), 0) });
    }
  }
  return sizes.sort((a, b) => a.route.localeCompare(b.route));
}
