/**
 * `npm run bench`: messages/second on one core and p50/p99 latency per message of Haven's `screen()` over a
 * realistic mix, against the obscenity npm package (English-only matcher) measured in the same run; then the
 * same corpus as whole processes: `haven screen --jsonl` versus a 20-line JSON Lines wrapper around obscenity.
 * Prints ratios (> 1 means Haven is faster). Every contender is timed in interleaved rounds (and the processes alternately), so a change of machine
 * load hits all alike; figures are medians. Run: npm run bench [-- --quick]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { createDefaultEngine } from '../src/default-engine.ts';
import { loadCorpus } from './corpus.ts';

const quick = process.argv.includes('--quick');
const corpus = loadCorpus();
const texts = quick ? corpus.texts.slice(0, 2000) : corpus.texts;
console.log(`corpus: ${corpus.name}; ${texts.length} messages, mean ${(texts.reduce((a, t) => a + t.length, 0) / texts.length).toFixed(0)} characters`);

interface Timing {
  perSecond: number;
  p50us: number;
  p99us: number;
}

/**
 * Times every contender over the corpus in interleaved rounds (A B C, B C A, …), so that a change of machine
 * load hits all of them alike; throughput is the median round's, latencies are over every call.
 */
function timeAll(contenders: Array<{ label: string; fn: (text: string) => unknown }>, rounds: number): Timing[] {
  for (const c of contenders) for (let i = 0; i < Math.min(texts.length, 2000); i++) c.fn(texts[i] as string); // warm up
  const lat = contenders.map(() => new Float64Array(texts.length * rounds));
  const perRound = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < contenders.length; j++) {
      const c = (j + r) % contenders.length;
      const fn = contenders[c]!.fn;
      const l = lat[c]!;
      let k = r * texts.length;
      const t0 = process.hrtime.bigint();
      for (const text of texts) {
        const s = process.hrtime.bigint();
        fn(text);
        l[k++] = Number(process.hrtime.bigint() - s) / 1000;
      }
      perRound[c]!.push(texts.length / (Number(process.hrtime.bigint() - t0) / 1e9));
    }
  }
  return contenders.map((c, i) => {
    const l = lat[i]!.sort();
    const sorted = perRound[i]!.sort((a, b) => a - b);
    const t: Timing = { perSecond: sorted[sorted.length >> 1] ?? 0, p50us: l[Math.floor(l.length * 0.5)] ?? 0, p99us: l[Math.floor(l.length * 0.99)] ?? 0 };
    console.log(`  ${c.label.padEnd(34)} ${t.perSecond.toFixed(0).padStart(8)} msg/s   p50 ${t.p50us.toFixed(1).padStart(6)} µs   p99 ${t.p99us.toFixed(1).padStart(7)} µs`);
    return t;
  });
}

const rounds = quick ? 3 : 7;
console.log(`\nin process, one core (${rounds} interleaved rounds; msg/s of the median round):`);
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const rulesOnly = createDefaultEngine({ model: false });
const full = createDefaultEngine();
const [peer, rules, haven] = timeAll(
  [
    { label: 'obscenity (English only)', fn: (t) => obscenity.getAllMatches(t) },
    { label: 'haven screen(), rules only', fn: (t) => rulesOnly.screen({ text: t }) },
    { label: 'haven screen(), rules + model', fn: (t) => full.screen({ text: t }) },
  ],
  rounds,
) as [Timing, Timing, Timing];
console.log(`  ratio haven/obscenity throughput: ${(haven.perSecond / peer.perSecond).toFixed(2)}x (rules only ${(rules.perSecond / peer.perSecond).toFixed(2)}x)`);
console.log(`  model adds ${((rules.perSecond / haven.perSecond - 1) * 100).toFixed(1)}% to screen() time`);

console.log('\nwhole processes (JSON Lines in, verdict lines out):');
const dir = mkdtempSync(join(tmpdir(), 'haven-bench-'));
const input = join(dir, 'corpus.jsonl');
writeFileSync(input, texts.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n');
function once(label: string, args: string[]): { seconds: number; lines: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input: require_input(), stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 1 << 30, env: process.env });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${label} exited with ${r.status}`);
  return { seconds, lines: r.stdout.toString().trim().split('\n').length };
}
/** Runs both processes `times` times, alternating; reports each one's median wall time. */
function runPair(a: [string, string[]], b: [string, string[]], times: number): [number, number] {
  const runs: Array<Array<{ seconds: number; lines: number }>> = [[], []];
  for (let i = 0; i < times; i++) for (const [k, [label, args]] of (i % 2 ? [[1, b], [0, a]] : [[0, a], [1, b]]) as Array<[number, [string, string[]]]>) runs[k]!.push(once(label, args));
  return ([a, b] as const).map(([label], k) => {
    const sorted = runs[k]!.sort((x, y) => x.seconds - y.seconds);
    const { seconds, lines } = sorted[sorted.length >> 1]!;
    console.log(`  ${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s   ${(lines / seconds).toFixed(0).padStart(8)} msg/s (${lines} lines, start-up included; median of ${times})`);
    return seconds;
  }) as [number, number];
}
let cachedInput: Buffer | undefined;
function require_input(): Buffer {
  cachedInput ??= Buffer.from(texts.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n');
  return cachedInput;
}
const root = new URL('..', import.meta.url).pathname;
const [peerSeconds, havenSeconds] = runPair(['obscenity JSONL wrapper', [join(root, 'bench/obscenity-jsonl.mjs')]], ['haven screen --jsonl', [join(root, 'bin/haven.js'), 'screen', '--jsonl']], quick ? 1 : 3);
console.log(`  ratio (obscenity time / haven time): ${(peerSeconds / havenSeconds).toFixed(2)}x`);
