/**
 * Round 8 families (written from PRODUCT.md by the rule author — no blind set, so no generalisation figure): a writer who claims to hold the reader's
 * data and dares them to go on; screenshots sent to a third party as exposure rather than as a report.
 * And the innocent neighbours: a seller holding the buyer's address, shop advice, screenshots sent to mods.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';

const engine = createEngine({ rules: loadRuleSet(), model: null });

describe('holding the reader’s data + a dare is a threat; exposure by screenshots is not a report', () => {
  it.each([
    ["I have your home address, your mom's number and your work email. Keep talking.", 'threat', 'block'],
    ['你的住址电话我都有，继续嘴硬试试', 'threat', 'block'],
    ["i've got your real name and workplace. one more word and everyone sees it", 'threat', 'block'],
    ['I g0t your @ddress. K e e p talking.', 'threat', 'block'],
    ['Does anyone know which company this guy works for? I want to send his boss the screenshots', 'doxxing', 'hold'],
    ['he works at the Shell station on Route 9, night shift, drives a red civic', 'doxxing', 'hold'],
    ['她在超市上班，晚班，开一辆白色的车', 'doxxing', 'hold'],
    ['hey cutie how old r u? 13? send pic', 'sexual_minor', 'block'],
    ['你几岁呀？发张自拍看看', 'sexual_minor', 'block'],
    ['小姐姐加个v看看腿', 'contact_offplatform', 'hold'],
    ['gun回你的国家去', 'hate', 'block'],
  ])('%s → %s (%s)', (text, label, verdict) => {
    const r = engine.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).toContain(label);
    expect(r.verdict).toBe(verdict);
  });
});

describe('their innocent neighbours stay allowed', () => {
  it.each([
    'I have your address, shipping tomorrow morning, thanks for the order',
    'We have your address on file. Think twice before ordering the large size, it runs big',
    'I have your number, see you around!',
    'Got your email, I will keep going with the order',
    'Someone kept harassing me so I sent the screenshots to the mods, please ban them',
    '我有你的电话，明天到了给你打',
    'feet pics of the shoes please, want to see how they fit',
    "my sister works at the hospital, night shift, she's exhausted",
    'Got your plate wrong on the form, see you soon at the garage',
    'how old is she? photo of the dress please',
  ])('%s', (text) => {
    const r = engine.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('being at the door is held, not blocked, unless there is menace', () => {
  it.each([
    ['我在你家楼下，出来吧', 'hold'],
    ['我在你家门口了，开下门', 'hold'],
    ['我在你家楼下等你，有种别下来', 'block'],
  ])('%s → %s', (text, verdict) => {
    expect(engine.screen({ text }).verdict).toBe(verdict);
  });
});

describe('complaints about goods and slang praise lower only what the model alone raised', () => {
  const withModel = createEngine({ rules: loadRuleSet(), model: () => ({ insult: 0.99 }) });
  it.each(['这个充电宝就是垃圾，用两天就坏了', '客服太垃圾了，问三遍都答非所问', 'what a garbage update, the app crashes every time', 'this shit is fire 🔥'])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r)).toBe('allow');
  });
  it('a named insult in a complaint still counts', () => {
    expect(withModel.screen({ text: '客服就是个傻逼，差评' }).verdict).not.toBe('allow');
  });
});
