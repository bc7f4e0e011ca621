/**
 * One suite per lexicon file (rules/lexicon/<label>.<lang>.yaml): a few of its terms are found with the
 * file's label in plain, traditional/pinyin/homophone and evasion forms; its allow phrases (the innocent words
 * that contain a term) are not flagged by that term; and every entry finds its own term.
 */
import { describe, expect, it } from 'vitest';
import { lexiconDetector } from '../../src/detect/lexicon.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';
import type { Finding } from '../../src/detect/types.ts';
import { normalize } from '../../src/normalize/pipeline.ts';

const rules = loadRuleSet();
const detector = lexiconDetector(rules.lexicons);

function findings(text: string): Finding[] {
  return detector.detect({ original: text, normalized: normalize(text), lang: 'mixed', kind: 'message' });
}

/** Per file: texts that must be found (with the file's label, by a rule of THIS file) and texts that must not. */
const EXAMPLES: Record<string, { found: string[]; clean: string[] }> = {
  'contact_offplatform.en': {
    found: ['add me on whatsapp', 'hit me up on telegram', 'ｓｎａｐｃｈａｔ me', 'pay me directly to skip the fee', 'find me on insta'],
    clean: ['I will send it through the app', 'paid on platform, thanks'],
  },
  'contact_offplatform.zh': {
    found: ['别在平台聊了，kou kou多少？', '飞机群 @dy_fuli888', '加我微信聊', '加我威信', '加个QQ吧', '扣扣联系', '加我微微微微信', '私下轉帳給我', 'jia wo weixin', '🐧号12345678'],
    clean: ['QQ糖一袋', '平台担保交易更放心'],
  },
  'hate.en': {
    found: ['fucking nigger', 'n1gg3r', 'f​а66оt', 'knee grow', 'go back to your country', "that's a man in a dress", 'you will never be a woman', 'jews run twitch', 'sp1cs go home', '14/88'],
    clean: ['Niger is a country in West Africa', 'a raccoon in the garden', 'Maine Coon kittens for sale', 'flame retardant spray', 'a niggling knee injury', 'faggots and peas for tea', 'spic and span cleaner', 'a holiday on Lesbos island', 'tranny rebuilt, runs great', 'a chink in the armour', 'honky tonk bar'],
  },
  'hate.zh': {
    found: ['黑鬼滚出去', '死基佬', 'si ji lao', '泥哥来了', '支那人', '女的就该回家', '黑s鬼滚出去'],
    clean: ['漆黑鬼屋主题密室逃脱券两张', '我在B站看的', '维C片一瓶', '玉米棒子面', '黑人牙膏整箱出', '我只拿两件', '还有人要吗', '木珠手串', '中国男人和外国男人', '黑皮鞋42码', '一棒子打死所有人', '杀毒软件能杀光病毒吗', '小母狗三个月大找领养', '母猪饲料批发'],
  },
  'insult.en': {
    found: ['fuck you', 'ｆｕｃｋ ｏｆｆ', 'you asshole', 'phuck you', 'ur such a biatch', 'shithead', 'you absolute bellend', 'what a knobhead', 'knn cheebai', 'you are a b i t c h', 'what a w h o r e'],
    clean: ['fuck yeah, we won!', 'Assassin’s Creed disc', 'The Muppet Show was great', "he's such a muppet fan"],
  },
  'insult.zh': {
    found: ['你个傻逼', '煞笔', 'sha bi', '傻13', '滚远点', '🖕', '艹你大爷', 'ni nao zi you bing ba', '你這個機掰人', '靠北喔', '你在講三小', '你個仆街', '你个虎了吧唧的玩意儿'],
    clean: ['靠北边走', '三小时后到货', '你在讲三小时的课吗', '白目鱼好吃', '北七家镇', '87分，差一点及格', '这块塑胶很硬', '废物利用', '收件人王芳', '滚筒洗衣机', '摇滚乐队', '宝宝刚出生三个月', '纸张A4', '见货付款', '耳鼻喉科', '双十一扫货', '白吃白喝', '被球砸中了', 'Nike SB Dunk', '2B铅笔'],
  },
  'prohibited_listing.en': {
    found: ['vape pods for sale', 'xanax no script', 'worn panties', 'zaza', 'Adderall, no doctor needed', 'escorts tonight'],
    clean: ['weed killer, half a bottle', 'Classic bass guitar', 'full service history, one owner', 'the movie has a happy ending', 'tobacco brown leather boots', 'Molly loved her dress', 'cigarette pants, size 10', "Vintage silver cigarette case, empty, collectors' item"],
  },
  'prohibited_listing.zh': {
    found: ['元味小内，穿了两天', 'yan dan 一批', '出电子烟', '免处方', '冰毒', 'chu bingdu', '原味丝袜', '带原味', '安眠藥'],
    clean: ['原味薯片一箱', '好几把椅子', '买个冰袋敷一下', '病毒感染', '他的言谈举止', '路口有电子眼', '大麻绳包邮', '网吧包夜15块', '打气枪'],
  },
  'sexual_harassment.en': {
    found: ['s3nd n00dz', "i'd rail you so hard after stream", 'flash chat for 100 bits', 'send nudes', 'show me your tits', 'wanna see you naked', 'spicy pics', 'your place or mine', 'he only touched you'],
    clean: ['Great tits and blue tits at the feeder', 'Moby Dick, first edition', 'Dick Grayson cosplay next week', 'magna cum laude', 'Spotted dick and custard', 'Pussy willow branches', 'my favourite rapper', 'rapeseed oil'],
  },
  'sexual_harassment.zh': {
    found: ['想草主播', '主播腿真好看，私发几张丝袜照呗', '下周出差跟我住一间', 'fa zhang xing gan zhao pian gei wo kan kan', '约炮吗', 'yue pao', '发裸照', '发点lz', '陪酒', '好sao', '装什么清纯'],
    clean: ['操场上打球', '好几把伞', '操你妈', '要包邮吗', '你要跑步吗', '这个要报名吗', '周末开放参观', '汽车保养', '早餐肉肠', '衣服有点奶渍', '扣缴个税', '身体强健', '我们将检查设备', '上床下桌'],
  },
  'sexual_minor.en': {
    found: ['child porn', 'jailbait', "your daughter's feet", 'socks she wore'],
    clean: ['my daughter wore it twice, size 120'],
  },
  'sexual_minor.zh': {
    found: ['儿童色情', '你女儿的脚', '女儿穿过的袜子', '你女兒的腳', '女鹅的脚', '萝莉原味'],
    clean: ['女童袜子9成新', '我女儿穿过两次就小了'],
  },
  'threat.en': {
    found: ['i will kill you', 'I know where you live', 'kys', 'ky$', 'when i find you', "you'll never work in this city again", 'put a bullet in you', "n3w acc0unt, s4me m3. I'm n0t g01ng aw4y", 'enjoy the SWAT team'],
    clean: ['I could kill for a coffee', 'that exam killed me', 'you killed it this round', 'I hope you die laughing at this', "you're dead lol get rekt"],
  },
  'threat.zh': {
    found: ['我要杀了你', 'sha le ni', '你怎麼不去死', 'ni zen me bu qu si', '你去4吧', '送你上西天', '换个号照样找你', '你这种人怎么还不去死', 'wzdnzn，等着瞧', '我知道妳住哪裡'],
    clean: ['电影杀青了', '杀毒软件', '748元一台'],
  },
};

describe.each(rules.lexicons.map((f) => [f.file, f] as const))('lexicon %s', (file, lex) => {
  const examples = EXAMPLES[file];

  it('has examples in this suite', () => {
    expect(examples, `add examples for rules/lexicon/${file}.yaml to EXAMPLES`).toBeDefined();
  });

  it.each(examples?.found ?? [])('finds %j with its label', (text) => {
    const hits = findings(text).filter((f) => f.rule.startsWith(`lexicon:${file}:`));
    expect(hits.map((h) => h.label)).toContain(lex.label);
    for (const h of hits) {
      expect(h.start).toBeGreaterThanOrEqual(0);
      expect(h.end).toBeLessThanOrEqual(text.length);
    }
  });

  it.each(examples?.clean ?? [])('does not flag %j', (text) => {
    expect(findings(text).filter((f) => f.rule.startsWith(`lexicon:${file}:`))).toEqual([]);
  });

  it('every entry finds its own term', () => {
    const missed = lex.entries.filter((e) => !findings(e.term).some((f) => f.rule === `lexicon:${file}:${e.term}`)).map((e) => e.term);
    expect(missed).toEqual([]);
  });

  it('no allow phrase is flagged by the entry that lists it', () => {
    const flagged: string[] = [];
    for (const e of lex.entries) {
      for (const phrase of e.allow ?? []) {
        const rule = `lexicon:${file}:${e.term}`;
        if (findings(phrase).some((f) => f.rule === rule || f.rule === `${rule} (by sound)`)) flagged.push(`${e.term} ← ${phrase}`);
      }
    }
    expect(flagged).toEqual([]);
  });
});
