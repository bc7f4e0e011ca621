// The peer for the whole-process benchmark: a 20-line JSON Lines wrapper around the obscenity npm package
// (English-only matcher with its recommended transformers), reading {"id","text"} and writing one verdict line each.
import { createInterface } from 'node:readline';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let out = '';
for await (const line of rl) {
  if (!line.trim()) continue;
  const { id, text } = JSON.parse(line);
  const matches = matcher.getAllMatches(text);
  out += JSON.stringify({ id, verdict: matches.length ? 'block' : 'allow', evidence: matches.map((m) => [m.startIndex, m.endIndex + 1]) }) + '\n';
  if (out.length > 65536) {
    if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once('drain', r));
    out = '';
  }
}
process.stdout.write(out);
