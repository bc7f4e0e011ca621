import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize/index.ts';
import { testDoc } from '../pii/test-doc.ts';
import { compileCues, CUES, emptyMatches, possibleKinds } from './cues.ts';
import { doxxingDetector } from './index.ts';

/** [rule, excerpt of the ORIGINAL text] for every finding. */
function found(text: string): [string, string][] {
  return doxxingDetector.detect(testDoc(text)).map((f) => [f.rule, text.slice(f.start, f.end)]);
}
const rules = (text: string): string[] => found(text).map(([r]) => r);

describe('published: someone else\'s data with a third-party cue', () => {
  it.each([
    ['她家住在上海市浦东新区张江路123号', '她家住在上海市浦东新区张江路123号'],
    ['他的手机号是13800138000', '他的手机号是13800138000'],
    ['这个主播的身份证号是11010519491231002X', '这个主播的身份证号是11010519491231002X'],
    ['他的车牌是京A12345', '他的车牌是京A12345'],
    ['Her address is 221B Baker Street, London NW1 6XE', 'Her address is 221B Baker Street, London NW1 6XE'],
    ['he lives at 12 Oak Street', 'he lives at 12 Oak Street'],
    ['13800138000是她的电话', '13800138000是她的电话'],
  ])('%s', (text, excerpt) => {
    expect(found(text)).toEqual([['doxxing:published', excerpt]]);
  });

  it.each([
    '收货地址：上海市浦东新区张江路123号，电话13800138000',
    '我的地址是朝阳区xx小区3栋2单元501',
    '寄到北京市朝阳区建国路88号 13800138000',
    'Ship to 1600 Pennsylvania Ave NW, Washington, DC 20500, call me at (415) 555-2671',
    'my number is +44 20 7946 0958',
    '本人身份证号是11010519491231002X',
    '有事找我13800138000',
  ])('must not flag own data: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('an own-data cue closer to the data wins over a farther third-party cue', () => {
    expect(found('她说让我发地址，寄到我家：朝阳区望京花园3栋2单元501')).toEqual([]);
  });
});

describe('probing, hunting, threats to publish, revealing', () => {
  it.each([
    ['她在哪个学校上学', 'doxxing:probing'],
    ['你女儿在哪上学', 'doxxing:probing'],
    ['你女儿几岁了在哪上学', 'doxxing:probing'],
    ['她家住哪', 'doxxing:probing'],
    ['有人知道他的地址吗', 'doxxing:probing'],
    ['发一下她的身份证号', 'doxxing:probing'],
    ['他在哪上班', 'doxxing:probing'],
    ['where does she live?', 'doxxing:probing'],
    ['What school does your daughter go to?', 'doxxing:probing'],
    ['anyone know his address', 'doxxing:probing'],
    ["what's her phone number", 'doxxing:probing'],
    ['人肉她', 'doxxing:hunting'],
    ['开盒这个主播', 'doxxing:hunting'],
    ['把这个人的信息扒出来', 'doxxing:hunting'],
    ['dox him', 'doxxing:hunting'],
    ['doxxing that guy', 'doxxing:hunting'],
    ['我要把你的地址发出去', 'doxxing:publish_threat'],
    ['曝光你的住址', 'doxxing:publish_threat'],
    ["I'll post your address", 'doxxing:publish_threat'],
    ["I'll leak your number", 'doxxing:publish_threat'],
    ['她女儿在实验小学三年级二班', 'doxxing:revealing'],
  ])('%s → %s', (text, rule) => {
    expect(rules(text)).toContain(rule);
  });

  it.each([
    '收货地址发我一下',
    '你的地址发我一下',
    '把你的地址发过来，我今天发货',
    '你家住哪个城市？运费不一样',
    '你女儿穿多大码',
    '给他打电话',
    '开盒视频已经拍好了',
    '人肉包子是小说里的',
    'paradox',
    'doxycycline 100mg',
    'where do you live? I can ship tomorrow',
    "what's your address for shipping",
    '他在北京大学读书，很厉害',
    'my daughter goes to Lincoln Elementary School, size 8 fits her',
    '她是我女儿，在实验小学三年级二班，这件校服是她的',
    '这个卖家的电话打不通，平台客服 400-820-8820',
    'Online harassment cases involving doxxing rose by a third last year',
    '什么是人肉搜索？它为什么可能违法？',
  ])('must not flag: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('evasions, through the real normalizer', () => {
  it.each([
    ['d o x her', 'doxxing:hunting'],
    ['d0x th1s gu1', 'doxxing:hunting'],
    ['doxxxxx her', 'doxxing:hunting'],
    ['人 肉 这个主播', 'doxxing:hunting'],
    ['renrou ta, kan ta zhu na', 'doxxing:hunting'],
    ['仁肉她，找她家地址', 'doxxing:hunting'],
    ['ｗｈｅｒｅ ｄｏｅｓ ｓｈｅ ｌｉｖｅ?', 'doxxing:probing'],
    ['谁有她的 @ddr3ss', 'doxxing:probing'],
    ['把他身份證號發出來', 'doxxing:publish_threat'],
    ['她家在朝阳区望京花园３栋２单元５０１', 'doxxing:published'],
  ])('%s → %s', (text, rule) => {
    const got = doxxingDetector.detect({ original: text, normalized: normalize(text), lang: 'mixed', kind: 'message' });
    expect(got.map((f) => f.rule)).toContain(rule);
    for (const f of got) expect(f.end).toBeLessThanOrEqual(text.length);
  });
});

describe('every finding', () => {
  it('is doxxing / hold with a rule doxxing:<why> and a detail naming the cue', () => {
    for (const f of doxxingDetector.detect(testDoc('人肉她，她家住哪，他的手机号是13800138000'))) {
      expect(f.label).toBe('doxxing');
      expect(f.severity).toBe('hold');
      expect(f.rule).toMatch(/^doxxing:(published|probing|hunting|publish_threat|revealing)$/);
      expect(f.detail).toBeTruthy();
    }
  });
  it('never throws, spans inside the original, deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const a = doxxingDetector.detect(testDoc(text));
        expect(doxxingDetector.detect(testDoc(text))).toEqual(a);
        for (const f of a) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('cue data', () => {
  const base = { macros: {}, thirdParty: [{ id: 'a', pattern: 'x' }], ownData: [{ id: 'b', pattern: 'y' }], probing: [{ id: 'c', pattern: 'z' }], hunting: [{ id: 'd', pattern: 'w' }], publishThreat: [{ id: 'e', pattern: 'v' }], revealing: [], plates: [{ id: 'p', pattern: 'p' }] };
  it('compiles', () => {
    expect(() => compileCues(base)).not.toThrow();
  });
  it('throws at load, naming the entry, on a bad pattern, an unknown macro or a duplicate id', () => {
    expect(() => compileCues({ ...base, probing: [{ id: 'bad', pattern: '(' }] })).toThrow(/probing\.bad/);
    expect(() => compileCues({ ...base, probing: [{ id: 'm', pattern: '{nope}' }] })).toThrow(/unknown macro \{nope\}/);
    expect(() => compileCues({ ...base, probing: [{ id: 'c', pattern: 'a' }, { id: 'c', pattern: 'b' }] })).toThrow(/duplicate id c/);
    expect(() => compileCues({ ...base, hunting: 'x' })).toThrow(/hunting/);
    expect(() => compileCues({ ...base, macros: { a: '{b}', b: '{a}' }, probing: [{ id: 'loop', pattern: '{a}' }] })).toThrow(/nest too deep/);
  });
  it('finds patterns that match the empty string (they would fire on every text), and the shipped data has none', () => {
    expect(emptyMatches(compileCues({ ...base, probing: [{ id: 'e', pattern: 'a?' }] }))).toEqual(['probing.e']);
    expect(emptyMatches(compileCues({ ...base, plates: [{ id: 'p', pattern: '\\d*' }] }))).toEqual(['plates']);
    expect(emptyMatches(CUES)).toEqual([]);
  });
  it('the prefilter read back from the start-up cache is the one derived from the patterns (and a damaged cache is derived again)', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../rules/doxxing/cues.json', import.meta.url), 'utf8')) as unknown;
    const dir = mkdtempSync(join(tmpdir(), 'haven-cues-'));
    try {
      const derived = compileCues(raw, null);
      const written = compileCues(raw, dir);
      const files = readdirSync(dir).filter((f) => f.startsWith('cues-prefilter-'));
      expect(files).toHaveLength(1);
      const read = compileCues(raw, dir);
      writeFileSync(join(dir, files[0]!), '{"compact": 1');
      const rederived = compileCues(raw, dir);
      const texts = ['她家住在上海市浦东新区张江路123号', "what's her address? I know where she works", '求扒这个人', 'hello there', '他的车牌是京A12345', ''];
      for (const cues of [written, read, rederived]) {
        for (const view of ['compact', 'phonetic'] as const) {
          expect(cues.prefilter[view].always).toBe(derived.prefilter[view].always);
          for (const text of texts) expect(possibleKinds(cues, view, text), `${view}: ${text}`).toBe(possibleKinds(derived, view, text));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('expands macros inside macros', () => {
    const cues = compileCues({ ...base, macros: { a: 'x{b}', b: 'yz' }, probing: [{ id: 'm', pattern: '{a}!' }] });
    expect(cues.lists.probing.compact.any?.source).toContain('xyz!');
  });
});
