/**
 * Round 9 (probes written from PRODUCT.md by the rule author — no blind set, so no generalisation figure):
 * small capitals, pinyin stalking, a disabled group called a waste of air, a price for a night with a visit,
 * the reader's plate; and the false positives the same probes found (prescription eyewear, the Dyke March, a
 * rugby hooker's try, a denial of a hateful claim, a room's price per night, names the model misread).
 */
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/default-engine.ts';
import { createEngine } from '../../src/engine.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';

const engine = createEngine({ rules: loadRuleSet(), model: null });

describe('round 9 misses', () => {
  it.each([
    ['ᴋɪʟʟ ʏᴏᴜʀsᴇʟғ', 'threat', 'block'],
    ['wo zhi dao ni jia zai na li', 'threat', 'block'],
    ['残疾人就是废物，活着浪费空气', 'hate', 'block'],
    ['immigrants are a waste of oxygen', 'hate', 'block'],
    ['多少钱一晚？可以上门吗', 'prohibited_listing', 'block'],
    ['how much for the night? outcall ok?', 'prohibited_listing', 'block'],
    ['I know your plate number. See you around.', 'threat', 'hold'],
    ['我知道你的车牌号', 'threat', 'hold'],
    ['我知道你的车牌号，小心点', 'threat', 'block'], // + a warning: threat.knows_route
    ['I know your plate number, watch your back', 'threat', 'block'],
  ])('%s → %s (%s)', (text, label, verdict) => {
    const r = engine.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).toContain(label);
    expect(r.verdict).toBe(verdict);
  });
});

describe('round 9 false positives stay allowed', () => {
  const withModel = createDefaultEngine();
  it.each([
    'prescription glasses frames for sale',
    'prescription sunglasses, polarised, like new',
    'the hooker scored a try',
    'dyke march downtown this weekend',
    "I'm a big fan of Dick Van Dyke",
    '残疾人不是社会的累赘，他们也是劳动者',
    '废物利用小妙招，残疾人朋友也能轻松做',
    '这个民宿多少钱一晚？可以上门取钥匙吗',
    '上门安装空调多少钱？一晚上能装好吗',
    'I know your plate is cracked, want a new one? I sell dinnerware',
    '我知道你的车牌被刮花了，要不要帮你联系修车',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});
