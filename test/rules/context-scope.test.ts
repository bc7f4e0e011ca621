/**
 * Round 25: where a context cue reaches (rules/context.yaml `reach`). A `reach: sentence` cue lowers findings in
 * its own sentence, the sentences before it, later sentences that tell rather than turn on the reader, speech
 * after a colon and quoted spans; a `reach: message` cue lowers anywhere. The field is checked at load.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';
import { parseContext } from '../../src/detect/rules-schema.ts';
import { inReach, layout, ownWords, quotedSpans, sentenceReach } from '../../src/policy/sentences.ts';

const rules = loadRuleSet();
const engine = createEngine({ rules, model: null });
const spans = (text: string, xs: Array<{ start: number; end: number }>) => xs.map((s) => text.slice(s.start, s.end));

describe('sentences and quotes', () => {
  it('splits on sentence punctuation and line breaks, not on decimals, spaced letters or inside quotes', () => {
    const t = '举报了，他骂我傻逼。你也是个傻逼';
    expect(spans(t, layout(t).sentences)).toEqual(['举报了，他骂我傻逼。', '你也是个傻逼']);
    const e = "He called me an idiot?! Well he's a cunt. It costs 3.5 dollars\nk.i.l.l";
    expect(spans(e, layout(e).sentences)).toEqual(['He called me an idiot?! ', "Well he's a cunt. ", 'It costs 3.5 dollars\n', 'k.i.l.l']);
    const q = 'He wrote: "You bitch. I will kill you." Reported.';
    expect(spans(q, layout(q).sentences)).toEqual(['He wrote: "You bitch. I will kill you." Reported.']); // the quote's "." ends nothing
  });
  it("finds quoted spans; an apostrophe is not a quote", () => {
    const t = "He wrote 'I'll rape you' and “滚” and 「死」, I'm done, it's 'ok";
    expect(spans(t, quotedSpans(t))).toEqual(["'I'll rape you'", '“滚”', '「死」']);
  });
  it('a cue reaches its sentence, earlier ones, later ones that do not turn on the reader, speech after a colon and quotes', () => {
    const t = 'He sent me this. I reported him. He keeps posting slurs. He wrote: you bitch. You are trash. "you cow"';
    const l = layout(t);
    const reach = sentenceReach(l, t.indexOf('reported'), t);
    const at = (s: string) => inReach(reach, l.quotes, t.indexOf(s), t.indexOf(s) + s.length);
    expect([at('sent me'), at('reported'), at('slurs'), at('you bitch'), at('trash'), at('you cow')]).toEqual([true, true, true, true, false, true]);
  });
  it('a cue sentence ending with a colon reaches the next sentence (a header)', () => {
    const t = 'I want to report this user:\nyou stupid bitch. You are trash';
    const l = layout(t);
    const reach = sentenceReach(l, 0, t);
    expect(inReach(reach, l.quotes, t.indexOf('stupid'), t.indexOf('stupid') + 6)).toBe(true);
    expect(inReach(reach, l.quotes, t.indexOf('trash'), t.indexOf('trash') + 5)).toBe(false);
  });
});

describe('the engine lowers only what a cue reaches', () => {
  it.each([
    ['举报了，他骂我傻逼。你也是个傻逼', 'insult'],
    ['news: the attacker was jailed. and I will find you and kill you tonight', 'threat'],
    ["I reported him yesterday. You're a worthless piece of shit.", 'insult'],
  ] as const)('%s keeps %s, with evidence in the fresh sentence', (text, label) => {
    const r = engine.screen({ text });
    expect(r.verdict, JSON.stringify(r)).not.toBe('allow');
    const ev = r.evidence.filter((e) => e.label === label);
    expect(ev.length).toBeGreaterThan(0);
    for (const e of ev) expect(text.slice(e.start, e.end)).toBe(e.excerpt);
  });
  it.each([
    'I want to report this user. He wrote: you stupid bitch',
    '举报这个人。他私信我：你就是个傻逼',
    "This guy said I'm a whore and that he'd find me. I reported him.",
    "Got a DM today. It said 'kill yourself'. Blocking and reporting.",
  ])('%s stays allowed', (text) => {
    const r = engine.screen({ text });
    expect(r.verdict, JSON.stringify(r)).toBe('allow');
    expect(r.mitigations?.length).toBeGreaterThan(0);
  });
  it('a `reach: message` rule still lowers anywhere (game chat over two sentences)', () => {
    expect(rules.context.find((r) => r.id === 'game_talk')?.reach).toBe('message');
    const r = engine.screen({ text: 'gg wp! I will kill you next round. I will kill you lol' });
    expect(r.verdict).toBe('allow');
  });
  it('a cue reaching only some findings of a label leaves the label at the strongest unreached one', () => {
    const r = engine.screen({ text: '他骂我傻逼。你这个死肥猪' });
    expect(r.labels).toContain('insult');
    expect(r.verdict).toBe('hold');
    expect(r.mitigations ?? []).toEqual([]);
  });
});

// round 30: a later sentence with no "you" can still be the writer's own words — a greeting or a command, a verdict
// on a third person, a command to a group — unless a verb of speech or a colon brings in someone else's words; and a
// "you" sentence tells when a third person acts on it with the writer out of it
describe("the writer's own words after a cue (round 30)", () => {
  it.each([
    ["Well he's a fucking cunt", true],
    ['Honestly he is a fucking idiot', true],
    ['他就是个傻逼', true],
    ['Hey sexy, send nudes tonight', true],
    ['Send me nudes tonight', true],
    ['喂美女，发裸照给我', true],
    ['黑鬼都滚出中国', true],
    ['they should all die', true],
    ['我知道你住哪，你等着', true],
    ['你也是个傻逼', true],
    ['他妈的你去死', true], // 他妈 is profanity, not a third person
    ['He keeps posting that gays should die.', false],
    ['He called me a whore and a slut.', false],
    ['He is my manager and he told me to wear a short skirt', false],
    ['他说我是傻逼，还说要找到我。', false],
    ['骗子会让你加微信私下转账。', false],
    ['He wrote: you stupid bitch', false],
    ['He asks for pictures of their feet.', false],
    ['The doctor said the rash is not an STD.', false],
    // round 31: a bare epithet (at most three Latin words or four hanzi, no speech verb, no he/she/I)
    ['Stupid cunt.', true],
    ['傻逼。', true],
    ['Thanks mods.', true], // own words too, but nothing in it to excuse
    ['He wrote stupid cunt.', false],
    ['Stupid cunt, he said.', false],
    ['I reported it.', false],
  ] as const)('%s → %s', (sentence, own) => {
    expect(ownWords(sentence)).toBe(own);
  });
  it('a verdict after a report is not reached; the report itself is', () => {
    const t = "He called me an idiot? Well he's a fucking cunt";
    const l = layout(t);
    const reach = sentenceReach(l, t.indexOf('called'), t);
    expect(inReach(reach, l.quotes, t.indexOf('idiot'), t.indexOf('idiot') + 5)).toBe(true);
    expect(inReach(reach, l.quotes, t.indexOf('cunt'), t.indexOf('cunt') + 4)).toBe(false);
  });
  it.each([
    ["He called me an idiot? Well he's a fucking cunt", 'insult', 'hold'],
    ['举报了他。他就是个傻逼', 'insult', 'hold'],
    ['大家小心这个卖家。我知道你住哪，你等着', 'threat', 'block'],
    ['PSA: this seller ships late. I know where you live, watch your back', 'threat', 'block'],
    ['历史课作业写完了。黑鬼都滚出中国', 'hate', 'block'],
    ['历史课讲完了。同性恋都去死', 'hate', 'block'],
    ['I went to the clinic today. Hey sexy, send nudes tonight', 'sexual_harassment', 'block'],
    ['Sex ed class was fun. Send me nudes tonight', 'sexual_harassment', 'block'],
    ['医生说我没事。喂美女，发裸照给我', 'sexual_harassment', 'block'],
  ] as const)('%s → %s (%s)', (text, label, verdict) => {
    const r = engine.screen({ text });
    expect(r.labels, JSON.stringify(r)).toContain(label);
    expect(r.verdict).toBe(verdict);
  });
  it.each([
    "He called me an idiot and said he'd find my address. Please ban him.",
    "大家小心这个卖家，他说'我知道你住哪'",
    '大家小心这个卖家。他说知道我住哪，让我等着。',
    '防骗提醒。骗子会让你加微信私下转账。',
    '今天的班会主题是反霸凌。老师说不要叫同学死胖子。',
    '历史课作业写完了。课本上说当年有人骂黑人是黑鬼，这是种族歧视。',
    'Reported this account. He keeps posting that gays should die.',
    'Police say the suspect was arrested. He sent the victim messages calling her a stupid bitch.',
    'I reported him. He called me a whore and a slut.',
    'I reported him to HR. He is my manager and he told me to wear a short skirt for the client dinner.',
    "Warning everyone: this seller is a scammer. He asked me to pay on WeChat to avoid fees.",
  ])('%s stays allowed', (text) => {
    expect(engine.screen({ text }).verdict).toBe('allow');
  });
});

describe('`reach` is checked at load', () => {
  const base = { id: 'x', reason: 'r', lowers: ['threat'], terms: ['gg'] };
  it('accepts sentence and message, and leaves it unset by default', () => {
    expect(parseContext('ctx.yaml', { rules: [{ ...base, reach: 'message' }] })[0]?.reach).toBe('message');
    expect(parseContext('ctx.yaml', { rules: [{ ...base, reach: 'sentence' }] })[0]?.reach).toBe('sentence');
    expect(parseContext('ctx.yaml', { rules: [base] })[0]?.reach).toBeUndefined();
  });
  it('a bad value names the file and the field', () => {
    expect(() => parseContext('ctx.yaml', { rules: [{ ...base, reach: 'clause' }] })).toThrow(/ctx\.yaml: rules\[0\]\.reach: must be one of sentence, message/);
    expect(() => parseContext('ctx.yaml', { rules: [base, { ...base, reach: true }] })).toThrow(/rules\[1\]\.reach/);
  });
});
