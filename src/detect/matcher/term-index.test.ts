import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize/pipeline.ts';
import { TermCatalog, TermIndex, type TermSpec } from './term-index.ts';

const insults: Array<TermSpec<string>> = [
  { term: '傻逼', value: 'shabi', phonetic: true },
  { term: 'fuck', value: 'fuck', match: 'prefix' },
  { term: 'ass', value: 'ass', allow: ['class', 'assess'] },
  { term: '🔫', value: 'gun' },
];
const context: Array<TermSpec<string>> = [
  { term: 'report', value: 'report', match: 'prefix' },
  { term: '傻逼', value: 'quoted', phonetic: true },
];

const texts = ['你个煞笔 sha bi', 'FUUUCK this class, f*cking ass 🔫', 'I reported 傻逼 to the mods', 'assessment', ''];

describe('TermCatalog', () => {
  it('finds for each list exactly what a TermIndex of that list alone finds', () => {
    const catalog = new TermCatalog();
    const a = catalog.add(insults, 'insults');
    const b = catalog.add(context, 'context');
    const aloneA = new TermIndex(insults, 'insults');
    const aloneB = new TermIndex(context, 'context');
    for (const text of texts) {
      const doc = normalize(text);
      expect(a.find(doc)).toEqual(aloneA.find(doc));
      expect(b.find(doc)).toEqual(aloneB.find(doc));
    }
  });

  it('a hit by text in one list does not hide the same span by sound in another (regression: shared pass)', () => {
    const catalog = new TermCatalog();
    const a = catalog.add([{ term: '傻逼', value: 'a' }], 'a');
    const b = catalog.add([{ term: '傻逼', value: 'b', phonetic: true }], 'b');
    const doc = normalize('煞笔 傻逼');
    expect(a.find(doc).map((h) => [h.start, h.end, h.via])).toEqual([[3, 5, 'text']]);
    expect(b.find(doc).map((h) => [h.start, h.end, h.via])).toEqual([
      [3, 5, 'text'],
      [0, 2, 'sound'],
    ]);
  });

  it('throws at build time, naming the list, for a bad term; refuses a list added after matching began', () => {
    const catalog = new TermCatalog();
    catalog.add(insults, 'insults');
    expect(() => catalog.add([{ term: '\u200b', value: 'x' }], 'rules/bad.yaml')).toThrow(/rules\/bad.yaml: term/);
    expect(() => catalog.add([{ term: 'cat', value: 'z', allow: ['dog'] }], 'rules/allow.yaml')).toThrow(/rules\/allow.yaml: allow phrase "dog"/);
    catalog.findAll(normalize('x'));
    expect(() => catalog.add(context, 'late')).toThrow(/late: a term list was added to a catalog already in use/);
  });
});

describe('TermIndex regressions', () => {
  const find = (specs: Array<TermSpec<string>>, text: string): string[] =>
    new TermIndex(specs, 'test').find(normalize(text)).map((h) => text.slice(h.start, h.end));

  it('a match by sound never crosses sentence punctuation (还有人，要吗 is not 人妖)', () => {
    const specs: Array<TermSpec<string>> = [{ term: '人妖', value: 'x', phonetic: true }];
    expect(find(specs, '还有人，要吗')).toEqual([]);
    expect(find(specs, '你个renyao')).toEqual(['renyao']);
  });

  it('a match by sound uses the main reading of each character (要跑 is not 约炮)', () => {
    const specs: Array<TermSpec<string>> = [{ term: '约炮', value: 'x', phonetic: true }];
    expect(find(specs, '你要跑步吗')).toEqual([]);
    expect(find(specs, '约跑吗')).toEqual(['约跑']);
  });

  it('a doubled letter is not a single one (rapper is not rape), a stretched one is', () => {
    const specs: Array<TermSpec<string>> = [{ term: 'rape', value: 'x', match: 'prefix' }];
    expect(find(specs, 'my favourite rapper')).toEqual([]);
    expect(find(specs, 'raaaape')).toEqual(['raaaape']);
  });

  it('a spaced-out word after the article "a" or "I" starts a word (such a l o s e r is not "aloser")', () => {
    const specs: Array<TermSpec<string>> = [
      { term: 'loser', value: 'x' },
      { term: 'ass', value: 'y' },
      { term: 'slam', value: 'z' },
    ];
    expect(find(specs, 'u r such a l o s e r')).toEqual(['l o s e r']);
    expect(find(specs, 'what a l.o.s.e.r')).toEqual(['l.o.s.e.r']);
    expect(find(specs, 'a s s')).toEqual(['a s s']); // the a is part of the word here, as before
    expect(find(specs, 'c l a s s')).toEqual([]); // a run that does not begin with a or i: no split inside
    expect(find(specs, 'ca s s')).toEqual([]);
    // the price: a spaced-out word whose rest is a term reads as that term ('i s l a m' holds 'slam')
    expect(find(specs, 'i s l a m')).toEqual(['s l a m']);
  });

  it('one Latin letter slipped between the characters of a Chinese term is seen through (黑s鬼), and only there', () => {
    const specs: Array<TermSpec<string>> = [
      { term: '黑鬼', value: 'x' },
      { term: 'ab', value: 'y' },
      { term: '买货', value: 'z', allow: ['买货架'] },
    ];
    expect(find(specs, '黑s鬼滚出去')).toEqual(['黑s鬼']);
    expect(find(specs, '黑鬼和黑X鬼')).toEqual(['黑鬼', '黑X鬼']);
    expect(find(specs, '黑st鬼')).toEqual([]); // two letters: pinyin mixed in, not a slipped letter
    expect(find(specs, '黑 s 鬼')).toEqual([]); // spaced: the letter is a word of its own
    expect(find(specs, '买了A货')).toEqual([]); // no Chinese term across the letter
    expect(find(specs, '买A货架')).toEqual([]); // the term's allow phrases still apply
    expect(find(specs, '黑a鬼b')).toEqual(['黑a鬼']);
  });

  it('ki11 reads as kill', () => {
    expect(find([{ term: 'kill you', value: 'x' }], 'ki11 you')).toEqual(['ki11 you']);
  });

  it('an allow phrase must start a word (regression: "our daughter" hid "your daughter")', () => {
    const specs: Array<TermSpec<string>> = [{ term: 'daughter', value: 'x', match: 'prefix', allow: ['our daughter'] }];
    expect(find(specs, 'pics of your daughter')).toEqual(['daughter']);
    expect(find(specs, 'pics of our daughter')).toEqual([]);
  });

  it('an allow phrase that starts with a digit may continue a longer number (round 34: 50 cNm is a unit)', () => {
    const specs: Array<TermSpec<string>> = [{ term: 'cnm', value: 'x', allow: ['0 cnm', 'a cnm'] }];
    expect(find(specs, '扭力 50 cNm 的电批')).toEqual([]);
    expect(find(specs, 'torque 0 cnm')).toEqual([]);
    expect(find(specs, 'x0 cnm')).toEqual(['cnm']); // a letter before the digit: not a number
    expect(find(specs, 'cnm 50')).toEqual(['cnm']);
    expect(find(specs, 'banana cnm')).toEqual(['cnm']); // a Latin phrase still starts a word
  });

  it('refuses at build time a term whose emoji would be dropped between hanzi (regression: 你🐴的 matched every 你的)', () => {
    expect(() => new TermIndex([{ term: '你🐴的', value: 'x' }], 'test')).toThrow(/loses "🐴"/);
    expect(find([{ term: 'send 🍆 pic', value: 'x' }], 'send 🍆 pic now')).toEqual(['send 🍆 pic']);
  });
});

describe('pinyin written into a Chinese term (round 27)', () => {
  const index = new TermIndex<string>(
    [
      { term: '微信', value: 'wechat' },
      { term: '大麻', value: 'weed', allow: ['大麻将'] },
      { term: '抵制', value: 'boycott', mixed: false },
      { term: '智障', value: 'idiot', phonetic: true },
    ],
    'mixed',
  );
  const found = (text: string) => index.find(normalize(text)).map((h) => `${h.value}:${text.slice(h.start, h.end)}`);

  it('finds a term with pinyin for some of its characters, where Latin letters and hanzi mix', () => {
    expect(found('加wei信聊')).toEqual(['wechat:wei信']);
    expect(found('出售da麻')).toEqual(['weed:da麻']);
    expect(found('出售ｄａ麻')).toEqual(['weed:ｄａ麻']);
  });

  it('does not read plain hanzi homophones or whole pinyin as the term', () => {
    expect(found('他很有威信')).toEqual([]);
    expect(found('大妈在跳舞')).toEqual([]);
    expect(found('weixin')).toEqual([]);
  });

  it('keeps allowed words read by sound, and a term that opts out', () => {
    expect(found('三缺一，来打ma将')).toEqual([]);
    expect(found('我有他家的地zhi')).toEqual([]);
  });

  it('does not read a sound across a quantity', () => {
    expect(found('打印纸 500张')).toEqual([]);
    expect(found('你个智2障')).toEqual(['idiot:智2障']);
  });
});
