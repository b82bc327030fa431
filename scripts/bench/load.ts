// Drives the running portal with autocannon (loopback only, bounded runs) and
// samples the server's resident memory while it does.
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";

export interface LoadResult {
  requests: number;
  errors: number;
  non2xx: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  bytesPerRequest: number;
  maxRssMb: number;
}

/** Resident memory of a process and all its children, in MB (Linux /proc). */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  let total = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const visit = (pid: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) / 1024;
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return Math.round(total);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

export async function load(
  url: string,
  cookie: string | null,
  connections: number,
  seconds: number,
  serverPid: number,
  /** A number of requests instead of a duration (the profiler). */
  amount?: number,
): Promise<LoadResult> {
  let maxRss = treeRssMb(serverPid);
  const timer = setInterval(() => (maxRss = Math.max(maxRss, treeRssMb(serverPid))), 250);
  const latencies: number[] = [];
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections,
          // Bounded by time, or by a number of requests when given (autocannon's `amount` overrides the duration).
          ...(amount ? { amount } : { duration: seconds }),
          headers: { ...(cookie ? { cookie } : {}), accept: "text/html,*/*;q=0.8", "accept-encoding": "gzip" },
          timeout: 30,
        },
        (error, r) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(r)),
      );
      instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    latencies.sort((a, b) => a - b);
    return {
      requests: result.requests.total,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      reqPerSec: Math.round(result.requests.average * 10) / 10,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      bytesPerRequest: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
      maxRssMb: maxRss,
    };
  } finally {
    clearInterval(timer);
  }
}
