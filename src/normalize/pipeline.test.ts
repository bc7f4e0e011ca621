import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from './pipeline.ts';
import { toOriginal, type View } from './types.ts';

function checkMap(view: View, original: string): void {
  expect(view.start.length).toBe(view.text.length);
  expect(view.end.length).toBe(view.text.length);
  let bad = -1;
  for (let i = 0; i < view.text.length && bad < 0; i++) {
    const s = view.start[i] ?? -1;
    const e = view.end[i] ?? -1;
    if (s < 0 || e < s || e > original.length) bad = i;
  }
  expect(bad, `unit ${bad} maps outside the original`).toBe(-1);
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('a', 'I', '1', '@', ' ', '.', '\u200b', 'а', '傻', '說', '😀', '\ud800', '\udc00', '\u0000', 'Ｆ', 'ü') }),
);

describe('normalize', () => {
  it('never throws and every view maps inside the original (any string, lone surrogates, controls)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = normalize(text);
        for (const view of [n.fold, n.compact, n.skeleton, n.phonetic]) checkMap(view, text);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: normalizing the fold or compact text again changes nothing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = normalize(text);
        expect(normalize(n.fold.text).fold.text).toBe(n.fold.text);
        expect(normalize(n.compact.text).compact.text).toBe(n.compact.text);
      }),
      { numRuns: 500 },
    );
  });

  it('handles the edge inputs: empty, only emoji, 1 MB of text', () => {
    expect(normalize('').compact.text).toBe('');
    expect(normalize('😀😀🔫').fold.text).toBe('😀😀🔫');
    const big = 'ab 傻逼 k1ll \u200b'.repeat(90_000);
    const n = normalize(big);
    checkMap(n.compact, big);
    expect(n.compact.text.length).toBeGreaterThan(500_000);
  });

  it('undoes each evasion class, alone', () => {
    const compact = (t: string): string => normalize(t).compact.text;
    expect(compact('ＦＵＣＫ')).toBe('fuck'); // full width
    expect(compact('f\u200bu\u200dck')).toBe('fuck'); // zero width
    expect(compact('f u c k')).toBe('fuck'); // spacing
    expect(compact('k.i.l.l')).toBe('kill');
    expect(compact('傻 . 逼')).toBe('傻逼');
    expect(compact('nіggеr')).toBe('nigger'); // Cyrillic і and е
    expect(compact('ᴋɪʟʟ ʏᴏᴜʀsᴇʟғ')).toBe('kill yourself');
    expect(compact('ᑎIGGEᖇ')).toBe('nigger'); // Canadian syllabics look-alikes (same file) // Latin small capitals, ғ for F (rules/normalize/extra-homoglyphs.json)
    expect(compact('k1ll @ss $hit')).toBe('kill ass shit'); // leet
    expect(normalize('fuuuuuck').skeleton.text).toBe('fuck'); // stretched
    expect(compact('說話')).toBe('说话'); // traditional
    expect(normalize('煞笔').phonetic.text).toBe('shabi'); // homophone by sound
    expect(normalize('sha bi').phonetic.text).toBe('shabi'); // pinyin
    expect(compact('fück')).toBe('fuck'); // accents
  });

  it('undoes evasions combined', () => {
    expect(normalize('Ｋ 1 Ｌ Ｌ').compact.text).toBe('kill');
    expect(normalize('ｆ\u200bｕｕｕｕｃк').skeleton.text).toBe('fuck'); // full width + zero width + stretch + Cyrillic
  });

  it('keeps digits that are not inside a word (prices, phones)', () => {
    expect(normalize('$50 13812345678').compact.text).toBe('$50 13812345678');
    expect(normalize('kill!').compact.text).toBe('kill!'); // a trailing symbol is punctuation
  });

  it('maps spans back to what the user typed', () => {
    const text = 'hi ＦＵＣＫ you';
    const n = normalize(text);
    const at = n.compact.text.indexOf('fuck');
    const span = toOriginal(n.compact, at, at + 4);
    expect(text.slice(span.start, span.end)).toBe('ＦＵＣＫ');
    const t2 = 'a f.u.c.k b';
    const n2 = normalize(t2);
    const at2 = n2.compact.text.indexOf('fuck');
    const s2 = toOriginal(n2.compact, at2, at2 + 4);
    expect(t2.slice(s2.start, s2.end)).toBe('f.u.c.k');
    const t3 = '😀 傻😀逼';
    const n3 = normalize(t3);
    const at3 = n3.skeleton.text.indexOf('傻逼');
    const s3 = toOriginal(n3.skeleton, at3, at3 + 2);
    expect(t3.slice(s3.start, s3.end)).toBe('傻😀逼');
  });

  it('keeps each result its own: a later call (short, long, then short again) never changes an earlier one (working buffers are reused)', () => {
    const first = normalize('Ｋ 1 Ｌ Ｌ 傻 . 逼 fuuuck 😀');
    const snapshot = JSON.stringify([first.fold, first.compact, first.skeleton, first.phonetic].map((v) => [v.text, [...v.start], [...v.end]]));
    normalize('something else entirely, 說話');
    normalize('x'.repeat(200_000));
    const again = normalize('Ｋ 1 Ｌ Ｌ 傻 . 逼 fuuuck 😀');
    expect(JSON.stringify([first.fold, first.compact, first.skeleton, first.phonetic].map((v) => [v.text, [...v.start], [...v.end]]))).toBe(snapshot);
    expect(again.compact.text).toBe(first.compact.text);
    expect([...again.skeleton.runs]).toEqual([...first.skeleton.runs]);
  });

  it('shares a view with the one it came from only when they are equal', () => {
    const plain = normalize('hello there 你好');
    expect(plain.fold.text).toBe('hello there 你好');
    expect(plain.compact.text).toBe(plain.fold.text);
    expect(plain.skeleton.text).toBe('helo there 你好');
    expect(plain.skeleton.runs[2]).toBe(2);
  });

  it('a spaced-out word ends where the gaps change (regression: "b.l.a.c.k.s a.r.e" read as one word)', () => {
    expect(normalize('b.l.a.c.k.s a.r.e subhuman').compact.text).toBe('blacks are subhuman');
    expect(normalize('s e n d  n u d e s').compact.text).toBe('send nudes');
    expect(normalize('f . u . c . k').compact.text).toBe('fuck');
  });

  it("a lone leet symbol between spaced-out letters is one of them (round 29: 't e l 3 g r @ m' read as 'telegr @ m')", () => {
    expect(normalize('t e l 3 g r @ m').compact.text).toBe('telegram');
    expect(normalize('w h @ t s a p p').compact.text).toBe('whatsapp');
    expect(normalize('t.e.l.3.g.r.@.m').compact.text).toBe('telegram');
    // it must sit between two real letters, with the same gap both sides, in a run of three real letters or more
    expect(normalize('f u c k !').compact.text).toBe('fuck !');
    expect(normalize('c u @ 5').compact.text).toBe('c u @ 5');
    expect(normalize('a @ b').compact.text).toBe('a @ b');
    expect(normalize('email me @ j o h n').compact.text).toBe('email me @ john');
    expect(normalize('w h @  t s').compact.text).toBe('w h @ t s');
  });

  it("'+' is not leet for t (regression: '+V' read as 'tv')", () => {
    expect(normalize('加我+V').compact.text).toBe('加我+v');
  });

  it("a possessive s does not start a spaced-out word (regression: daughter's f e e t read as daughter'sfeet)", () => {
    expect(normalize("ur d a u g h t e r's f e e t").compact.text).toBe("ur daughter's feet");
  });

  it('a 1 after an l inside a word reads as i (regression: l1ve read as llve); ki11, ki1l, kil1 read as kill', () => {
    expect(normalize('wh3r3 d0es sh3 l1ve').compact.text).toBe('where does she live');
    for (const t of ['ki11', 'ki1l', 'kil1', 'k1ll']) expect(normalize(t).compact.text).toBe('kill');
    expect(normalize('sl1ce a11').compact.text).toBe('slice all');
  });
  it('reads 著 as 着 in the skeleton (traditional particle: 等著瞧 = 等着瞧), keeps it elsewhere (著名), maps back', () => {
    const n = normalize('你給我等著瞧');
    expect(n.skeleton.text).toBe('你给我等着瞧');
    expect(n.compact.text).toBe('你给我等著瞧');
    const at = n.skeleton.text.indexOf('着');
    expect(n.original.slice(n.skeleton.start[at], n.skeleton.end[at])).toBe('著');
    expect(normalize('著名作家').compact.text).toBe('著名作家');
  });
});
