/**
 * `npm run bench`: messages/second on one core and p50/p99 latency per message of Haven's `screen()` over a
 * realistic mix, against the obscenity npm package (English-only matcher) measured in the same run; then the
 * same corpus as whole processes: `haven screen --jsonl` versus a 20-line JSON Lines wrapper around obscenity.
 * Prints ratios (> 1 means Haven is faster). Run: npm run bench [-- --quick]
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

function time(label: string, fn: (text: string) => unknown, rounds: number): Timing {
  for (let i = 0; i < Math.min(texts.length, 2000); i++) fn(texts[i] as string); // warm up
  const lat = new Float64Array(texts.length * rounds);
  let k = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      const s = process.hrtime.bigint();
      fn(text);
      lat[k++] = Number(process.hrtime.bigint() - s) / 1000;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort();
  const t: Timing = { perSecond: (texts.length * rounds) / seconds, p50us: lat[Math.floor(k * 0.5)] ?? 0, p99us: lat[Math.floor(k * 0.99)] ?? 0 };
  console.log(`  ${label.padEnd(34)} ${t.perSecond.toFixed(0).padStart(8)} msg/s   p50 ${t.p50us.toFixed(1).padStart(6)} µs   p99 ${t.p99us.toFixed(1).padStart(7)} µs`);
  return t;
}

const rounds = quick ? 1 : 3;
console.log('\nin process, one core:');
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const peer = time('obscenity (English only)', (t) => obscenity.getAllMatches(t), rounds);
const rulesOnly = createDefaultEngine({ model: false });
const rules = time('haven screen(), rules only', (t) => rulesOnly.screen({ text: t }), rounds);
const full = createDefaultEngine();
const haven = time('haven screen(), rules + model', (t) => full.screen({ text: t }), rounds);
console.log(`  ratio haven/obscenity throughput: ${(haven.perSecond / peer.perSecond).toFixed(2)}x (rules only ${(rules.perSecond / peer.perSecond).toFixed(2)}x)`);
console.log(`  model adds ${((rules.perSecond / haven.perSecond - 1) * 100).toFixed(1)}% to screen() time`);

console.log('\nwhole processes (JSON Lines in, verdict lines out):');
const dir = mkdtempSync(join(tmpdir(), 'haven-bench-'));
const input = join(dir, 'corpus.jsonl');
writeFileSync(input, texts.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n');
function run(label: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input: require_input(), stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 1 << 30, env: process.env });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${label} exited with ${r.status}`);
  const lines = r.stdout.toString().trim().split('\n').length;
  console.log(`  ${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s   ${(lines / seconds).toFixed(0).padStart(8)} msg/s (${lines} lines, start-up included)`);
  return seconds;
}
let cachedInput: Buffer | undefined;
function require_input(): Buffer {
  cachedInput ??= Buffer.from(texts.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n');
  return cachedInput;
}
const root = new URL('..', import.meta.url).pathname;
const peerSeconds = run('obscenity JSONL wrapper', [join(root, 'bench/obscenity-jsonl.mjs')]);
const havenSeconds = run('haven screen --jsonl', [join(root, 'bin/haven.js'), 'screen', '--jsonl']);
console.log(`  ratio (obscenity time / haven time): ${(peerSeconds / havenSeconds).toFixed(2)}x`);
