/**
 * The detector conformance suite (STYLE.md convention 3), run over every detector the engine builds:
 * lexicon, co-occurrence, PII, doxxing and the operator's block terms. Each must give spans inside the
 * original text (0 ≤ start ≤ end ≤ text.length), never throw on any input, and be deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cooccurrenceDetector } from '../../src/detect/cooccurrence.ts';
import { doxxingDetector } from '../../src/detect/doxxing/index.ts';
import { lexiconDetector } from '../../src/detect/lexicon.ts';
import { piiDetector } from '../../src/detect/pii/index.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';
import type { Detector, ScreenDoc } from '../../src/detect/types.ts';
import { operatorTermsDetector } from '../../src/engine.ts';
import { normalize } from '../../src/normalize/pipeline.ts';
import { resolvePolicy } from '../../src/policy/policy.ts';

const rules = loadRuleSet();
const operator = operatorTermsDetector(
  resolvePolicy({ blockTerms: ['forbidden phrase', { term: '禁词', label: 'hate', verdict: 'hold' }, 'f0o'] }, 'test policy'),
);
if (!operator) throw new Error('operator terms detector was not built');

const DETECTORS: Detector[] = [lexiconDetector(rules.lexicons), cooccurrenceDetector(rules.cooccurrence), piiDetector, doxxingDetector, operator];

function doc(text: string): ScreenDoc {
  return { original: text, normalized: normalize(text), lang: 'mixed', kind: 'message' };
}

/** Pieces that exercise every view: slurs, evasions, hanzi, pinyin, digits, emoji, invisibles, lone surrogates, controls. */
const PIECES = [
  '傻逼', '煞笔', 'sha bi', 'k1ll', 'ｆｕｃｋ', 'f u c k', 'n\u200bi\u200bg', 'nіggеr', '你女儿的脚', '拍个视频', '🔫', '🍆💦', '🏳️‍🌈', '👧', '🦶',
  '13812345678', '110101199003074512', '6217002830004561231', 'a@b.co', '北京市朝阳区建国路88号', '42 Elm Road, Leeds LS6 2AB',
  '你家地址', '人肉', 'forbidden phrase', '禁词', 'f0o', ' ', '.', '\u0000', '\u0007', '\ud800', '\udc00', '\u202e', '\ufeff', 'ü', 'İ', 'ß', '\n',
];
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((xs) => xs.join('')),
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 10 }).map((xs) => xs.join('')),
);

/** Per detector, a text it must find something in (the suite is not vacuous). */
const WITNESS: Record<string, string> = {
  lexicon: '你个傻逼',
  cooccurrence: '你女儿的脚拍个视频给我',
  pii: '我的电话13812345678',
  doxxing: '这个主播的家庭住址是北京市朝阳区建国路88号，大家去找她',
  operator: 'this is a forbidden phrase',
};

const EDGE = ['', ' ', '\ud800', '\udfff\ud800', '😀'.repeat(500), 'a'.repeat(10_000), '傻'.repeat(5_000), '\u0000\u0001\u001f', PIECES.join(' ')];

describe.each(DETECTORS.map((d) => [d.id, d] as const))('detector %s', (_id, detector) => {
  const check = (text: string): void => {
    const findings = detector.detect(doc(text));
    for (const f of findings) {
      expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.start).toBeLessThanOrEqual(f.end);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
    }
  };

  it('gives valid spans and never throws, on any string', () => {
    fc.assert(fc.property(anyText, (text) => check(text)), { numRuns: 300 });
  });

  it('handles the edge inputs: empty, lone surrogates, only emoji, long runs, control characters', () => {
    for (const text of EDGE) expect(() => check(text)).not.toThrow();
  });

  it('is deterministic: the same input gives the same findings', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(detector.detect(doc(text))).toEqual(detector.detect(doc(text)));
      }),
      { numRuns: 150 },
    );
  });

  it('finds something in its witness text (the suite is not vacuous)', () => {
    const witness = WITNESS[detector.id];
    expect(witness, `add a witness text for detector ${detector.id}`).toBeDefined();
    expect(detector.detect(doc(witness ?? '')).length).toBeGreaterThan(0);
  });
});
