import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync as gzip } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/classifier/csv.ts';
import { stratifiedSplit, type DatasetName, type DatasetSplits, type LabelledText } from '../src/classifier/datasets.ts';
import { FeatureHasher, type FeatureSpec } from '../src/classifier/features.ts';
import { DEFAULT_MODEL_PATH, defaultClassifier, loadClassifier, loadClassifierOrWarn, ModelLoadError } from '../src/classifier/index.ts';
import { HEADS } from '../src/classifier/heads.ts';
import { learnBinaryHead } from '../src/classifier/learn.ts';
import { LinearClassifier } from '../src/classifier/linear-classifier.ts';
import { encodeTexts } from '../src/classifier/matrix.ts';
import { bestThreshold, classificationFigures, macroF1At } from '../src/classifier/metrics.ts';
import { decodeModel } from '../src/classifier/model-file.ts';
import { DEFAULT_PLAN, trainModel, type TrainingPlan } from '../src/classifier/training.ts';
import { foldForModel } from '../src/normalize/index.ts';

const TINY_SPEC: FeatureSpec = { ...DEFAULT_PLAN.spec, bucketBits: 14 };
const TINY_PLAN: TrainingPlan = { ...DEFAULT_PLAN, spec: TINY_SPEC, learn: { ...DEFAULT_PLAN.learn, epochs: 10 } };

// Separable toy corpora: the positive class always carries an abusive word, the negative class never does.
const zhBad = ['傻逼', '垃圾', '滚蛋', '蠢货', '废物'];
const zhGood = ['谢谢', '你好', '天气', '晚饭', '周末'];
const enBad = ['idiot', 'moron', 'loser', 'scum', 'trash'];
const enGood = ['thanks', 'hello', 'weather', 'dinner', 'weekend'];
const fillers = ['今天', '我们', '真的', '这个', '他说', '明天'];
const enFillers = ['today', 'we', 'really', 'this', 'he said', 'tomorrow'];

function toy(words: string[], pad: string[], label: number, count: number, sep: string, offset = 0): LabelledText[] {
  return Array.from({ length: count }, (_, i) => ({
    text: [pad[(i + offset) % pad.length], words[(i * 3 + offset) % words.length], pad[(i * 7 + 1 + offset) % pad.length]].join(sep),
    label,
  }));
}

function toyCorpora(): Record<DatasetName, DatasetSplits> {
  const zh = (offset: number, n: number): LabelledText[] => [...toy(zhBad, fillers, 1, n, '', offset), ...toy(zhGood, fillers, 0, n, '', offset)];
  const en = (offset: number, n: number): LabelledText[] => [
    ...toy(enBad, enFillers, 1, n, ' ', offset),
    ...toy(['nigger', 'faggot'], enFillers, 0, n / 2, ' ', offset),
    ...toy(enGood, enFillers, 2, n, ' ', offset),
  ];
  const files = [{ path: 'toy', sha256: '0'.repeat(64) }];
  return {
    cold: { name: 'cold', train: zh(0, 40), tune: zh(1, 10), test: zh(2, 10), files, fitOnTune: false },
    swsr: { name: 'swsr', train: zh(3, 40), tune: zh(4, 10), test: zh(5, 10), files, fitOnTune: true },
    davidson: { name: 'davidson', train: en(0, 40), tune: en(1, 10), test: en(2, 10), files, fitOnTune: true },
  };
}

describe('learning on a small fixture set', () => {
  it('loss falls over epochs and separable toy data is classified', () => {
    const corpora = toyCorpora();
    const hasher = new FeatureHasher(TINY_SPEC);
    const matrix = encodeTexts(hasher, corpora.cold.train.map((x) => foldForModel(x.text)));
    const labels = Uint8Array.from(corpora.cold.train, (x) => x.label);
    const head = learnBinaryHead(matrix, labels, hasher.buckets, { ...TINY_PLAN.learn, seed: 1 });
    expect(head.epochLosses.at(-1)!).toBeLessThan(head.epochLosses[0]! * 0.5);

    const { model } = trainModel(corpora, TINY_PLAN);
    expect(model.card.test.cold.macro_f1).toBe(1);
    expect(model.card.test.davidson.macro_f1).toBe(1);
    const classifier = new LinearClassifier(model);
    expect(classifier.score(foldForModel('他说你是傻逼')).insult).toBeGreaterThan(0.5);
    expect(classifier.score(foldForModel('他说谢谢')).insult).toBeLessThan(0.5);
    expect(classifier.score(foldForModel('he said idiot')).insult).toBeGreaterThan(0.5);
    expect(classifier.score(foldForModel('he said thanks')).insult).toBeLessThan(0.5);
  });

  it('is deterministic for a seed: the same data gives the same model bytes', () => {
    const a = trainModel(toyCorpora(), TINY_PLAN).bytes;
    const b = trainModel(toyCorpora(), TINY_PLAN).bytes;
    expect(a.equals(b)).toBe(true);
  });
});

describe('model file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haven-model-'));
  const { model, bytes } = trainModel(toyCorpora(), TINY_PLAN);
  const path = join(dir, 'toy.model');
  writeFileSync(path, bytes);

  it('a saved model loads and gives the same scores', () => {
    const inMemory = new LinearClassifier(model);
    const loaded = loadClassifier(path);
    expect(loaded.card).toEqual(model.card);
    for (const text of ['他说你是傻逼', 'he said idiot', 'hello there 你好', '', '🙂🙂']) {
      expect(loaded.score(foldForModel(text))).toEqual(inMemory.score(foldForModel(text)));
      expect(loaded.headScores(foldForModel(text))).toEqual(inMemory.headScores(foldForModel(text)));
    }
  });

  it('a missing model file is a ModelLoadError naming the file', () => {
    const missing = join(dir, 'nope.model');
    expect(() => loadClassifier(missing)).toThrow(ModelLoadError);
    expect(() => loadClassifier(missing)).toThrow(/nope\.model: file not found/);
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 100), /corrupt or truncated|weight bytes/],
    ['cut inside the header', (b: Buffer) => b.subarray(0, 40), /truncated inside the header/],
    ['not a model', () => Buffer.from('hello, world'), /bad magic/],
    ['altered weights', (b: Buffer) => flipLastWeightByte(b), /checksum|corrupt/],
    ['wrong version', (b: Buffer) => withVersion(b, 99), /unsupported format version 99/],
  ])('a %s file is a ModelLoadError', (_name, damage, message) => {
    const damaged = join(dir, 'damaged.model');
    writeFileSync(damaged, damage(Buffer.from(bytes)));
    expect(() => loadClassifier(damaged)).toThrow(ModelLoadError);
    expect(() => loadClassifier(damaged)).toThrow(message);
  });

  it('a broken model falls back to rules with one warning', () => {
    const warnings: string[] = [];
    expect(loadClassifierOrWarn(join(dir, 'nope.model'), (line) => warnings.push(line))).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/warning: cannot load model .*nope\.model.*rules only/);
  });
});

function flipLastWeightByte(bytes: Buffer): Buffer {
  // Decompress, flip one weight, recompress with a valid gzip: only the checksum can catch it.
  const decoded = decodeModel(bytes, 'x');
  const headerLength = bytes.readUInt32LE(12);
  const raw = Buffer.from(decoded.weights.buffer, decoded.weights.byteOffset, decoded.weights.byteLength);
  raw[raw.length - 1] = raw[raw.length - 1]! ^ 0x7f;
  return Buffer.concat([bytes.subarray(0, 16 + headerLength), gzip(raw)]);
}

function withVersion(bytes: Buffer, version: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt32LE(version, 8);
  return copy;
}

describe('the committed model', () => {
  it('loads from models/haven.model and is within the size budget', () => {
    expect(readFileSync(DEFAULT_MODEL_PATH).length).toBeLessThanOrEqual(8 * 1024 * 1024);
    const model = defaultClassifier();
    expect(model).not.toBeNull();
    expect(defaultClassifier()).toBe(model);
  });

  it('scores clear abuse high and everyday talk low, in each language', () => {
    const model = defaultClassifier()!;
    const s = (text: string) => model.score(foldForModel(text));
    expect(s('你就是个傻逼，脑子有病').insult).toBeGreaterThan(0.5);
    expect(s('you are a stupid bitch').insult).toBeGreaterThan(0.5);
    expect(s('今天天气很好，我们去公园散步吧').insult).toBeLessThan(0.5);
    expect(s('thanks for the quick delivery, great seller').insult).toBeLessThan(0.5);
    expect(s('thanks for the quick delivery').sexual_harassment).toBe(0);
  });

  it('gates heads by script: Chinese heads say nothing about English-only text and vice versa', () => {
    const model = defaultClassifier()!;
    const english = model.headScores(foldForModel('you are a stupid bitch'));
    const scores = model.score(foldForModel('you are a stupid bitch'));
    expect(scores.insult).toBe(english.davidson_abusive);
    expect(model.score(foldForModel('12345 !!!'))).toEqual({ insult: 0, hate: 0, sexual_harassment: 0 });
  });

  it('in a text with Han characters, English heads need two Latin words: one is a brand or a name', () => {
    const model = defaultClassifier()!;
    const brand = foldForModel('Switch游戏卡 塞尔达 二手 可走验货宝');
    const heads = model.headScores(brand);
    expect(model.score(brand)).toEqual({ insult: heads.cold_offensive, hate: heads.swsr_sexist, sexual_harassment: 0 });
    const mixed = foldForModel('这个卖家 is so stupid');
    const both = model.headScores(mixed);
    expect(model.score(mixed).insult).toBe(Math.max(both.cold_offensive, both.davidson_abusive));
    expect(model.score(mixed).hate).toBe(Math.max(both.swsr_sexist, both.davidson_hate));
  });
});

describe('features', () => {
  const hasher = new FeatureHasher({ ...DEFAULT_PLAN.spec, scaling: 'log-l2' });

  it('log-l2: any text encodes to distinct in-range buckets with unit length (or nothing), deterministically', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const a = hasher.encode(text);
        const indices = Array.from(a.indices.subarray(0, a.length));
        const values = Array.from(a.values.subarray(0, a.length));
        let norm = 0;
        for (let k = 0; k < a.length; k++) {
          expect(indices[k]).toBeGreaterThanOrEqual(0);
          expect(indices[k]).toBeLessThan(hasher.buckets);

          norm += values[k]! ** 2;
        }
        if (a.length > 0) expect(norm).toBeCloseTo(1, 5);
        expect(new Set(indices).size).toBe(indices.length);
        const b = hasher.encode(text);
        expect(Array.from(b.indices.subarray(0, b.length))).toEqual(indices);
      }),
      { numRuns: 300 },
    );
  });

  it('sqrt-count: values are counts / √(number of n-grams), and the buckets are those hashNgrams lists', () => {
    const sqrt = new FeatureHasher({ ...DEFAULT_PLAN.spec, lexicons: [], scaling: 'sqrt-count' });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const n = sqrt.hashNgrams(text);
        const counts = new Map<number, number>();
        for (const id of sqrt.rawIds.subarray(0, n)) counts.set(id, (counts.get(id) ?? 0) + 1);
        const view = sqrt.encode(text);
        expect(view.length).toBe(counts.size);
        for (let k = 0; k < view.length; k++) expect(view.values[k]).toBeCloseTo(counts.get(view.indices[k]!)! / Math.sqrt(n), 5);
      }),
      { numRuns: 200 },
    );
    // no repeats: the same vector as log-l2
    const a = sqrt.encode('you are kind');
    const b = new FeatureHasher({ ...DEFAULT_PLAN.spec, lexicons: [], scaling: 'log-l2' }).encode('you are kind');
    expect(Array.from(a.values.subarray(0, a.length))).toEqual(Array.from(b.values.subarray(0, b.length)));
  });

  it('latinCharMin drops Latin 1-grams and keeps Han ones', () => {
    const one = new FeatureHasher({ ...TINY_SPEC, lexicons: [], wordMax: 0 });
    const two = new FeatureHasher({ ...TINY_SPEC, lexicons: [], wordMax: 0, latinCharMin: 2 });
    expect(one.encode('abc').length - two.encode('abc').length).toBe(3); // a, b, c
    expect(two.encode('傻逼').length).toBe(one.encode('傻逼').length);
  });

  it('rejects a spec with an unknown scaling or a latinCharMin out of range', () => {
    expect(() => new FeatureHasher({ ...TINY_SPEC, scaling: 'l1' as never })).toThrow(/scaling/);
    expect(() => new FeatureHasher({ ...TINY_SPEC, latinCharMin: 9 })).toThrow(/latinCharMin/);
  });

  it('a sqrt-count model scores in one pass exactly as through the encoded vector', () => {
    const spec: FeatureSpec = { ...TINY_SPEC, scaling: 'sqrt-count', lexicons: [{ name: 'toy', weight: 0.7, terms: ['傻逼', 'idiot'] }] };
    const weights = Int8Array.from({ length: (1 << spec.bucketBits) * 4 }, (_, i) => ((Math.imul(i, 2654435761) >>> 24) & 0xff) - 128);
    const model = { card: {} as never, spec, heads: HEADS.map((h, i) => ({ name: h.name, bias: 0.1 * i, scale: 0.01 })), weights };
    const fused = new LinearClassifier(model);
    const hasher = new FeatureHasher(spec);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('你这个傻逼 idiot 傻逼', 'idiot idiot idiot', '哈哈哈哈哈哈')), (text) => {
        const view = hasher.encode(text);
        const scores = fused.headScores(text);
        HEADS.forEach((head, h) => {
          let z = 0;
          for (let k = 0; k < view.length; k++) z += weights[view.indices[k]! * 4 + h]! * view.values[k]!;
          const p = 1 / (1 + Math.exp(-(0.1 * h + 0.01 * z)));
          expect(scores[head.name]).toBeCloseTo(p, 6);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a very long message encodes without overflowing', () => {
    const long = '你好傻逼'.repeat(50_000);
    expect(hasher.encode(long).length).toBeGreaterThan(0);
  });
});

describe('data handling', () => {
  it('reads quoted CSV fields with commas, doubled quotes and line breaks', () => {
    const table = parseCsv('\ufeffa,b\n1,"x, ""y""\nz"\r\n2,w\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      ['1', 'x, "y"\nz'],
      ['2', 'w'],
    ]);
  });

  it('a stratified split keeps class shares and is fixed by the seed', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ label: i % 10 === 0 ? 1 : 0, id: i }));
    const [held, rest] = stratifiedSplit(items, 0.2, 7);
    expect(held).toHaveLength(200);
    expect(rest).toHaveLength(800);
    expect(held.filter((x) => x.label === 1)).toHaveLength(20);
    expect(stratifiedSplit(items, 0.2, 7)[0]).toEqual(held);
    expect(stratifiedSplit(items, 0.2, 8)[0]).not.toEqual(held);
  });

  it('tunes the threshold that maximises macro-F1 and computes figures', () => {
    const t = bestThreshold([0.9, 0.8, 0.35, 0.3, 0.1], [1, 1, 1, 0, 0]);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThan(0.35);
    const f = classificationFigures([1, 1, 0, 0], [1, 0, 0, 0], 2);
    expect(f.accuracy).toBe(0.75);
    expect(f.macro_f1).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
    // the validation figure the card records: macro-F1 of predicting 1 at or above the threshold
    expect(macroF1At([0.9, 0.8, 0.35, 0.3, 0.1], [1, 1, 1, 0, 0], t)).toBe(1);
    expect(macroF1At([0.9, 0.8, 0.35, 0.3, 0.1], [1, 1, 1, 0, 0], 0.85)).toBeCloseTo(classificationFigures([1, 1, 1, 0, 0], [1, 0, 0, 0, 0], 2).macro_f1, 12);
  });
});

describe('lexicon and Han n-gram features', () => {
  it('a lexicon adds one feature valued weight · ln(1 + distinct terms found)', () => {
    const spec: FeatureSpec = { ...TINY_SPEC, lexicons: [{ name: 'toy', weight: 0.5, terms: ['傻逼', 'idiot'] }] };
    const plain = new FeatureHasher(TINY_SPEC).encode('你这个傻逼 idiot 傻逼');
    const withLexicon = new FeatureHasher(spec);
    const view = withLexicon.encode('你这个傻逼 idiot 傻逼');
    expect(view.length).toBe(plain.length + 1);
    expect(view.values[view.length - 1]).toBeCloseTo(0.5 * Math.log(3), 5);
    const none = new FeatureHasher(spec).encode('你好');
    expect(none.length).toBe(new FeatureHasher(TINY_SPEC).encode('你好').length);
  });

  it('hanCharMax drops only the long n-grams that contain a Han character', () => {
    const four = new FeatureHasher({ ...TINY_SPEC, charMax: 4, hanCharMax: 4 });
    const three = new FeatureHasher({ ...TINY_SPEC, charMax: 4, hanCharMax: 3 });
    expect(three.encode('abcdefgh').length).toBe(four.encode('abcdefgh').length);
    expect(three.encode('你们都是好人').length).toBeLessThan(four.encode('你们都是好人').length);
  });
});

describe('HanSegmenter (jieba in TypeScript)', () => {
  it('cuts like @node-rs/jieba cut(text, false)', async () => {
    const { Jieba } = await import('@node-rs/jieba');
    const { dict } = await import('@node-rs/jieba/dict.js');
    const { hanSegmenter } = await import('../src/classifier/segmenter.ts');
    const native = Jieba.withDict(dict);
    const samples = ['我们中出了一个叛徒', '南京市长江大桥', '女权主义者都是这样的吗', '这个人真是个傻逼垃圾', '他来到了网易杭研大厦', '研究生命起源', '结婚的和尚未结婚的', '鿋鿌', '一'];
    const codes = new Int32Array(64);
    const ends = new Int32Array(64);
    for (const text of samples) {
      for (let k = 0; k < text.length; k++) codes[k] = text.charCodeAt(k);
      const n = hanSegmenter().cut(codes, 0, text.length, ends);
      const words: string[] = [];
      for (let w = 0, start = 0; w < n; start = ends[w]!, w++) words.push(text.slice(start, ends[w]));
      expect(words).toEqual(native.cut(text, false));
    }
  });
});
