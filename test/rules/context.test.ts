/**
 * rules/context.yaml: each context rule lowers the labels it names and says why (a mitigation carrying the
 * rule's reason); the abuser's own use of a context word (举报我, "no doctor needed") lowers nothing; rules
 * scoped to the model lower only what the model alone raised.
 */
import { describe, expect, it } from 'vitest';
import { doxxingDetector } from '../../src/detect/doxxing/index.ts';
import { createEngine, type Engine } from '../../src/engine.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';
import { parseContext } from '../../src/detect/rules-schema.ts';
import type { Label } from '../../src/types.ts';

const rules = loadRuleSet();
const engine = createEngine({ rules, model: null });

/** Per rule: a text where it must lower `label` (the same text without the context would not be allowed). */
const CASES: Record<string, Array<{ text: string; without: string; label: Label; engine?: Engine }>> = {};

const fakeModel = createEngine({ rules, model: () => ({ insult: 0.99 }) });
const withDoxxing = createEngine({ rules, model: null, detectors: [doxxingDetector] });

CASES.quoting_to_report = [
  { text: '卖家非要我加微信转账，我拒绝了，大家别上当', without: '加微信转账', label: 'contact_offplatform' },
  { text: 'Calling people "f*ggots" in chat should get you banned', without: 'you f*ggots', label: 'hate' },
  { text: '举报：这个人骂我傻逼，截图在这', without: '这个人是傻逼', label: 'insult' },
  { text: 'He messaged me "send me pics of your daughter\'s feet" — reporting this account', without: "send me pics of your daughter's feet", label: 'sexual_minor' },
];
CASES.news_report = [
  { text: '某公司高管被指在饭局上强迫女员工陪酒，公司称已成立调查组', without: '去饭局陪酒', label: 'sexual_harassment' },
  { text: '新规重申：禁止通过互联网销售电子烟', without: '销售电子烟', label: 'prohibited_listing' },
{ text: 'Police say the man wrote "i will kill you" to a streamer', without: 'i will kill you', label: 'threat' }];
CASES.education = [{ text: '"支那"一词带有强烈的侮辱性，历史上被用来贬低中国人', without: '支那人', label: 'hate' }];
CASES.game_talk = [{ text: 'gg wp, i will kill you next round', without: 'i will kill you', label: 'threat' }];
// round 4: trash talk marked as a joke or a game; mods and bystanders quoting a raid or a stalker; a training module
CASES.game_talk.push({ text: 'ur so dead, i will kill you, get rekt noob', without: 'ur so dead, i will kill you', label: 'threat' });
CASES.quoting_to_report.push(
  { text: '有人在刷“黑鬼滚出直播间”，房管快封', without: '黑鬼滚出直播间', label: 'hate' },
  { text: '刚才那个说“我在你家楼下等你”的已经被封了，主播注意安全', without: '我在你家楼下等你', label: 'threat' },
);
CASES.education.push({ text: 'Harassment training module 3: quid pro quo includes statements like "sleep with me or lose your job"', without: 'sleep with me or lose your job', label: 'sexual_harassment' });
CASES.drug_prevention = [{ text: '禁毒宣传：冰毒、K粉都是国家管制的毒品，切勿尝试', without: '出冰毒', label: 'prohibited_listing' }];
CASES.medical_sexual_health = [
{ text: '安眠药必须在医生指导下使用', without: '安眠药现货', label: 'prohibited_listing' }];
// round 3 (dev2): a victim or mods reporting a raid, a nurse, a law seminar, the writer's own ID and delivery number
CASES.quoting_to_report.push(
  { text: '直播间刚才被一堆新号刷屏骂“黑鬼滚”，请管理员封号', without: '骂“黑鬼滚”', label: 'hate' },
  { text: "有人在评论区叫我“去死”，我已经拉黑了，这种话真的很伤人", without: '去死吧你', label: 'insult' },
);
CASES.medical_sexual_health.push({ text: "Nurse here: if you're on tramadol, don't mix it with alcohol", without: "if you're on tramadol", label: 'prohibited_listing' });
CASES.education.push({ text: "Law seminar: under UK law, saying 'I'll kill you' can be a criminal threat", without: "saying 'I'll kill you'", label: 'threat' });
CASES.own_data = [
  { text: 'call me at 13760051234 when you arrive', without: 'call me at 13760051234', label: 'contact_offplatform' },
];
CASES.exclamation_not_aimed = [{ text: 'holy shit that was a clutch play', without: 'that was a clutch play', label: 'insult', engine: fakeModel }];
CASES.listing_talk_neutral = [{ text: 'Pussy willow branches for sale, great for spring arrangements', without: 'Pussy willow branches', label: 'insult', engine: fakeModel }];
CASES.children_items_neutral = [{ text: 'Would these shoes fit a 5 year old? Her foot measures 17cm', without: 'Would these shoes fit', label: 'insult', engine: fakeModel }];

// round 5: hyperbole about spoilers, teasing a friend, apps as a topic, delivery talk, a bystander asking mods to remove a slur
CASES.hyperbole_spoiler = [{ text: "I'll kill you if you spoil the ending of this show", without: "I'll kill you", label: 'threat' }];
CASES.late_friend_hyperbole = [{ text: "if ur late again I'll kill you, the movie starts at 7", without: "I'll kill you", label: 'threat' }];
CASES.banter_affection = [{ text: '你个小笨蛋，又忘带伞了吧，哈哈', without: '你个笨蛋', label: 'insult' }, { text: 'you absolute muppet, you left your scarf at mine again', without: 'you absolute muppet', label: 'insult' }];
CASES.self_deprecation = [{ text: '我真是个蠢货，又把快递地址填错了', without: '蠢货', label: 'insult' }, { text: '我就是个傻逼，又把钥匙锁家里了', without: '傻逼', label: 'insult' }];
CASES.app_as_topic = [{ text: 'WhatsApp was down for two hours yesterday', without: 'WhatsApp', label: 'contact_offplatform' }];
CASES.quoting_to_report.push({ text: "Someone wrote 'n1gg3r' in chat, mods pls remove and ban", without: "'n1gg3r'", label: 'hate' });
CASES.rape_discussion = [{ text: '强奸不需要伤情鉴定作为证据，主要是违背妇女意志', without: '强奸', label: 'sexual_harassment' }]; // COLD audit: rape discussed as law
CASES.hotel_booking = [{ text: '考试，考驾照，再加上旅游，全国各地开房', without: '开房', label: 'sexual_harassment' }]; // COLD audit: a hotel booking while travelling
CASES.complaint_about_goods = [{ text: '这个充电宝就是垃圾，用两天就坏了', without: '这个充电宝就是垃圾', label: 'insult', engine: fakeModel }]; // round 8
CASES.slang_praise = [{ text: 'this shit is fire 🔥', without: 'this shit is', label: 'insult', engine: fakeModel }]; // round 8
CASES.proper_names = [{ text: "I'm a big fan of Dick Van Dyke", without: "I'm a big fan of", label: 'insult', engine: fakeModel }]; // round 9
CASES.pickup_meetup = [{ text: "I'll be at your door at 6 to pick up the bike, is that ok?", without: "I'll be at your door at 6", label: 'threat' }]; // round 23
// round 25: a warning header reaches the whole message (reach: message); the narration after it is what the person did
CASES.warning_header = [{ text: '大家小心这个买家。他一直要我女儿穿过的袜子，还要没洗的。', without: '他一直要我女儿穿过的袜子，还要没洗的。', label: 'sexual_minor' }];
// round 24 (false positives): bargaining slang, blunt feedback on someone's work, where a word comes from, a victim asking a mod, a sexual-health question
CASES.bargaining_slang = [{ text: '老板能再砍价吗？这个价太杀了吧', without: '能再这样吗？太杀了吧', label: 'threat' }];
CASES.criticism_of_work = [{ text: 'Your code is garbage right now but we can refactor it together tomorrow', without: 'You are garbage right now', label: 'insult' }];
CASES.education.push({ text: 'Vocabulary: "idiot" comes from the Greek idiotes, meaning a private person.', without: 'idiot', label: 'insult' });
CASES.quoting_to_report.push({ text: 'A guy in the stream chat keeps calling me a retard, can a mod time him out?', without: 'a retard', label: 'hate' });
CASES.medical_sexual_health.push({ text: 'How soon should I take an HIV test? And is PrEP available without a prescription?', without: 'PrEP available without a prescription', label: 'prohibited_listing' });
// round 29 (false positives): an ordeal that "kills", a petty grievance joked about (held, not blocked), a service
// ad's own number, the crying emoticon, care about traffic, a seller shipping to the buyer
CASES.ordeal_hyperbole = [{ text: 'this exam is gonna kill you tomorrow, study hard', without: 'gonna kill you tomorrow', label: 'threat' }];
CASES.petty_grievance_hyperbole = [{ text: "i'm gonna kill her tonight lol she stole my charger", without: "i'm gonna kill her tonight", label: 'threat' }];
CASES.service_ad = [{ text: 'Dog walker, 5 years of experience, references available. Call me at 555-0142', without: 'Call me at 555-0142', label: 'contact_offplatform' }];
CASES.crying_emoticon = [{ text: 'QQ 好难过，又没抢到票', without: 'QQ', label: 'contact_offplatform' }];
CASES.safety_advice = [{ text: '你全家出门都小心点，下雨天路滑', without: '你全家出门都小心点', label: 'threat' }];
CASES.seller_shipping = [{ text: "found the buyer's address in the order details, shipping today", without: "found the buyer's address in the order details", label: 'doxxing', engine: withDoxxing }];
// round 31: counter-speech names the claim to condemn it; a member of a group naming it (only what the model alone raised)
CASES.counter_speech = [
  { text: 'Saying gays are animals is disgusting, stop it', without: 'gays are animals', label: 'hate' },
  { text: '有人说同性恋不配当人，这种说法太恶心了', without: '同性恋不配当人', label: 'hate' },
];
CASES.self_identification = [{ text: '我是同性恋，我们不该被歧视', without: '我们不该被歧视', label: 'insult', engine: fakeModel }];
// round 32: a history lesson names the perpetrators' words; child-protection lessons quote a groomer
CASES.history_lesson = [{ text: 'Holocaust history: Jews were called rats and vermin by Nazi propaganda', without: 'Jews were called rats and vermin', label: 'hate' }];
CASES.child_safety_education = [{ text: 'Lesson plan: what grooming looks like, e.g. "dont tell your parents about our chats"', without: 'dont tell your parents about our chats', label: 'sexual_minor' }];
// round 34: a visit with its reason; goods cleared out of stock; an app in the news
CASES.social_visit = [{ text: 'my boys are coming to your house for the party', without: 'my boys are coming to your house', label: 'threat' }, { text: '我爸妈周末去你家拜年', without: '我爸妈周末去你家', label: 'threat' }];
CASES.stock_clearance = [{ text: '这批货都该滚出仓库了，清仓甩卖', without: '这批货都该滚出去了', label: 'insult' }];
CASES.app_as_topic.push({ text: 'Telegram founder arrested in France, reports say', without: 'Telegram', label: 'contact_offplatform' });
// round 36
CASES.app_as_topic.push({ text: "please keep the chat on the app, I don't use WhatsApp", without: 'WhatsApp', label: 'contact_offplatform' });
CASES.in_store_payment = [{ text: 'WeChat Pay and Alipay accepted at our store, open 9 to 6', without: 'WeChat Pay and Alipay, open 9 to 6', label: 'contact_offplatform' }];
CASES.fake_goods_warning = [{ text: 'eBay 1:1 Rolex is fake, avoid', without: 'eBay 1:1 Rolex', label: 'prohibited_listing' }];
// round 43: older rules' false positives, each lowered by what names the innocent scene
CASES.zoo_visit = [{ text: 'the 🐒 at the zoo was so cute today 🍌', without: '🐒 🍌', label: 'hate' }];
CASES.own_outfit_question = [{ text: 'What heels should I wear to the client pitch? the short skirt or trousers', without: 'wear heels to the client pitch, the short skirt', label: 'sexual_harassment' }];
CASES.adult_age_stated = [{ text: 'how old are you now, 40? your body is still amazing', without: 'how old are you? your body is still amazing', label: 'sexual_minor' }];
CASES.camera_at_an_object = [{ text: '镜头往下一点，看不到锅里的菜了，送你个礼物', without: '镜头往下一点，送你个礼物', label: 'sexual_harassment' }];
CASES.surprise_for_a_child = [{ text: '你儿子生日那天我过去看看他，别告诉你老公，给他个惊喜', without: '你儿子生日那天我过去看看他，别告诉你老公', label: 'sexual_minor' }];
CASES.parent_school_choice = [{ text: '你女儿在哪个学校读书？我们家孩子明年也想报那个学校', without: '你女儿在哪个学校读书？', label: 'sexual_minor' }];
CASES.workplace_policy = [{ text: '公司规定：不得强迫下属陪酒', without: '下属陪酒', label: 'sexual_harassment' }];
CASES.game_kill_talk = [{ text: '这局对面全杀光了哈哈', without: '全杀光了', label: 'hate' }];

describe.each(rules.context.map((r) => [r.id, r] as const))('context %s', (id, rule) => {
  it('has cases in this suite', () => {
    expect(CASES[id], `add a case for context rule ${id}`).toBeDefined();
  });

  it.each(CASES[id] ?? [])('lowers $label in $text and says why', ({ text, without, label, engine: e }) => {
    const eng = e ?? engine;
    expect(rule.lowers).toContain(label);
    expect(eng.screen({ text: without }).labels).toContain(label); // the harm is there without the context
    const r = eng.screen({ text });
    const m = r.mitigations?.find((x) => x.rule === `context:${id}`);
    expect(m, JSON.stringify(r)).toBeDefined();
    expect(m?.reason).toBe(rule.reason);
    expect(m?.labels).toContain(label);
    expect(r.verdict === 'allow' || rule.to === 'hold').toBe(true);
    // a label lowered to allow is not what the text is: it leaves `labels`, and stays in mitigations and evidence
    if (rule.to === 'allow' && r.verdict === 'allow') {
      expect(r.labels).not.toContain(label);
      expect(r.evidence.some((ev) => ev.label === label)).toBe(true);
    }
  });
});

describe('labels after context', () => {
  it('a label lowered to allow leaves `labels` and stays in mitigations and evidence', () => {
    const r = engine.screen({ text: '举报：这个人骂我傻逼，截图在这' });
    expect(r.verdict).toBe('allow');
    expect(r.labels).not.toContain('insult');
    expect(r.mitigations?.some((m) => m.labels.includes('insult'))).toBe(true);
    expect(r.evidence.some((e) => e.label === 'insult')).toBe(true);
    expect(engine.screen({ text: '这个人骂我傻逼' }).labels).toContain('insult');
  });
});

describe('context words the abuser uses lower nothing', () => {
  it.each([
    ['你敢去HR举报我，我让你在这行混不下去', 'threat'],
    ['处方药免处方，安眠药现货', 'prohibited_listing'],
    ['Adderall 20mg, no doctor needed', 'prohibited_listing'],
    ['艾司唑仑，不用去医院开，直接发货', 'prohibited_listing'],
    ['威而钢现货，不需要医生开', 'prohibited_listing'],
    ['我找到她公司领导的电话了，明天就把截图发过去', 'doxxing'],
    ['Anyone know where @MayaPlays actually works? Want to send her boss a few screenshots.', 'doxxing'],
    ["got her work email and her manager's name, sending them the screenshots tonight", 'doxxing'],
    ['you f*ggot, this is our little secret', 'hate'],
    // 'please ban' is no report cue: the abuser asks for it too
    ['kill yourself, please ban me lol', 'threat'],
    ['you stupid bitch, pls ban', 'insult'],
    ["does your daughter still have the socks she wore? unwashed pls", 'sexual_minor'],
    ['这些 Muslims 都是恐怖分子, ban them all from 我们小区', 'hate'],
    ["I'm just saying muslims should all be deported", 'hate'], // round 31: 'just saying' is no counter-speech
    ['Saying gays are animals is just the truth', 'hate'],
    ['有人说同性恋不配当人，这种说法没毛病', 'hate'],
    ['我是同性恋，但是穆斯林都该滚出去', 'hate'], // self_identification lowers only what the model alone raised
    ['有冇人要壯陽藥，唔使醫生紙，即日送到', 'prohibited_listing'],
  ] as const)('%j stays %s', (text, label) => {
    const r = engine.screen({ text });
    expect(r.labels).toContain(label);
    expect(r.verdict).not.toBe('allow');
  });
});

describe('model-scoped context', () => {
  it('does not lower a label that a rule raised', () => {
    const r = fakeModel.screen({ text: 'holy shit you are a fucking idiot' });
    expect(r.labels).toContain('insult');
    expect(r.verdict).toBe('hold');
    expect(r.mitigations?.some((m) => m.rule === 'context:exclamation_not_aimed')).toBeFalsy();
  });
});

describe('`except` terms cancel a context anywhere in the message', () => {
  it('game talk does not excuse a real-world threat in the same message', () => {
    for (const text of ['nice clutch in ranked lol. I will kill you irl, I know your address', '这把你等着，现实中我也会找到你家']) {
      const r = engine.screen({ text });
      expect(r.verdict, JSON.stringify(r)).toBe('block');
      expect(r.mitigations ?? []).toEqual([]);
    }
    expect(engine.screen({ text: "I'll kill you in ranked tonight lol" }).verdict).toBe('allow');
  });
  it('a pickup does not excuse a weapon, nor a victim\'s word the data handed over next to it (round 23)', () => {
    for (const text of ["I'll be at your door at 6 to pick up the bike, bring a knife", '这人已经被开盒了，信息都在这']) {
      const r = engine.screen({ text });
      expect(r.verdict, JSON.stringify(r)).not.toBe('allow');
      expect(r.mitigations ?? []).toEqual([]);
    }
    expect(engine.screen({ text: '我被开盒了，怎么办，已经报警' }).verdict).toBe('allow');
  });
  it('an except list must be a non-empty list of terms', () => {
    const base = { id: 'x', reason: 'r', lowers: ['threat'], terms: ['gg'] };
    expect(() => parseContext('ctx.yaml', { rules: [{ ...base, except: [] }] })).toThrow(/rules\[0\]\.except/);
    expect(() => parseContext('ctx.yaml', { rules: [{ ...base, except: 'irl' }] })).toThrow(/rules\[0\]\.except/);
    expect(parseContext('ctx.yaml', { rules: [{ ...base, except: ['irl', { term: 'your address' }] }] })[0]?.except).toEqual([{ term: 'irl' }, { term: 'your address' }]);
  });
});

describe('round 24: the new context words do not excuse abuse in the same message', () => {
  it.each([
    ['老板砍价？再砍我就杀了你', 'threat'], // bargaining_slang except
    ['your code is garbage and so are you', 'insult'], // criticism_of_work except
    ['法院判了又怎样，出来我照样弄死你全家', 'threat'], // news_report except
    ['Anti-bullying week? Gays are disgusting and should be bullied.', 'hate'], // education except
    ['Sex education for your daughter: send me videos of her feet', 'sexual_minor'], // medical_sexual_health except
    ['As my teacher would say, you are a worthless idiot', 'insult'], // 'teacher would say' is not teaching
    ['举报？随便你，你就是个傻逼', 'insult'], // defying a report is no report
  ])('%s keeps %s', (text, label) => {
    const r = engine.screen({ text });
    expect(r.labels, JSON.stringify(r)).toContain(label);
    expect(r.verdict).not.toBe('allow');
  });
});
