/**
 * An open-loop load generator: requests leave on a fixed schedule (`rate` per second, evenly spaced),
 * whether or not earlier ones were answered, over at most `connections` keep-alive sockets.
 *
 * Why not autocannon's `overallRate`: autocannon lets each connection send back to back until it has made
 * its quota for the current second, then pauses until the next one — the load comes in bursts at full speed,
 * so its latency at "2,000/s" is the latency of a saturated server for most of each burst. Here each request
 * has an intended start time, and its latency is counted from that time, not from when a socket became free
 * (no coordinated omission: a stalled server shows up as late answers for every request it delayed).
 */
import { Agent, request } from 'node:http';

export interface OpenLoopOptions {
  url: string;
  /** Requests per second, spread evenly. */
  rate: number;
  /** Seconds of sending. */
  duration: number;
  /** Most sockets open at once (requests beyond them wait for a free one, and that wait counts). */
  connections: number;
  method?: string;
  headers?: Record<string, string>;
  /** The body of the i-th request (0-based). */
  body?: (i: number) => string;
}

export interface OpenLoopResult {
  /** Requests answered per second of the run (sent ÷ the time until the last answer). */
  rps: number;
  sent: number;
  /** Answers with a 2xx status. */
  ok: number;
  /** Non-2xx answers and socket errors. */
  failed: number;
  /** Latency percentiles in ms, from each request's scheduled start to the end of its answer. */
  p50: number;
  p99: number;
  max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.duration);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let done = 0;
  let sent = 0;
  const start = performance.now();
  let lastAnswer = start;

  const finished = new Promise<void>((resolve) => {
    const answered = (scheduled: number, good: boolean): void => {
      const now = performance.now();
      lastAnswer = now;
      latencies.push(now - scheduled);
      if (good) ok++;
      else failed++;
      if (++done === total) resolve();
    };
    const send = (i: number, scheduled: number): void => {
      const body = options.body?.(i);
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: options.method ?? 'GET',
          headers: { ...options.headers, ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          res.resume();
          res.on('end', () => answered(scheduled, res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300));
          res.on('error', () => answered(scheduled, false));
        },
      );
      req.on('error', () => answered(scheduled, false));
      req.end(body);
    };
    // A 1 ms tick sends every request whose time has come (timers are coarse; the schedule is not).
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) {
        send(sent, start + sent * interval);
        sent++;
      }
      if (sent >= total) clearInterval(tick);
    }, 1);
    if (total === 0) resolve();
  });
  await finished;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    rps: total / ((lastAnswer - start) / 1000),
    sent: total,
    ok,
    failed,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
  };
}
