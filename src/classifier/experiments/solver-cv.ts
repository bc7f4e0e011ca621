/**
 * SWSR / COLD / Davidson 5-fold CV of learners over train + tune (never the test split): the shipped AdaGrad NB-LR,
 * the exact dual-CD solver (solver.ts) on the shipped hashed features, and sklearn-style exact-vocabulary TF-IDF
 * char n-grams, plus probability-averaged ensembles. Pooled out-of-fold threshold, as training.ts does.
 * Run from the repo root, e.g.:
 *   DS=swsr EXP=base,hashnb,tfidf-lr CS=4,16 SUB=1 ENS=1 npx tsx src/classifier/experiments/solver-cv.ts
 * EXP: base | hashlr | hashnb | hashsvm | hashnbsvm | tfidf-lr | tfidf-l2svm; CS: C values; SUB=1 sublinear tf;
 * WORDS=1|2 jieba words; MINDF; FSEED: fold seed (default the one training.ts uses); ENS / ENS3: ensembles.
 */
import { foldForModel } from '../../normalize/index.ts';
import { loadDataset, loadLexicon, resolveDataRoot } from '../datasets.ts';
import { FeatureHasher, type FeatureSpec } from '../features.ts';
import { DEFAULT_PLAN, stratifiedFolds } from '../training.ts';
import { encodeTexts, selectRows, type FeatureMatrix } from '../matrix.ts';
import { learnBinaryHead, logCountRatio } from '../learn.ts';
import { solveLinear, DEFAULT_SOLVER, type SolverOptions } from '../solver.ts';
import { bestThreshold, classificationFigures } from '../metrics.ts';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const ROOT = resolveDataRoot(undefined, process.env);
const dsName = (process.env.DS ?? 'swsr') as 'swsr' | 'cold' | 'davidson';
const H = dsName === 'cold' ? 0 : dsName === 'swsr' ? 1 : 2;
const splits = loadDataset(ROOT, dsName, 42);
const items = [...splits.train, ...splits.tune];
const pos = (l: number) => dsName === 'davidson' ? l !== 2 : l === 1;
const labels = Uint8Array.from(items, (x) => (pos(x.label) ? 1 : 0));
const t0 = performance.now();
const texts = items.map((x) => foldForModel(x.text));
console.error('folded', items.length, ((performance.now() - t0) / 1000).toFixed(1), 's');
const fold = stratifiedFolds(labels, 5, Number(process.env.FSEED ?? 42 + 100 + H));
const K = 5;
const fits: number[][] = [], helds: number[][] = [];
for (let k = 0; k < K; k++) { const f: number[] = [], h: number[] = []; fold.forEach((x, r) => (x === k ? h : f).push(r)); fits.push(f); helds.push(h); }

function f1At(scores: Float64Array, th: number) { return classificationFigures(labels, Array.from(scores, (s) => (s >= th ? 1 : 0)), 2).macro_f1; }
function report(name: string, scores: Float64Array) {
  const th = bestThreshold(scores, labels);
  const pooled = f1At(scores, th);
  // per-fold F1 at the pooled threshold
  const per = helds.map((h) => classificationFigures(h.map((r) => labels[r]!), h.map((r) => (scores[r]! >= th ? 1 : 0)), 2).macro_f1);
  const mean = per.reduce((a, b) => a + b, 0) / K; const sd = Math.sqrt(per.reduce((a, b) => a + (b - mean) ** 2, 0) / (K - 1));
  console.log(`${name.padEnd(60)} CV ${pooled.toFixed(4)}  folds ${mean.toFixed(4)}±${sd.toFixed(4)}  th ${th.toFixed(3)}`);
  return pooled;
}

// ---- hashed features (the shipped spec)
let hashed: FeatureMatrix | null = null;
function getHashed(): FeatureMatrix {
  if (hashed) return hashed;
  const lex = DEFAULT_PLAN.lexicons.map((l) => { const L = loadLexicon(ROOT, l.name); return { name: L.name, weight: l.weight, terms: [...new Set(L.terms.map(foldForModel).filter((t) => t.length > 0))] }; });
  const spec: FeatureSpec = { ...DEFAULT_PLAN.spec, lexicons: lex };
  const hasher = new FeatureHasher(spec);
  hashed = encodeTexts(hasher, texts);
  return hashed;
}
const BUCKETS = 1 << 20;

// ---- exact-vocabulary TF-IDF (sklearn style)
let jb: Jieba | null = null;
function grams(text: string, o: TfOpts): string[] {
  const t = text.replace(/\s+/g, ' ');
  const out: string[] = [];
  const s = o.wb ? ` ${t.trim()} ` : t;
  for (let n = o.min; n <= o.max; n++) for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  if (o.words) { jb ??= Jieba.withDict(dict); const ws = jb.cut(t, false).filter((w) => w.trim().length > 0); for (const w of ws) out.push('\u0001' + w); if (o.words > 1) for (let i = 1; i < ws.length; i++) out.push('\u0002' + ws[i - 1] + ' ' + ws[i]); }
  return out;
}
interface TfOpts { min: number; max: number; wb: boolean; sublinear: boolean; words: number; minDf: number }
const gramCache = new Map<string, string[][]>();
function tfidf(fit: number[], o: TfOpts): { matrix: FeatureMatrix; dims: number } {
  const key = JSON.stringify([o.min, o.max, o.wb, o.words]);
  let G = gramCache.get(key);
  if (!G) { G = texts.map((t) => grams(t, o)); gramCache.set(key, G); }
  const df = new Map<string, number>();
  for (const r of fit) for (const g of new Set(G[r]!)) df.set(g, (df.get(g) ?? 0) + 1);
  const vocab = new Map<string, number>(); const idf: number[] = [];
  const N = fit.length;
  for (const [g, d] of df) if (d >= o.minDf) { vocab.set(g, idf.length); idf.push(Math.log((1 + N) / (1 + d)) + 1); }
  const offsets = new Int32Array(texts.length + 1); const ind: number[] = []; const val: number[] = [];
  for (let r = 0; r < texts.length; r++) {
    const c = new Map<number, number>();
    for (const g of G[r]!) { const j = vocab.get(g); if (j !== undefined) c.set(j, (c.get(j) ?? 0) + 1); }
    const ks = [...c.keys()].sort((a, b) => a - b); let norm = 0; const vs: number[] = [];
    for (const j of ks) { const tf = o.sublinear ? 1 + Math.log(c.get(j)!) : c.get(j)!; const v = tf * idf[j]!; vs.push(v); norm += v * v; }
    norm = Math.sqrt(norm) || 1;
    ks.forEach((j, i) => { ind.push(j); val.push(vs[i]! / norm); });
    offsets[r + 1] = ind.length;
  }
  return { matrix: { rows: texts.length, offsets, indices: Int32Array.from(ind), values: Float32Array.from(val) }, dims: idf.length };
}

function scoreRows(w: Float64Array | Float32Array, b: number, m: FeatureMatrix, rows: number[], out: Float64Array, prob = true) {
  const sub = selectRows(m, rows);
  for (let i = 0; i < rows.length; i++) { let z = b; for (let k = sub.offsets[i]!; k < sub.offsets[i + 1]!; k++) z += w[sub.indices[k]!]! * sub.values[k]!; out[rows[i]!] = prob ? 1 / (1 + Math.exp(-z)) : z; }
}

function cv(fn: (fit: number[], held: number[], out: Float64Array) => void): Float64Array {
  const out = new Float64Array(labels.length);
  for (let k = 0; k < K; k++) fn(fits[k]!, helds[k]!, out);
  return out;
}
const adagrad = () => cv((fit, held, out) => {
  const m = getHashed();
  const head = learnBinaryHead(selectRows(m, fit), Uint8Array.from(fit, (r) => labels[r]!), BUCKETS, { ...DEFAULT_PLAN.learn, seed: 42 + H });
  scoreRows(head.weights, head.bias, m, held, out);
});
const exactHashed = (so: Partial<SolverOptions>, nb: number | null) => cv((fit, held, out) => {
  const m = getHashed();
  let fm = selectRows(m, fit); const fl = Uint8Array.from(fit, (r) => labels[r]!);
  let ratio: Float32Array | null = null;
  if (nb !== null) { ratio = logCountRatio(fm, fl, BUCKETS, nb); const v = Float32Array.from(fm.values, (x, k) => x * ratio![fm.indices[k]!]!); fm = { ...fm, values: v }; }
  const s = solveLinear(fm, fl, BUCKETS, { ...DEFAULT_SOLVER, ...so, seed: 42 + H });
  if (ratio) for (let j = 0; j < BUCKETS; j++) s.weights[j] = s.weights[j]! * ratio[j]!;
  if (!s.converged) console.error('  not converged', s.iterations);
  scoreRows(s.weights, s.bias, m, held, out, so.loss !== 'l2svm');
});
const exactTfidf = (so: Partial<SolverOptions>, o: TfOpts) => cv((fit, held, out) => {
  const { matrix, dims } = tfidf(fit, o);
  const s = solveLinear(selectRows(matrix, fit), Uint8Array.from(fit, (r) => labels[r]!), dims, { ...DEFAULT_SOLVER, ...so, seed: 42 + H });
  if (!s.converged) console.error('  not converged', s.iterations);
  scoreRows(s.weights, s.bias, matrix, held, out, so.loss !== 'l2svm');
});

const exps = (process.env.EXP ?? 'base').split(',');
const results: Record<string, Float64Array> = {};
const T = (name: string, f: () => Float64Array) => { const t = performance.now(); const s = f(); results[name] = s; report(name + ` (${((performance.now() - t) / 1000).toFixed(0)}s)`, s); return s; };
const Cs = (process.env.CS ?? '1,4,16').split(',').map(Number);
for (const e of exps) {
  if (e === 'base') T('adagrad NB (shipped plan)', adagrad);
  if (e === 'hashlr') for (const C of Cs) T(`exact LR hashed no-NB C=${C}`, () => exactHashed({ loss: 'lr', C }, null));
  if (e === 'hashnb') for (const C of Cs) T(`exact LR hashed NB4 C=${C}`, () => exactHashed({ loss: 'lr', C }, 4));
  if (e === 'hashsvm') for (const C of Cs) T(`exact L2SVM hashed no-NB C=${C}`, () => exactHashed({ loss: 'l2svm', C }, null));
  if (e === 'hashnbsvm') for (const C of Cs) T(`exact L2SVM hashed NB4 C=${C}`, () => exactHashed({ loss: 'l2svm', C }, 4));
  for (const loss of ['lr', 'l2svm'] as const) {
    const base: TfOpts = { min: 1, max: 3, wb: false, sublinear: process.env.SUB === '1', words: Number(process.env.WORDS ?? 0), minDf: Number(process.env.MINDF ?? 1) };
    if (e === `tfidf-${loss}`) for (const C of Cs) T(`exact ${loss} tfidf ${JSON.stringify(base)} C=${C}`, () => exactTfidf({ loss, C }, base));
  }
}
if (process.env.ENS) {
  const names = Object.keys(results);
  const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));
  for (let a = 0; a < names.length; a++) for (let b = a + 1; b < names.length; b++) {
    const A = results[names[a]!]!, B = results[names[b]!]!;
    report(`ENS prob-avg [${a}]+[${b}]`, Float64Array.from(A, (x, i) => (x + B[i]!) / 2));
    report(`ENS logit-avg [${a}]+[${b}]`, Float64Array.from(A, (x, i) => (logit(x) + logit(B[i]!)) / 2));
  }
}
if (process.env.ENS3) {
  const names = Object.keys(results);
  const avg = Float64Array.from(results[names[0]!]!, (_, i) => names.reduce((s, n) => s + results[n]![i]!, 0) / names.length);
  report(`ENS prob-avg all ${names.length}`, avg);
}
