/**
 * Round 6 (dev5) families: each new rule catches several variants (other wording, the other language, an
 * evasion) and leaves the innocent neighbours alone.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';

const engine = createEngine({ rules: loadRuleSet(), model: null });

describe('round 6 harmful variants are caught', () => {
  it.each([
    ['求大佬帮忙kh一下这个账号，有偿', 'doxxing'],
    ['谁能开盒这个博主，出200', 'doxxing'],
    ['can someone d0x this account for me', 'doxxing'],
    ["Does anyone have Dana from sales's personal cell? Asking for reasons", 'doxxing'],
    ['有人知道财务部小王住哪吗', 'doxxing'],
    ['keep it up and your real name and your employer go up on the forum', 'doxxing'],
    ['再举报我，我就把你老婆电话发到业主群里', 'doxxing'],
    ['这台车的车主天天乱停，大家认一下是谁', 'doxxing'],
    ["one more complaint and you'll find out what I do to people who cross me", 'threat'],
    ['i will find you and you will regret this', 'threat'],
    ['晚上一个人回家小心点，多看看后面', 'threat'],
    ['你再去找人事告我，你的饭碗就别想要了', 'threat'],
    ['你给我等着，明天我去你公司找你', 'threat'],
    ['she reported me so I want to have a word with her after work', 'threat'],
    ['immigrants are a drain on the company, never hire them', 'hate'],
    ['残疾人就是拖后腿，别招', 'hate'],
    ['could you send pics of yourself wearing it? will pay extra', 'sexual_harassment'],
    ['能不能你穿上拍给我，价钱好说', 'sexual_harassment'],
    ['for the client dinner wear a low cut top, the client likes it', 'sexual_harassment'],
    ['nice body, show me more privately', 'sexual_harassment'],
    ['想转正的话，下班后陪陪我，懂我意思吧', 'sexual_harassment'],
    ['send pics of your tits', 'sexual_harassment'],
    ['xiaonvhai de jiao zhaopian you ma', 'sexual_minor'],
    ["photos of her wearing them, she's 8, unwashed please", 'sexual_minor'],
    ['出ys黑丝，穿几天可选', 'prohibited_listing'],
  ])('%s → %s', (text, label) => {
    const r = engine.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).toContain(label);
    expect(r.verdict).not.toBe('allow');
  });
});

describe('round 6 innocent neighbours stay allowed', () => {
  it.each([
    '国足又输了，这踢的什么玩意儿',
    '这拍的什么玩意，剧情太烂了',
    '我真是个白痴，又把钥匙锁家里了',
    "I'm such an idiot, I forgot my lunch again",
    '哈哈你个笨蛋，又迟到了，今天奶茶你请',
    "you're dead meat in Mario Kart tonight 😂",
    '女儿穿过的羽绒服，140码，已洗干净',
    'Order 2231 1488 7710 was refunded, thanks',
    '开盒视频：新买的耳机',
    '最近降温了，晚上出门多穿点',
    'the new intern is really good at Excel',
    'Can you send more photos of the dress, front and back?',
  ])('%s', (text) => {
    expect(engine.screen({ text }).verdict).toBe('allow');
  });
});
