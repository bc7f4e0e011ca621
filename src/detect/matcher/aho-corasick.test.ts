import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick, Occurrences } from './aho-corasick.ts';

/** Every occurrence by brute force, in the matcher's order: by end, then longest first, then as given. */
function naive(patterns: string[], text: string): Array<[number, number]> {
  const hits: Array<[number, number, number]> = [];
  patterns.forEach((p, i) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) hits.push([i, at + p.length, p.length]);
  });
  hits.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0] - b[0]);
  return hits.map(([i, end]) => [i, end]);
}

function scanned(ac: AhoCorasick<number>, text: string): Array<[number, number]> {
  const found = new Occurrences();
  ac.scan(text, found);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < found.count; i++) out.push([found.pattern(i), found.end(i)]);
  return out;
}

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, in order of end, like a brute-force search', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '傻', '逼', '😀', '\ud800');
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.string({ unit: alphabet, maxLength: 40 }), (patterns, text) => {
        const ac = new AhoCorasick(patterns.map((p, i) => ({ text: p, value: i })));
        expect(scanned(ac, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 1000 },
    );
  });

  it('follows failure links it no longer walks: "he", "she", "his", "hers" in "ushers"', () => {
    const patterns = ['he', 'she', 'his', 'hers'];
    const ac = new AhoCorasick(patterns.map((p, i) => ({ text: p, value: p })));
    expect(ac.find('ushers').map((h) => [h.value, h.start, h.end])).toEqual([
      ['she', 1, 4],
      ['he', 2, 4],
      ['hers', 2, 6],
    ]);
  });

  it('reports duplicate patterns once each, in the order given, and refuses an empty one at build time', () => {
    const ac = new AhoCorasick([
      { text: 'ab', value: 'first' },
      { text: 'ab', value: 'second' },
    ]);
    expect(ac.find('xab').map((h) => h.value)).toEqual(['first', 'second']);
    expect(() => new AhoCorasick([{ text: '', value: 0 }])).toThrow(/empty pattern/);
  });

  it('reuses one Occurrences list across scans and grows it past its first size', () => {
    const ac = new AhoCorasick([{ text: 'a', value: 0 }]);
    const found = new Occurrences();
    ac.scan('a'.repeat(500), found);
    expect(found.count).toBe(500);
    found.clear();
    ac.scan('bab', found);
    expect([found.count, found.end(0)]).toEqual([1, 2]);
  });
});
