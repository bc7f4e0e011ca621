/**
 * Classifier speed: µs per message for scoring (with and without folding), feature encoding with jieba
 * words vs character n-grams only, and the share scoring adds to screen() (rules-only engine as the peer,
 * measured in the same run). Run: node --import tsx bench/classifier.bench.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FeatureHasher } from '../src/classifier/features.ts';
import { DEFAULT_MODEL_PATH, defaultClassifier } from '../src/classifier/index.ts';
import { decodeModel } from '../src/classifier/model-file.ts';
import { foldForModel } from '../src/normalize/index.ts';

function fixtureTexts(): string[] {
  const texts: string[] = [];
  for (const name of ['harmful.jsonl', 'must-not-flag.jsonl', 'pii.jsonl']) {
    const path = fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    }
  }
  return texts;
}

/** Best round's mean µs per call of `run` over all texts (the best round is the least disturbed by other load). */
function measure(label: string, texts: readonly string[], run: (text: string) => unknown, rounds = 15): number {
  for (const t of texts) run(t); // warm-up
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const t of texts) run(t);
    perRound.push(Number(process.hrtime.bigint() - start) / 1000 / texts.length);
  }
  perRound.sort((a, b) => a - b);
  const best = perRound[0]!;
  console.log(`${label.padEnd(46)} ${best.toFixed(2).padStart(8)} µs/message`);
  return best;
}

const texts = fixtureTexts();
const folded = texts.map(foldForModel);
const classifier = defaultClassifier();
if (!classifier) throw new Error('models/haven.model did not load');
console.log(`${texts.length} fixture messages, mean ${(texts.reduce((a, t) => a + t.length, 0) / texts.length).toFixed(0)} chars`);

// The model file's own spec (the card lists lexicons by name only; the file carries their terms).
const spec = decodeModel(readFileSync(DEFAULT_MODEL_PATH), DEFAULT_MODEL_PATH).spec;
const withJieba = new FeatureHasher({ ...spec, hanWords: 'jieba' });
const charsOnly = new FeatureHasher({ ...spec, hanWords: 'none' });
measure('encode, char n-grams + jieba words', folded, (t) => withJieba.encode(t));
measure('encode, char n-grams only', folded, (t) => charsOnly.encode(t));
const scoreOnly = measure('score(folded)', folded, (t) => classifier.score(t));
measure('foldForModel + score', texts, (t) => classifier.score(foldForModel(t)));

try {
  const { createDefaultEngine } = await import('../src/default-engine.ts');
  const rulesOnly = createDefaultEngine({ model: false });
  const withModel = createDefaultEngine();
  const peer = measure('screen(), rules only (peer)', texts, (text) => rulesOnly.screen({ text }));
  const full = measure('screen(), rules + model', texts, (text) => withModel.screen({ text }));
  console.log(`model adds ${(((full - peer) / peer) * 100).toFixed(1)} % to screen() (score alone: ${((scoreOnly / peer) * 100).toFixed(1)} % of rules-only screen())`);
} catch (error) {
  console.log(`screen() comparison skipped: ${error instanceof Error ? error.message : String(error)}`);
}
