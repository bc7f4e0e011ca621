import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openLoop } from '../../bench/open-loop.ts';

let server: Server | undefined;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('openLoop (bench load generator)', () => {
  it('sends rate × duration requests with their bodies, and counts answers by status', async () => {
    const bodies: string[] = [];
    const url = await listen((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.statusCode = Number(body) % 10 === 0 ? 500 : 201;
        res.end('ok');
      });
    });
    const result = await openLoop({ url, rate: 200, duration: 0.5, connections: 4, method: 'POST', body: (i) => String(i) });
    expect(result.sent).toBe(100);
    expect(bodies.map(Number).sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    expect(result.failed).toBe(10); // bodies 0, 10, …, 90 answered 500
    expect(result.ok).toBe(90);
  });

  it('counts a stall from each request’s scheduled start, not from when a socket was free', async () => {
    // The server answers nothing for its first 300 ms, then everything at once: requests scheduled early in
    // that window waited ~300 ms, which a closed-loop client (one request per free socket) would not report.
    const opened = Date.now();
    const waiting: (() => void)[] = [];
    const url = await listen((req, res) => {
      req.resume();
      req.on('end', () => {
        const answer = () => res.end('ok');
        const left = 300 - (Date.now() - opened);
        if (left > 0) {
          waiting.push(answer);
          if (waiting.length === 1) setTimeout(() => waiting.splice(0).forEach((f) => f()), left);
        } else answer();
      });
    });
    const result = await openLoop({ url, rate: 100, duration: 0.6, connections: 2, method: 'POST', body: () => 'x' });
    expect(result.ok).toBe(60);
    expect(result.max).toBeGreaterThanOrEqual(250);
    expect(result.p50).toBeLessThan(result.max);
  });
});
