import { afterEach, describe, expect, it } from "vitest";
import { SERVER_V8_FLAGS, serverArgs, serverEnv } from "../../scripts/lib/build";

// How `npm start`, the bench and the tests start the server: V8's memory settings by default
// (scripts/lib/build.ts explains and measures them), and an operator's own setting wins.
const saved = process.env.NODE_OPTIONS;
afterEach(() => {
  if (saved === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = saved;
});

describe("the server's Node.js settings", () => {
  it("starts the server with the memory settings before the server script", () => {
    delete process.env.NODE_OPTIONS;
    const args = serverArgs();
    expect(args.slice(0, SERVER_V8_FLAGS.length)).toEqual(["--heap-growing-percent=40", "--max-semi-space-size=32"]);
    expect(args.at(-1)).toMatch(/scripts[/\\]serve\.ts$/);
  });

  it("leaves out a default that NODE_OPTIONS or a flag given by the caller sets, whatever its spelling", () => {
    process.env.NODE_OPTIONS = "--max_semi_space_size=64 --import /tmp/x.mjs";
    expect(serverArgs()).not.toContain("--max-semi-space-size=32");
    expect(serverArgs()).toContain("--heap-growing-percent=40");
    delete process.env.NODE_OPTIONS;
    const args = serverArgs(["--heap-growing-percent=20", "--max-old-space-size=384"]);
    expect(args.filter((a) => a.startsWith("--heap-growing-percent"))).toEqual(["--heap-growing-percent=20"]);
    expect(args).toContain("--max-old-space-size=384");
  });

  it("keeps glibc to two malloc arenas unless the environment says otherwise", () => {
    const env = serverEnv({ ...process.env, MALLOC_ARENA_MAX: undefined, PORT: "3001" });
    expect(env).toMatchObject({ MALLOC_ARENA_MAX: "2", PORT: "3001" });
    expect(serverEnv({ ...process.env, MALLOC_ARENA_MAX: "8" }).MALLOC_ARENA_MAX).toBe("8");
  });
});
