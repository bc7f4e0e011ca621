/**
 * canonicalJson (src/store/hash-chain.ts) writes sorted-key JSON directly; it must give the same bytes as its
 * definition, JSON.stringify of a copy with every object's keys sorted (the code before, still the
 * fallback for odd values, exported as `sortKeys`), for plain data and for the odd values it hands back to that definition. sha256Hex must give the
 * digest of the UTF-8 bytes whichever hashing call Node offers.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex, sortKeys } from '../../src/store/hash-chain.ts';

const reference = (value: unknown): string => JSON.stringify(sortKeys(value));

describe('canonicalJson', () => {
  it('matches JSON.stringify of the key-sorted copy on odd values', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holes = [1, , 3];
    const cases: unknown[] = [
      null, true, false, 0, -0, 1.5, 1e21, -1e-7, NaN, Infinity, -Infinity, '', 'plain', 'quote " back \\ nl \n tab \t', '\u0000\u001f\u2028\u2029',
      'lone \ud800 high', 'lone \udc00 low', '😀é中文', undefined, () => 1, Symbol('s'),
      [], {}, holes, [undefined, () => 1, Symbol('x'), null, NaN], [[[]], [{}]],
      { b: 1, a: 2, c: undefined, d: () => 1, e: Symbol('e'), f: null },
      { 'é': 1, e: 2, E: 3, '': 4, ' ': 5, 'ab': 6, 'a': 7, '😀': 8, '\uffff': 9, '\ud800': 10 },
      { n: { z: [{ y: 2, x: [1, { b: 1, a: 0 }] }], a: 'x' } },
      { '10': 'ten', '9': 'nine', '1a': 'x', b: 1, a: 2 },
      { nested: { '2': 2, '1': 1 } },
      { toJSON: () => 'custom', a: 1 },
      { nested: { toJSON: () => 'custom' } },
      JSON.parse('{"__proto__": {"x": 1}, "a": 1}'),
      JSON.parse('{"__proto__": 5, "a": 1}'),
      { date: new Date('2026-01-01T00:00:00Z'), map: new Map([[1, 2]]), set: new Set([1]) },
      { boxed: [new String('ab'), new Number(3), new Boolean(false), new String('')] },
      { typed: new Uint32Array([1, 2]) },
      Object.assign([1, 2], { extra: 'ignored' }),
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
      { message: { type: 'message', subject: 'u1', recipient: null, labels: ['threat', 'raid'], scores: { threat: 0.93, insult: 0.1 }, evidence: [{ label: 'threat', start: 2, end: 6, text: 'kill' }], text: '亲，这件宝贝还有货吗？', sentAt: null } },
    ];
    for (const value of cases) expect(canonicalJson(value)).toBe(reference(value));
  });

  it('throws where the definition throws', () => {
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    expect(() => reference({ a: 1n })).toThrow(TypeError);
  });

  it('matches on random nested data', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const keys = ['a', 'b', 'B', 'é', '', 'ab', 'z', 'key with space', '"q"', '😀', '_', '$', '10', 'x1'];
    const gen = (depth: number): unknown => {
      switch (rand(depth > 3 ? 6 : 9)) {
        case 0: return null;
        case 1: return rand(2) === 0;
        case 2: return rand(1000) / (rand(7) + 1) - 50;
        case 3: return ['s', 'é\n"', '\ud83d', '中'][rand(4)];
        case 4: return undefined;
        case 5: return rand(3) === 0 ? NaN : rand(100);
        case 6: case 7: {
          const o: Record<string, unknown> = {};
          for (let i = rand(6); i > 0; i--) o[keys[rand(keys.length)]!] = gen(depth + 1);
          return o;
        }
        default: return Array.from({ length: rand(5) }, () => gen(depth + 1));
      }
    };
    for (let i = 0; i < 2000; i++) {
      const value = gen(0);
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 bytes, lone surrogates included', () => {
    for (const text of ['', 'abc', '中文😀', 'lone \ud800', '\udc00x', 'x'.repeat(100_000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});
