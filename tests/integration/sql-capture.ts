// Records every SQL statement the Prisma client sends while a function runs,
// by wrapping pg's Client#query (adapter-pg talks to PostgreSQL through it).
// For tests only: the statement count of a page's loader, and EXPLAIN of each.
import pg from "pg";

export interface Statement {
  text: string;
  values: unknown[];
}

let recording: Statement[] | null = null;
const original = pg.Client.prototype.query;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (recording) {
      const text = typeof config === "string" ? config : config.text;
      recording.push({ text, values: (Array.isArray(values) ? values : typeof config === "object" ? config.values : undefined) ?? [] });
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}

export async function captureSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  install();
  const statements: Statement[] = [];
  recording = statements;
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    recording = null;
  }
}
