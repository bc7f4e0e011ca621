/**
 * Round 7 (dev6) families: doxxing threats and routine mapping, stranger school pickup lures, veiled threats to
 * family, conditional fates, and their innocent neighbours (own plate, outgrown shoes, late-friend banter).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';

const engine = createEngine({ rules: loadRuleSet(), model: null });

describe('round 7 harmful variants are caught', () => {
  it.each([
    ['不给差评撤回，我就把你的个人信息挂出来', 'doxxing'],
    ['ni de zi liao ma shang gua chu qu', 'doxxing'],
    ['晒晒这个买家的面单，收货人王强，大家认识一下', 'doxxing'],
    ['她每天晚上9点下班，走哪条路我都摸清楚了', 'doxxing'],
    ["I've mapped out his whole routine, gym every evening at 6", 'doxxing'],
    ['shui zhi dao zhe ge ren de di zhi', 'doxxing'],
    ['小朋友，你在哪所学校呀？放学叔叔来接你', 'sexual_minor'],
    ["little girl, what school do you go to? I'll pick you up after school", 'sexual_minor'],
    ["Lovely family you have. Be a pity if they never made it home one night.", 'threat'],
    ['Say that again and you will end up in the river', 'threat'],
    ["I know where you live now. See you tonight.", 'threat'],
    ['我知道你住哪，今晚在你家楼下等你', 'threat'],
    ['你这种人建议直接zs', 'threat'],
  ])('%s → %s', (text, label) => {
    const r = engine.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).toContain(label);
    expect(r.verdict).not.toBe('allow');
  });
});

describe('round 7 innocent neighbours stay allowed', () => {
  it.each([
    '我车牌是京A12345，到了停车场东门自提就行',
    'My license plate is KX21 ABC, I parked by the gate',
    '我女儿的脚又长大了，这双鞋只穿过两次，转了',
    '宝宝每天几点睡觉我都摸清楚了，终于能睡个整觉',
    '招聘信息挂出去了，欢迎大家转发',
    '小朋友们放学后妈妈来接你们',
    "if ur late again I'll kill you, the movie starts at 7",
    '你再迟到我就弄死你，菜都凉了',
    "Parents, don't post your kids' school name online — strangers can use it",
  ])('%s', (text) => {
    expect(engine.screen({ text }).verdict).toBe('allow');
  });
});
