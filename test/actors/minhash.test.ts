import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseText, estimateSimilarity, jaccard, minhash, shingleHashes, SIGNATURE_SIZE, signatureFromJson, signatureToJson, textSignature } from '../../src/actors/minhash.ts';
import { createEngine, type ScreenViews } from '../../src/engine.ts';
import { normalize } from '../../src/normalize/index.ts';
import { mutate, RAID_TEMPLATES, rng } from '../../src/cli/simulate/traffic.ts';

const TEMPLATE = 'get out of this stream nobody wants your kind here';

describe('near-duplicate text', () => {
  it.each([
    ['leetspeak', 'g3t 0ut of th1s str34m n0b0dy w4nts y0ur k1nd h3r3'],
    ['homoglyphs', 'gеt оut оf this strеam nоbоdy wants yоur kind hеrе'],
    ['zero-width characters', 'get\u200b out of\u200d this str\u2060eam nobody wants your kind here'],
    ['spacing', 'g e t  out   of this s t r e a m nobody wants your kind here'],
    ['emoji', '🔥 get out of this 💀 stream nobody wants your kind here 🤡🤡'],
    ['stretching and case', 'GET OUUUUT of this STREAM nobodyyyy wants your kind here!!!'],
    ['full-width forms', 'ｇｅｔ ｏｕｔ of this stream nobody wants your kind here'],
  ])('%s collapse onto the template', (_evasion, variant) => {
    const a = textSignature(TEMPLATE);
    const b = textSignature(variant);
    expect(estimateSimilarity(a.signature, b.signature)).toBeGreaterThanOrEqual(0.6);
    expect(jaccard(a.shingles, b.shingles)).toBeGreaterThanOrEqual(0.6);
  });

  it('300 altered copies of one template are near-duplicates of its first copy; unrelated chat is not', () => {
    const random = rng(7);
    for (const template of RAID_TEMPLATES) {
      const first = textSignature(mutate(random, template));
      const sims = Array.from({ length: 300 }, () => estimateSimilarity(first.signature, textSignature(mutate(random, template)).signature));
      expect(sims.filter((s) => s >= 0.45).length / sims.length).toBeGreaterThan(0.95);
    }
    const chat = ['anyone know when the next stream is', 'that jump was insane', 'what settings do you use', '第一次来，大家好'];
    const raid = textSignature(RAID_TEMPLATES[1]!);
    for (const c of chat) expect(estimateSimilarity(raid.signature, textSignature(c).signature)).toBeLessThan(0.2);
  });

  it('keeps only letters and digits of the skeleton view (repeated letters written once)', () => {
    expect(denseText('F.r.e.e  💰 M0NEY!!')).toBe('fremoney');
    expect(denseText('freeeee money')).toBe(denseText('free money'));
  });

  it('property: deterministic, symmetric, 1 on itself, in [0, 1]; signatures survive JSON', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (x, y) => {
        const a = textSignature(x);
        const b = textSignature(y);
        expect(textSignature(x).signature).toEqual(a.signature);
        const s = estimateSimilarity(a.signature, b.signature);
        expect(s).toBe(estimateSimilarity(b.signature, a.signature));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(estimateSimilarity(a.signature, a.signature)).toBe(1);
        expect(signatureFromJson(JSON.parse(JSON.stringify(signatureToJson(a.signature))))).toEqual(a.signature);
      }),
      { numRuns: 200 },
    );
    expect(signatureFromJson([1, 2, 3])).toBeNull();
    expect(SIGNATURE_SIZE).toBe(64);
  });
});

describe('near-duplicate text, written without per-character strings', () => {
  // The definitions before: a string per code point and per shingle.
  const fnv = (text: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const denseBefore = (text: string): string => {
    let out = '';
    for (const ch of normalize(text).skeleton.text) if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
    return out;
  };
  const shinglesBefore = (dense: string): Set<number> => {
    const cps = Array.from(dense);
    const out = new Set<number>();
    if (cps.length === 0) return out;
    if (cps.length <= 3) return out.add(fnv(cps.join('')));
    for (let i = 0; i + 3 <= cps.length; i++) out.add(fnv(cps.slice(i, i + 3).join('')));
    return out;
  };

  it('gives the same dense text, shingles, length and signature as before', () => {
    const samples = ['', 'a', 'ab', 'abc', 'abcd', '😀', 'a😀b', '😀😀😀😀', '\ud800', 'a\ud800b\udc00c', '\udc00\ud800', 'x\ud83d', RAID_TEMPLATES[0]!, '亲，这件宝贝还有货吗？可以包邮吗', 'f.r.e.e 💰 money ｆｒｅｅ', '𝐀𝐁𝐂 123 ٣٤'];
    const texts = [...samples, ...fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 500, seed: 11 }), ...fc.sample(fc.string({ unit: 'grapheme', maxLength: 30 }), { numRuns: 300, seed: 12 })];
    for (const text of texts) {
      const dense = denseBefore(text);
      expect(denseText(text)).toBe(dense);
      const shingles = shinglesBefore(dense);
      expect([...shingleHashes(dense)]).toEqual([...shingles]);
      // Dense texts straight from the generator too (lone surrogates, astral characters, no normalization).
      expect([...shingleHashes(text)]).toEqual([...shinglesBefore(text)]);
      const sig = textSignature(text);
      expect(sig.dense).toBe(dense);
      expect(sig.chars).toBe(Array.from(dense).length);
      expect([...sig.shingles]).toEqual([...shingles]);
      expect(Array.from(sig.signature)).toEqual(Array.from(minhash(shingles)));
    }
  });
});

describe('the skeleton the engine already computed', () => {
  it('gives the same signature as normalizing the text again, and screening with views gives the same result', () => {
    const engine = createEngine({ model: null });
    const texts = ['', 'get out of this stream nobody wants your kind here', 'GET OUUUUT of this STREAM nobodyyyy!!!', '亲，这件宝贝还有货吗？可以包邮吗', 'ｆｒｅｅ 💰 m0ney', 'a\ud800b', ...RAID_TEMPLATES, ...fc.sample(fc.string({ unit: 'grapheme', maxLength: 30 }), { numRuns: 200, seed: 13 })];
    for (const text of texts) {
      const views: ScreenViews = {};
      const result = engine.screen({ text }, views);
      expect(result).toEqual(engine.screen({ text }));
      expect(views.normalized).toEqual(normalize(text));
      const a = textSignature(text, views.normalized!.skeleton.text);
      const b = textSignature(text);
      expect(a.dense).toBe(b.dense);
      expect(a.chars).toBe(b.chars);
      expect([...a.shingles]).toEqual([...b.shingles]);
      expect(Array.from(a.signature)).toEqual(Array.from(b.signature));
    }
  });
});
