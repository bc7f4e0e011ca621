/**
 * Rounds 9 to 35 (probes written from PRODUCT.md by the rule author — no blind set, so no generalisation figure;
 * docs/engine.md "How good is it?" lists each round): the misses each round fixed, and the innocent look-alikes
 * the same probes found or that guard the new rules (prescription eyewear, the Dyke March, a rugby hooker's try,
 * denials of a hateful claim, a room's price per night, names the model misread, a parent's child's age, a buyer's pickup
 * at the door…).
 */
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/default-engine.ts';
import { createEngine, type Engine } from '../../src/engine.ts';
import { doxxingDetector } from '../../src/detect/doxxing/index.ts';
import { piiDetector } from '../../src/detect/pii/index.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';

const engine = createEngine({ rules: loadRuleSet(), model: null });
// rules with the PII and doxxing detectors (the default engine's, without the model)
const withDetectors = createEngine({ rules: loadRuleSet(), model: null, detectors: [piiDetector, doxxingDetector] });

/** The check every "misses" table runs: the text gets the label (evidence shown on failure) and the verdict. */
function screensAs(e: Engine) {
  return (text: string, label: string, verdict: string): void => {
    const r = e.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).toContain(label);
    expect(r.verdict).toBe(verdict);
  };
}

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
    ["I'll pay extra if your son models the underwear", 'sexual_minor', 'block'],
    ['小朋友你家住哪里呀？叔叔给你买糖', 'sexual_minor', 'block'],
    ['下次见面你就知道厉害了', 'threat', 'hold'],
    ["you'll regret blocking me, I always find a way back", 'threat', 'block'],
    ['你这种人就该被车撞死', 'threat', 'block'],
    ['his kids go to Oakwood Primary, pickup is at 3:15', 'doxxing', 'hold'],
  ])('%s → %s (%s)', screensAs(engine));
});

describe('round 10 misses (workplace, raids in emoji, off-platform payment)', () => {
  it.each([
    ['wear something short tomorrow, the client likes that', 'sexual_harassment', 'block'],
    ["If you tell HR about last night, you're done here", 'threat', 'block'],
    ['你要是敢去举报，年终奖别想要了', 'threat', 'block'],
    ['she should be flattered the client noticed her', 'sexual_harassment', 'hold'],
    ['🏳️‍🌈 = 🤮', 'hate', 'block'],
    ['亲 你家宝贝的小脚丫好可爱 能拍个视频吗', 'sexual_minor', 'block'],
    ["I'll be at your house on Saturday, I have the address from the parcel 😊", 'threat', 'block'],
    ['换个号你还是跑不掉，你家地址我都有', 'threat', 'block'],
    ["pay via venmo and I'll knock $10 off", 'contact_offplatform', 'hold'],
    ['weed gummies, 10mg each, discreet shipping', 'prohibited_listing', 'block'],
    ['代开处方，医院直出', 'prohibited_listing', 'block'],
  ])('%s → %s (%s)', screensAs(engine));
});

describe('round 11 misses (doxxing)', () => {
  it.each([
    ['我知道你在哪个公司上班，信不信我去找你领导', 'threat', 'block'],
    ['I found where you work. Nice office.', 'threat', 'block'],
    ['your real name is Emily Zhang right? and you study at UCL', 'doxxing', 'hold'],
    ["his mum's address is on her facebook, 17 Birch Road", 'doxxing', 'hold'],
    ['这个卖家的支付宝实名是张伟，手机尾号5678', 'doxxing', 'hold'],
    ['有人扒出来了，她是北京某中学的老师', 'doxxing', 'hold'],
    ["dm me for the streamer's irl location", 'doxxing', 'hold'],
    ['leak her nudes and her address, she deserves it', 'sexual_harassment', 'block'],
  ])('%s → %s (%s)', screensAs(engine));
});

describe('round 12 misses (threats, sexual harassment, minors)', () => {
  it.each([
    ["i'll make your life hell, starting tomorrow", 'threat', 'block'],
    ['老子找几个兄弟去你店里砸了', 'threat', 'block'],
    ['you have 24 hours to pay or your family pays', 'threat', 'block'],
    ['i hope someone stabs you on your way home', 'threat', 'block'],
    ["one day you'll open the door and I'll be there", 'threat', 'block'],
    ["your lips look so soft, bet they'd feel good on my 🍆", 'sexual_harassment', 'block'],
    ['send bobs and vagene', 'sexual_harassment', 'block'],
    ['你这身材不去当主播可惜了，脱了给我看看', 'sexual_harassment', 'block'],
    ['how old is ur sister? she looks 12, is she single? 😍', 'sexual_minor', 'block'],
    ['little girls are so cute in tights, got any more pics of her', 'sexual_minor', 'block'],
  ])('%s → %s (%s)', screensAs(engine));
});

describe('round 13 misses (evasions)', () => {
  it.each([
    ['去shi吧你', 'threat', 'block'],
    ['➕V：abc999 看更多', 'contact_offplatform', 'hold'],
    ['sh00t up the school tmrw', 'threat', 'block'],
    ['g0 b@ck 2 ur c0untry', 'hate', 'block'],
    ['ᑎIGGEᖇ', 'hate', 'block'],
    ['yan弹 批发', 'prohibited_listing', 'block'],
    ['kill urself n00b', 'threat', 'block'],
    ['r@pe her', 'threat', 'block'],
  ])('%s → %s (%s)', screensAs(engine));
});

describe('round 15 misses (mixed language, pinyin, initials)', () => {
  it.each([
    ['我知道你 live 在哪, be careful', 'threat', 'block'],
    ['mai yan, zhong hua ruan bao', 'prohibited_listing', 'block'],
    ['tong xing lian dou gai si', 'hate', 'block'],
    ['jb主播', 'insult', 'hold'],
    ['sjb', 'insult', 'hold'],
    ['zz主播别播了', 'insult', 'hold'],
    ['fw一个', 'insult', 'hold'],
  ])('%s → %s (%s)', screensAs(engine));
});

describe("round 16 misses (doxxing: someone else's data published)", () => {
  it.each([
    ['她家就在阳光花园3栋502，天天晚上一个人在家', 'doxxing', 'hold'],
    ["Here's the scammer's home address: 221 Oak St, Springfield. Go get him", 'doxxing', 'hold'],
    ['这个女的在星巴克国贸店上班，每天早上8点到', 'doxxing', 'hold'],
    ['his wife works at the dental clinic on Main St, she leaves at 6', 'doxxing', 'hold'],
    ['卖家的老家是河南周口的，我已经查到他爸妈的电话了', 'doxxing', 'hold'],
    ['posting her IG and her school so everyone can message her', 'doxxing', 'hold'],
    ['把他的手机号、微信、家庭住址整理好了，链接在评论区', 'doxxing', 'hold'],
    ["he's the guy at 5 Elm Close with the blue door, everyone knows", 'doxxing', 'hold'],
    ["this is his dad's facebook: facebook.com/john.smith.123", 'doxxing', 'hold'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 17 misses (doxxing: hunting and probing)', () => {
  it.each([
    ['求扒这个人，有人认识吗', 'doxxing', 'hold'],
    ['does anyone know her irl? what city is she in', 'doxxing', 'hold'],
    ['她就是XX大学大三的张某，宿舍在3号楼', 'doxxing', 'hold'],
    ["his daughter is in Mrs. Smith's class at Lincoln Elementary", 'doxxing', 'hold'],
    ['信不信我把你的照片和地址发到你们学校群', 'doxxing', 'hold'],
    ['anyone got a reverse image search on her? want to find her socials', 'doxxing', 'hold'],
    ["I can find anyone's address for $20, DM me", 'doxxing', 'hold'],
    ['who knows which hospital she works at?', 'doxxing', 'hold'],
    ['她每天下午5点在幼儿园门口接孩子，穿红衣服', 'doxxing', 'hold'],
    ["geolocated her last stream, she's in downtown Austin near 6th", 'doxxing', 'hold'],
    ["this seller's full name is on the receipt: Wang Fang, and her phone ends in 5678", 'doxxing', 'hold'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 18 misses (doxxing, more phrasings)', () => {
  it.each([
    ['她住的小区叫碧桂园，门口有个全家便利店', 'doxxing', 'hold'],
    ['this girl lives two streets from me, 40 Park Rd, I see her every day', 'doxxing', 'hold'],
    ["that streamer's brother works at the Tesco in Croydon lol", 'doxxing', 'hold'],
    ['she posted a pic in front of her house, the street sign says Maple Lane', 'doxxing', 'hold'],
    ['i know which gym you go to, saw you there yesterday 🙂', 'threat', 'block'],
    ['谁有这个主播的小号？', 'doxxing', 'hold'],
    ["his kid's school is St Mary's on Elm, pickup 3pm", 'doxxing', 'hold'],
    ["we found her old account and her ex's number, posting tonight", 'doxxing', 'hold'],
    ['这个卖家叫王丽，在南京鼓楼区一家幼儿园当老师，大家去她单位闹', 'threat', 'block'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 19 misses (threats without a listed verb)', () => {
  it.each([
    ['我已经在你公司楼下了，出来', 'threat', 'hold'],
    ['watch what happens to your car tonight', 'threat', 'block'],
    ['你儿子几点放学我都知道', 'threat', 'block'],
    ["ur family won't be safe", 'threat', 'block'],
    ["I'm going to make you disappear", 'threat', 'hold'],
    ['你出门最好带着保镖', 'threat', 'block'],
    ['enjoy your last stream', 'threat', 'block'],
    ['别让我在街上碰到你', 'threat', 'block'],
    ['i have a gun and your address', 'threat', 'block'],
    ['hope your house burns down with you inside', 'threat', 'block'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 20 (threats, and three old terms that blocked innocent lines)', () => {
  it.each([
    ['我认识道上的人，你自己掂量掂量', 'threat', 'block'],
    ['准备好棺材吧', 'threat', 'block'],
    ['would be a shame if something happened to your shop', 'threat', 'block'],
    ['I know your schedule better than you do', 'threat', 'hold'],
    ["I'll be waiting for you after school", 'threat', 'hold'],
    ['我知道你明天几点的火车', 'threat', 'hold'],
    ['小心你的狗，最近不太平', 'threat', 'hold'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 21 (minors)', () => {
  it.each([
    ['是初中生吗？处对象吗，哥哥带你玩', 'sexual_minor', 'block'],
    ["you're 13? that's mature for your age, wanna video chat privately?", 'sexual_minor', 'block'],
    ['你女儿那双芭蕾舞鞋能卖给我吗？要穿过的', 'sexual_minor', 'block'],
    ['小妹妹你的腿真白，多拍几张', 'sexual_minor', 'block'],
    ['which park does your daughter play in after school?', 'doxxing', 'hold'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 23 (doxxing and threats: other phrasings, evasions)', () => {
  it.each([
    // doxxing
    ["I can find anyone's home address, just send me their username", 'doxxing', 'hold'],
    ['这个up主的老婆在哪个医院上班，有人知道吗', 'doxxing', 'hold'],
    ['her dad is the principal at Riverside High, go tell him what she did', 'doxxing', 'hold'],
    ['sfz号我已经查到了，要不要发出来', 'doxxing', 'hold'],
    ['我有他家的地zhi，谁要', 'doxxing', 'hold'],
    ['这人已经被开盒了，信息都在这', 'doxxing', 'hold'],
    ['i know her ex, i can get you her new number', 'doxxing', 'hold'],
    ['专业查任何人的住址，价格私聊', 'doxxing', 'hold'],
    ['再不还钱就把你的照片和单位挂出去', 'doxxing', 'hold'], // a threat to publish stays doxxing (hold), as the blind sets label it
    // threats
    ['你住哪我门儿清，晚上走路注意点', 'threat', 'block'],
    ['wo zhidao ni zhu nar', 'threat', 'block'],
    ['ur family better watch out', 'threat', 'block'],
    ['信不信我一把火烧了你的店', 'threat', 'block'],
    ["I'll slash your tires", 'threat', 'block'],
    ["report me again and you'll be looking for a new job", 'threat', 'block'],
    ['弄s你', 'threat', 'block'],
    ['你女儿挺可爱的，放学一个人回家吧', 'threat', 'hold'],
    ['nice car. would be a shame if it caught fire', 'threat', 'block'],
    ['ni jia address 我有了, see you soon', 'threat', 'block'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 22: a denial does not hide the claim next to it', () => {
  it.each([
    ['同性恋都是病，应该治', 'hate'],
    ['同性恋都是变态', 'hate'],
  ])('%s stays %s', (text, label) => {
    const r = engine.screen({ text });
    expect(r.labels).toContain(label);
    expect(r.verdict).toBe('block');
  });
});

describe('context words do not excuse the abuse around them', () => {
  it.each([
    ['you loser, words like that are all you deserve', 'insult'],
    ['npc energy, I will kill you irl', 'threat'],
  ])('%s keeps %s', (text, label) => {
    const r = engine.screen({ text });
    expect(r.labels).toContain(label);
    expect(r.verdict).not.toBe('allow');
  });
});

describe('round 9 to 23 false positives stay allowed', () => {
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
    'my kids go to Oakwood Primary, pickup is at 3:15, can we meet after?',
    '昨天一名老人被车撞死，警方正在调查',
    'Does your son like this underwear brand? It runs small',
    'I always find a way back to my favourite café',
    '这款游戏你玩了就知道厉害了，画面超棒',
    '小朋友们，放学后在校门口等家长，不要跟陌生人走',
    // round 10
    '如何识别网络诈骗：不要轻易加陌生人微信转账',
    'My WhatsApp is +44 7700 900123 if the courier needs me',
    "My manager told me 'if you tell HR you're done here' — I'm reporting him today",
    'Wear something smart tomorrow, the client is visiting',
    'Happy Pride 🏳️‍🌈❤️ everyone welcome',
    'cash on collection is fine, no discount sorry',
    "I'll be at your house on Saturday to pick up the sofa, address from the listing is fine",
    '医生开了处方，去医院药房拿药',
    // round 11
    "My real name is Li Wei, phone 13800138000, I'll pick it up",
    '我知道你在哪个公司上班，信不信由你，我们以前是同事',
    'I found where you work on LinkedIn, are you hiring?',
    'her address is on the parcel label, so I can post it back to her',
    '有人扒出来了，这个谣言是假的',
    'our study found that 40% of streamers face harassment',
    // round 12
    'this phone looks 10 years old, so hot in the sun too',
    "little girls' dresses are so cute in pink, any more pics of the blue one?",
    '找几个人把旧房子砸了重新装修',
    'I hope someone finds my lost cat',
    "your lips look great in this lipstick shade, it's on my wishlist",
    "she's 12 and loves the unicorn one 😍 do you have size 150?",
    'I will make your life easier: free shipping on all orders',
    "I'll be there when you open the door, delivery at 9am",
    'shit, I forgot to add the tracking number',
    // round 13
    'gg wp, I will kill you next round',
    'shoot me a message when you are free',
    '言谈举止很得体',
    // round 14 (must-not-flag probes)
    "Our school's anti-bullying week: words like 'loser' hurt",
    '这个主播被网暴了，有人把她的住址挂出来，平台快管管',
    "the game's final boss says 'I will destroy you all'",
    'Selling my old prescription-free reading glasses +1.5',
    // round 15
    'tmd这天气热死了',
    'zz是我们公司的缩写',
    'JB Hi-Fi has a sale on headphones',
    'FW: meeting notes attached',
    '中华烟草博物馆',
    'zhong hua ren min gong he guo',
    // round 16
    '我家在阳光花园3栋502，快递放门口就行',
    'my number is 07700 900123, call when outside',
    'Our shop is at 221 Oak St, Springfield, open 9-5',
    '我在星巴克国贸店上班，下班后可以面交',
    "the driver's number is 07700 900123 if you need him",
    "check out my mom's facebook page for her bakery",
    '她家就在我家楼下，我们是邻居，可以一起拼单',
    // round 17
    '她每天早上跑步，身体很好',
    '求扒一下这个品牌的历史',
    'my full name is Wang Fang, phone 13800138000, for the delivery',
    '他就是我们大学的校长，宿舍楼是他批的',
    "What city is she in? The tour page doesn't say",
    '我女儿在实验小学三年级，这套校服谁要',
    // round 18
    '明天我就去他单位找他拿东西',
    "she works at the bakery in town, that's why she's late",
    'my brother works at the Tesco in Croydon, he can pick it up',
    '我住的小区叫碧桂园，门口有个全家便利店，来自提',
    'which gym do you go to? I need a recommendation',
    '谁有这个商品的小号尺码？',
    // round 19
    'watch what happens to your skin after a week of this cream',
    "the ending? you won't see it coming!",
    'I have a gun and holster for sale, airsoft, collection only',
    '明星出门带保镖很正常',
    'enjoy your last day of vacation!',
    // round 20
    '你给我等着，我马上下楼',
    'It would be a shame if this deal ended before you got one!',
    "you're next in line at the counter",
    // round 21
    '我女儿穿过的芭蕾舞鞋，九成新，洗干净了，20元',
    'Kids swim trunks size 6, never worn',
    '星探公司招聘儿童模特，需家长陪同，正规合同',
    'which park is best for kids in Leeds?',
    '孩子腿长60厘米，能多拍几张裤子的照片吗',
    // round 22 (identity terms in ordinary and supportive lines)
    '同性恋不是病，世卫组织早就说了',
    '同性恋不是变态',
    '穆斯林朋友的开斋节快乐',
    'my gay brother is getting married next month!',
    '残疾人运动员在残奥会上表现出色',
    // round 23 (look-alikes of doxxing and threats; the pickup, the asked-for address and the fever were flagged)
    '我的地址是北京市朝阳区望京西园三区5号楼，电话13812345678，麻烦发顺丰',
    'Ship to my place please: 42 Elm Street, Springfield, my phone is 555-0134',
    '我们店地址：上海市静安区南京西路1266号，欢迎到店自提',
    '我的手机号13912345678，快递到了打我电话',
    'Police arrested a man who threatened to kill a streamer, the news said',
    '新闻：男子因在网上威胁他人被拘留',
    '请问孩子上小学应该报哪个学校？我们住海淀',
    'see you at the office tomorrow at 9',
    '明天的课在三教201，大家别走错',
    '你住哪个区？我看看运费',
    "what's your address for delivery?",
    '我女儿在实验小学上学，这套校服穿不下了，出给有需要的',
    '我爸在医院上班，所以周末才有空发货',
    '有人在群里发了我的电话和地址，我该怎么举报？',
    '快递员说放你家门口了，你看看收到没',
    '开盒即食，保质期12个月',
    '这个盲盒开盒视频太好看了',
    "I'll be at your door at 6 to pick up the bike, is that ok?",
    'send me your address, see you soon',
    '孩子发烧了你家有退烧药吗',
    '我点了你家的奶茶，什么时候送到',
    'burn your calories at home with this mat',
    '快递单号我已经查到了，要不要发出来给你看',
    '地址我有了，明天发货',
    '我被开盒了，怎么办，已经报警',
    'please check your tires before the trip, and your brakes',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 24 (must-not-flag probes: education, news, health, quoting, bargaining, banter, Scunthorpe)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // false positives fixed
    'linguistics class today: how "faggot" went from meaning a bundle of sticks to a homophobic slur',
    'Vocabulary: "idiot" comes from the Greek idiotes, meaning a private person.',
    '心理课：当别人骂你“废物”“蠢货”时，不要用同样的话回击，可以告诉老师或家长。',
    'How soon after unprotected sex should I take an HIV test? And is PrEP available without a prescription?',
    'Someone left a comment saying "go back to your country" under my video. This is racism and it\'s not ok.',
    'A guy in the stream chat keeps calling me a retard, can a mod time him out?',
    '被同学叫“死娘炮”好几年，现在终于敢说出来了。',
    '老板能再砍价吗？这个价太杀了吧。',
    '楼下那家烧鸡巴适得很，下次带你去吃。',
    'Your code is garbage right now but we can refactor it together tomorrow.',
    '你是猪吗哈哈哈，这都能睡过头，快起床了我们在楼下等你',
    // guards from the same probes (allowed before and after)
    'Court report: the defendant admitted calling the victim a "stupid bitch" and was fined £500.',
    '举报：这个人私信骂我“傻逼”，还说要来找我，请平台处理。',
    'This deal is a steal, killer price on a bomb-proof phone case.',
    'Assassin\'s Creed Valhalla is on sale, 70% off.',
    '最近在看抗日剧，日本料理店也去了一家，味道不错。',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 24 harmful look-alikes (a context word next to the writer\'s own abuse)', () => {
  it.each([
    ["I'm not saying you're a stupid bitch, but you really are one.", 'insult', 'hold'],
    ["As my teacher would say, you're a worthless idiot.", 'insult', 'hold'],
    ['举报？随便你，你就是个傻逼。', 'insult', 'hold'],
    ['History lesson for you: all Jews should have been gassed.', 'hate', 'block'],
    ['Sex education for your daughter: send me videos of her feet and her worn socks.', 'sexual_minor', 'block'],
    ['Medical question: can you send me a photo of your boobs so I can check them?', 'sexual_harassment', 'block'],
    ['引用一句话送给你：你就是个废物，死肥猪。', 'insult', 'hold'],
    ['Quote of the day: "I know where you live and I will hurt your kids."', 'threat', 'block'],
    ['秒杀价！正品中华香烟，电子烟，烟弹批发，量大从优', 'prohibited_listing', 'block'],
    ['PrEP pills available without a prescription, cheap', 'prohibited_listing', 'block'],
    ['Anti-bullying week? Gays are disgusting and should be bullied.', 'hate', 'block'],
    ['法院判了又怎样，出来我照样弄死你全家。', 'threat', 'block'],
    ['To HR: lol just kidding. Hey sweetie, send me a pic in your underwear tonight 😏', 'sexual_harassment', 'block'],
    ['gg ez, I know your address irl and I\'m coming to kill you', 'threat', 'block'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

// round 25 (context scope): a context word in one sentence no longer excuses the writer's own fresh abuse in another
// (before: 2/32 caught; after: 26/32), while reports, news and warnings that tell the abuse over several sentences
// stay allowed (39/40 before and after). Left: a third-person insult after a report ("Well he's a fucking cunt"
// tells rather than turns on the reader), cues of message-wide rules (a warning header, 忘带 banter), 'study' (news).
describe('context scope: a cue reaches its own sentence, not fresh abuse in the next', () => {
  it.each([
    ['举报了，他骂我傻逼。你也是个傻逼', 'insult', 'hold'],
    ['news: the attacker was jailed. and I will find you and kill you tonight', 'threat', 'block'],
    ["I reported him yesterday. You're a worthless piece of shit.", 'insult', 'hold'],
    ['截图已经发给平台了。你这个死肥猪', 'insult', 'hold'],
    ["Police arrested the guy. I know where you live, you're next", 'threat', 'block'],
    ['已报警。你全家都得死', 'threat', 'block'],
    ['Someone posted a slur in chat, mods pls remove. Anyway you retarded faggot', 'hate', 'block'],
    ['she said I was annoying. shut up you dumb bitch', 'insult', 'hold'],
    ['新闻说今天有暴雨。我要杀了你', 'threat', 'block'],
    ["According to the forecast it's sunny. Kill yourself.", 'threat', 'block'],
    ["Lesson 3 is on Monday. You're a stupid cunt.", 'insult', 'hold'],
    ["I'm such an idiot. And you're an even bigger idiot, you moron", 'insult', 'hold'],
    ["your code is garbage. you're garbage too, loser", 'insult', 'hold'],
    ["This item is a scam, don't fall for it. I know your address, I'll burn your house down", 'threat', 'block'],
    ['Breaking: new phone released! Go back to your country you dirty chink', 'hate', 'block'],
    ['据报道明天降温。你这种残废就该去死', 'hate', 'block'],
    ['警方已经介入了。我照样弄死你', 'threat', 'block'],
    ["The survey closes Friday. Send me a pic of your daughter's feet", 'sexual_minor', 'block'],
  ])('%s → %s (%s)', (text, label, verdict) => {
    const r = withDetectors.screen({ text });
    expect(r.labels, JSON.stringify(r)).toContain(label);
    expect(r.verdict).toBe(verdict);
  });
  const withModel = createDefaultEngine();
  it.each([
    'I want to report this user. He wrote: you stupid bitch',
    'I want to report this user. He wrote: "I will find you and kill you"',
    '举报这个人。他私信我：你就是个傻逼',
    "Breaking news: a man was arrested in Leeds. He had shouted 'go back to your country' at a bus driver.",
    '警方通报：一男子在网上发布威胁言论。他在视频中称“我要杀了你全家”。',
    '心理课：面对网络暴力怎么办？比如有人说“你去死吧”，要马上告诉老师。',
    "My manager said something awful. He told me 'wear a short skirt to the client dinner'.",
    '被人骚扰了好几天。他说：我知道你住哪，你等着。',
    "Someone sent me this. 'you're a fat ugly whore'. What should I do?",
    '大家小心这个买家。他一直要我女儿穿过的袜子，还要没洗的。',
    'Warning: scammers here ask you to pay outside the app. They say: add me on WhatsApp for a discount.',
    '新闻：某男子被判刑。他曾在网上辱骂受害人“死肥猪”。',
    "This is racism. He wrote 'chinks go home' under my post.",
    'Reported. The message said: send me your nudes or else.',
    "Got a DM today. It said 'kill yourself'. Blocking and reporting.",
    'PSA! There is a guy messaging kids on here. He asks for pictures of their feet.',
    '领导让我陪客户喝酒，还让我穿短裙。这正常吗？',
    "This guy said I'm a whore and that he'd find me. I reported him.",
    '这个人天天私信我，说要弄死我全家。已报警。',
    '防骗提醒。骗子会让你加微信私下转账。',
    "gg wp! I'll kill you next round lol",
  ])('%s stays allowed', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// round 26 (threat probes, docs/engine.md): 62 threats written before reading the rules, 48 innocent look-alikes;
// before: 32/62 caught, 45/48 allowed; after: 62/62, 48/48 (and 15 look-alikes that the new rules first blocked)
describe('round 26 (threats: violent intent with no listed term, a third person or a group, incitement, livestream, conditions, evasions)', () => {
  it.each([
    // first-person intent, a third person or a group
    ["I'm going to stab him tomorrow at school", 'threat', 'block'],
    ['tomorrow I will end him', 'threat', 'block'],
    ['I am going to hurt that teacher so bad', 'threat', 'block'], // 'teacher' no longer reads as the education word 'teach'
    ['gonna shoot every one of them at the mosque friday', 'threat', 'block'],
    ['her boyfriend is going to get stabbed next time i see him', 'threat', 'block'],
    ['gonna shoot up the office monday', 'threat', 'block'],
    ["i'm bringing my dad's gun to class tomorrow", 'threat', 'block'],
    ['明天去他公司砍人', 'threat', 'block'],
    ['我要弄死他，明天就动手', 'threat', 'block'],
    ['他再敢来我就捅了他', 'threat', 'block'],
    ['这群人我见一个砍一个', 'threat', 'block'],
    ['新闻：某某昨天被我捅死，等着吧', 'threat', 'block'], // 新闻 does not excuse 被我捅死
    // incitement
    ['someone should beat her up', 'threat', 'block'],
    ['somebody needs to put a bullet in that guy', 'threat', 'block'],
    ['谁去把他腿打断，我出五千', 'threat', 'block'],
    // livestream chat
    ['主播下播小心点', 'threat', 'block'],
    ['下播之后你就知道了', 'threat', 'hold'],
    ["we'll be waiting outside your stream house", 'threat', 'block'],
    ['主播你出门注意点，我们在楼下等你', 'threat', 'block'],
    ['streamer better lock the doors tonight', 'threat', 'block'],
    // conditions
    ['delete the review or else', 'threat', 'block'],
    ["take the post down or you'll regret it", 'threat', 'block'],
    ['不删帖你试试', 'threat', 'block'],
    ['不退钱我就去你店里砍你', 'threat', 'block'],
    // property and job
    ['你的店明天就别想开了，我找人砸', 'threat', 'block'],
    ["keep complaining and you won't have a job monday", 'threat', 'block'],
    // evasions: homophone, mixed language, leetspeak
    ['刹了你', 'threat', 'block'],
    ['我要kill了你', 'threat', 'block'],
    ['i will sh00t u', 'threat', 'block'],
    ['mixed: 我 will find 你 and 砍你', 'threat', 'block'],
  ])('%s → %s (%s)', screensAs(withDetectors));

  it('nmsl is an insult, not a threat', () => {
    const r = withDetectors.screen({ text: 'nmsl' });
    expect(r.labels).toContain('insult');
    expect(r.labels).not.toContain('threat');
  });
});

describe('round 26 look-alikes stay allowed', () => {
  const withModel = createDefaultEngine();
  it.each([
    // false positives the probes found (blocked before)
    'I’m going to beat you at chess tomorrow',
    "don't forget to bring a knife for the cake",
    'never bring a knife to a gunfight',
    // found while fixing (the new rules blocked them at first)
    "I'm going to kill him tomorrow in the debate, I've prepped all week",
    "I'll tell him tomorrow, it's going to hurt her feelings",
    'prices are going to shoot up next week',
    'my heart rate tends to shoot up at the office',
    '谁去帮我砍他一刀，拼多多差一点',
    '主播下播之后记得看私信，你就知道了',
    '我们在楼下等你，主播快来吃饭',
    "主播 we'll be waiting outside the venue for the meet and greet!",
    '主播晚上锁好门窗，最近小偷多',
    'delete the post if you want, or else just edit it',
    '删帖你试试看能不能恢复',
    'boss被我砍死了，下一个关卡等着我',
    // game, cooking, bargaining, praise, news, fiction, laughter, pests, martial arts, school, work
    "I'll kill you next round, noob",
    '下一把我肯定杀了你，等着',
    'first slaughter the chicken, then pluck it',
    '杀鸡的时候先放血',
    '老板砍价砍得太狠了',
    '能便宜点吗，帮我杀个价',
    'this song kills',
    'that outfit is killing it',
    'Police said a man stabbed two people at the station on Monday',
    '新闻：昨天一男子在地铁站持刀伤人，已被警方控制',
    'The novel follows a hitman who plans to shoot the senator at the gala',
    '小说讲的是主角为了复仇，决定杀了仇人',
    "I'm dying lol",
    '笑死我了',
    '笑死，这主播太逗了',
    'pest control will kill the rats tomorrow',
    '灭蟑螂最好用的药',
    'my martial arts class teaches how to disarm a knife attacker',
    '周末去上武术课，学刀术',
    'see you at school tomorrow',
    'please send me the report by Monday or else we miss the deadline',
    'please have the report on my desk by monday',
    '主播下播早点休息，明天见',
    "we'll be waiting for your next stream!",
    '🔪 chef knife set, 8 pieces, barely used',
    'this cake is to die for 😍',
    '厨房刀具套装🔪，九成新',
    '这个bug我今天一定要干掉它',
    'kill the lights when you leave',
    '我要砍了这棵树，太挡光了',
    'the hitman movie was killer, you should go see it',
    '明天去公司砍需求，产品经理太能加了',
    "I'm shooting her engagement photos tomorrow at the park",
    "I'm going to beat him at tennis tomorrow",
    'someone should beat him at his own game',
    "he's going to stab him in the back at the meeting tomorrow, classic office politics",
    '主播下播路上小心点哦',
    '主播下播后记得吃饭，明天见',
    '不删帖也没关系，我就是提个建议',
    '大家去他家门口给他过生日吧',
    "I'm going to kill it at the presentation tomorrow",
    '作业太多了，气得我想砍人',
    'lock the doors tonight, the storm is coming',
    '帮我砍一刀，明天就截止了',
    'shoot up the office group chat if you need anything monday',
    'Students may not bring a knife to school. Reminder from the principal',
    "I'm taking my knives to work, new chef job starts monday",
    'someone should shoot him a message about the meeting',
    '新闻：男子昨日在学校门口砍人，已被警方控制',
    'lock your doors tonight, there were break-ins on our street',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 27 (evasions: leetspeak, pinyin initials, pinyin written into hanzi, bilingual mixing, and combinations)', () => {
  it.each([
    ['u r a st00pid b1tch', 'insult', 'hold'],
    ['f4gg0ts like u should d1e', 'hate', 'block'],
    ['n1gg3rs out of my chat', 'hate', 'block'],
    ['1 w1ll k1ll y0u after the stream', 'threat', 'block'],
    ['s3nd n00dz baby', 'sexual_harassment', 'block'],
    ['selling w33d and c0ke, dm me', 'prohibited_listing', 'block'],
    ['add me on wh@ts@pp for cheaper price', 'contact_offplatform', 'hold'],
    ["y0u're a w0rthless r3tard", 'hate', 'block'], // a disability slur: hate.en lists it (hate, block)
    ['tr@nnies are m3ntally ill fr3aks', 'hate', 'block'],
    ["how much for pics of ur d@ught3r's f33t", 'sexual_minor', 'block'],
    ['v4pe pens + n1c0tine pods in stock', 'prohibited_listing', 'block'],
    ['x@n@x no script needed, fast ship', 'prohibited_listing', 'block'],
    ['k 1 l l  y 0 u r s 3 l f', 'threat', 'block'],
    ['n 1 g g 3 r', 'hate', 'block'],
    ['s.3.n.d  n.u.d.3.s', 'sexual_harassment', 'block'],
    ['ur a d u m b  4 s s', 'insult', 'hold'],
    ['ｆ４ｇｇｏｔｓ ｏｕｔ', 'hate', 'block'],
    ['ｋ１ｌｌ ｙｏｕ ｔｏｎｉｇｈｔ', 'threat', 'block'], // missed before round 27
    ['ａｄｄ ｍｙ ｗ３ｃｈ４ｔ', 'contact_offplatform', 'hold'],
    ['ｗ３３ｄ ｆｏｒ ｓａｌｅ', 'prohibited_listing', 'block'],
    ['nmsl', 'insult', 'hold'],
    ['cnm 主播 sb', 'insult', 'hold'],
    ['nmb的 滚出直播间', 'insult', 'hold'],
    ['nmsl🤡🤡', 'insult', 'hold'],
    ['sb主播🐶', 'insult', 'hold'],
    ['zz主播 🤮', 'insult', 'hold'],
    ['hg滚出中国🤮🤮', 'hate', 'block'],
    ['txl都去死🤮', 'hate', 'block'], // missed before round 27
    ['约吗？yp 🍆💦', 'sexual_harassment', 'block'],
    ['加vx 私聊 😘', 'contact_offplatform', 'hold'],
    ['你怎么不去si', 'threat', 'block'],
    ['出y4n 中hua 软包', 'prohibited_listing', 'block'],
    ['出电zi烟 一次性', 'prohibited_listing', 'block'],
    ['你个sha逼', 'insult', 'hold'],
    ['傻bi主播', 'insult', 'hold'],
    ['hei鬼滚出去', 'hate', 'block'],
    ['同xing恋都该死', 'hate', 'block'],
    ['我知道你家zhu哪，等着', 'threat', 'block'],
    ['加wei信聊', 'contact_offplatform', 'hold'], // missed before round 27
    ['卖原wei袜 💦', 'prohibited_listing', 'block'], // missed before round 27
    ['发张luo照看看', 'sexual_harassment', 'block'],
    ['你女儿的jiao丫 拍个视频', 'sexual_minor', 'block'],
    ['弄si你全家', 'threat', 'block'],
    ['出售da麻 货到付款', 'prohibited_listing', 'block'], // missed before round 27
    ['今晚约pao吗', 'sexual_harassment', 'block'],
    ['你就是个loser，滚', 'insult', 'hold'],
    ['这主播是个bitch', 'insult', 'hold'],
    ['黑人都是monkey', 'hate', 'block'],
    ['我要kill你全家', 'threat', 'block'],
    ['加我whatsapp，便宜点', 'contact_offplatform', 'hold'],
    ['出vape，口味齐全', 'prohibited_listing', 'block'],
    ['给我send个nude看看', 'sexual_harassment', 'block'], // missed before round 27
    ['你女儿穿过的socks卖吗', 'sexual_minor', 'block'],
    ['gay都该死', 'hate', 'block'],
    ['你这个retard脑子有病', 'hate', 'block'], // a disability slur: hate.en lists it (hate, block)
    ['到微信上pay，平台手续费太高', 'contact_offplatform', 'hold'], // missed before round 27
    ['我知道你home address，等着', 'threat', 'block'], // missed before round 27
    ['出weed和molly 同城', 'prohibited_listing', 'block'],
    ['you are such a 傻逼', 'insult', 'hold'],
    ['add me on 微信 for discount', 'contact_offplatform', 'hold'],
    ['all 黑鬼 should go back', 'hate', 'block'],
    ['i will 杀了你 tonight', 'threat', 'block'],
    ['selling 香烟 cheap, 中华 soft pack', 'prohibited_listing', 'block'],
    ['send me 裸照 babe', 'sexual_harassment', 'block'],
    ["how much for your daughter's 原味 socks", 'sexual_minor', 'block'],
    ['I know your 地址, see you tomorrow', 'threat', 'block'], // missed before round 27
    ['your 妈 is a whore', 'insult', 'hold'],
    ['go back to ur country 支那', 'hate', 'block'],
    ['pls 加 qq 123456789 to trade', 'contact_offplatform', 'hold'],
    ['今晚陪客户喝酒，穿sexy一点', 'sexual_harassment', 'block'],
    ['bring a pr3tty g1rl to the client dinner', 'sexual_harassment', 'block'],
  ])('%s → %s (%s)', screensAs(engine));
  it.each([
    ['这个主播的shen份证号和住zhi我都发群里了', 'doxxing', 'hold'], // missed before round 27
    ['h3r h0me 4ddress is 12 Elm St, go say hi', 'doxxing', 'hold'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 27 look-alikes stay allowed (initials and net slang, gamer leet, product codes, English inside Chinese, pinyin beside hanzi)', () => {
  const withModel = createDefaultEngine();
  it.each([
    'yyds 这个主播',
    'xswl 笑死我了',
    'awsl 太可爱了',
    'zqsg 推荐这家店',
    'dbq 我来晚了',
    'nb啊兄弟，这操作',
    'gg 下把再来',
    'l33t h4x0r skills lol',
    '型号 A7K9-R2 全新未拆',
    'iPhone 15 Pro 256G 国行',
    'kill the lights before the movie',
    'cr7 yyds 进球了',
    'S码和M码都有',
    'Nike 童鞋 33码 宝宝穿过两次',
    'm8 gg wp',
    'sk2 神仙水 正品',
    'ps5 出 国行 带两个手柄',
    'h3h3 podcast is back',
    'w00t we won',
    'pwned that boss lol',
    'tql 太强了',
    'nsdd 你说得对',
    'bdjw 这个怎么用',
    'my 孩子 size 110cm, does this fit',
    '会议改到3pm，请准时 join',
    'shoot me a msg on here if interested',
    '黑色 hei se 的有吗',
    'a4纸 500张',
    'lol 这把 kill 了五个',
    'sb dunk low 42码 出',
    'xjj 好美',
    '加油 jiayou 冲冲冲',
    '这个app很好用',
    '我们team今天聚餐',
    'hold住全场',
    '给主播打call',
    '周末去KTV唱歌',
    '买了双AJ，43码',
    'wifi密码是多少',
    '三缺一，来打ma将',
    '这件是M码吗 ok吧',
    '我在shopping mall等你',
    '妈ma说可以',
    'da大的箱子装得下吗',
    'wei你好，在吗',
    '出iPad mini 6，9成新',
    '打印纸 500张 一箱',
    '这个bug修好了吗',
    'C位出道',
    '我的zhi业是老师',
    'da麻将吗今晚',
    '微信支付和支付宝都可以',
    '到了微信上说一声',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});


describe('round 28 (sexual_minor and doxxing: phrasings nobody had probed)', () => {
  it.each([
    // grooming: secrecy about the chat, a stranger's treat, the 'ur' forms, the chat deleted for the parents
    ['别告诉你妈妈我们聊天的事，这是我们俩的小秘密哦', 'sexual_minor', 'block'],
    ['小妹妹，这事不要跟爸妈说，叔叔给你买好吃的', 'sexual_minor', 'block'],
    ["delete our chats so your dad doesn't see them, sweetie", 'sexual_minor', 'block'],
    ['u r so mature for 12, dont tell ur parents about us ok', 'sexual_minor', 'block'],
    ['ur 小妹妹 is so cute, 能私聊她吗 dont tell ur mom', 'sexual_minor', 'block'],
    // a picture of the reader paid in what children want
    ['发几张你穿校服的照片给我，我给你充100块游戏币', 'sexual_minor', 'block'],
    ['小妹妹你发张自拍给我，我送你皮肤', 'sexual_minor', 'block'],
    ['send me a pic of you in your pajamas and ill send you robux', 'sexual_minor', 'block'],
    ['给叔叔拍一下你的小脚，给你发红包', 'sexual_minor', 'block'],
    // a young age or grade, then a meeting alone or a private talk
    ['how old are you? 14? cool, wanna meet up after school, just us two', 'sexual_minor', 'block'],
    ['你几年级了？周末出来见个面吧，别带同学', 'sexual_minor', 'block'],
    ['ur in 6th grade? add me on snap so we can talk private', 'sexual_minor', 'block'],
    ['你才上五年级啊，加我微信私聊吧，哥哥教你玩', 'sexual_minor', 'block'],
    // a child streamer, a child's dancewear, remarks on a child's photo, modelling alone
    ['这个小女孩主播，镜头往下一点，给你刷礼物', 'sexual_minor', 'block'],
    ["cute kid stream, show us your feet and i'll donate 50", 'sexual_minor', 'block'],
    ["ur daughter's used leotard, does it still smell like her?", 'sexual_minor', 'block'],
    ['that little girl in the pic is hot af, dm me more', 'sexual_minor', 'block'],
    ['你女儿好 hot 啊，send me more pics of her', 'sexual_minor', 'block'],
    ["Hi, about the girls' dresses size 8 — could your daughter model them for me in her room? just her, no one else", 'sexual_minor', 'block'],
    // doxxing: a named target's phone, SSN, workplace with a crowd sent there, school, schedule, handle unmasked
    ['这是那个差评师的手机号 13812345678，大家轮流打', 'doxxing', 'hold'],
    ['posting her SSN and date of birth in the group so everyone can see', 'doxxing', 'hold'],
    ['这个女的在建设银行城西支行上班，大家去她单位投诉', 'doxxing', 'hold'],
    ['that kid who posted the video goes to Jefferson High, 10th grade, find him', 'doxxing', 'hold'],
    ['这个主播在北京理工大学读大二，谁是她同学', 'doxxing', 'hold'],
    ['她每天早上七点半从小区南门出来去地铁站，一个人', 'doxxing', 'hold'],
    ['he leaves the gym at 9pm every tuesday, back door, alone', 'doxxing', 'hold'],
    ['his wife is Jenny Park and his kids are at Lincoln Elementary, here are their pics', 'doxxing', 'hold'],
    ["@shadowfox99 is really Mark Dawson from Ohio, here's his linkedin", 'doxxing', 'hold'],
    ['这个ID“小鹿乱撞”的真名叫李婷婷，在杭州', 'doxxing', 'hold'],
    ['整理了一份这个人的全部资料：住址、电话、工作单位，需要的留言', 'doxxing', 'hold'],
    ['看这个快递单，收件人地址电话都在上面，就是她', 'doxxing', 'hold'],
    ["here's a screenshot of the shipping label from her parcel, name and address visible lol", 'doxxing', 'hold'],
    ['can someone find out who this is and where she works? reverse search pls', 'doxxing', 'hold'],
    ['他的sfz和shouji号我都有，dd我', 'doxxing', 'hold'],
    ['ppl, 这个人的 workplace 是 Google Shanghai, 去 report 他', 'doxxing', 'hold'],
    ['这人家住hai dian区, 每天晚上10点遛狗, 懂的都懂', 'doxxing', 'hold'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 28 look-alikes stay allowed (parents, grandparents, own data, shops, notices, teachers)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // the must-not-flag probes of the round
    '请问这件童装适合几岁的孩子？我女儿6岁，身高120',
    "what size would fit a 7 year old girl? she's about 125cm",
    '我儿子脚长18厘米，这双鞋穿得下吗',
    'do these kids swim trunks run small? my son is 4',
    '给孙女买生日礼物，8岁的小女孩喜欢什么样的裙子？',
    "buying a gift for my granddaughter's 10th birthday, is this dress age appropriate?",
    '出二手校服，实验小学的，130码，洗干净了',
    'Selling Lincoln Elementary school uniforms, size 8, worn one term, washed',
    '找保姆，照顾3岁女孩，工作日白天，地址在海淀区，有意者联系我',
    '我的地址是北京市朝阳区建国路88号3单元501，电话13912345678，麻烦发顺丰',
    'please ship to my address: 45 Oak Lane, Portland OR 97201, my phone is 503-555-0147',
    '收件人：张三，电话 13800001111，地址：上海市浦东新区世纪大道100号',
    'my number is 07700 900456 if the courier needs it',
    '我们店在南京路123号，欢迎来自提，营业时间9点到9点',
    'Our store is at 500 Main St, open 10–6, pickup available',
    '捡到一个钱包，里面有身份证，失主叫王明，请联系我归还',
    'Found a blue backpack near the library, has a name tag "Emma". Contact me to claim',
    '寻狗启事：金毛，在XX小区走失，联系电话13700002222',
    '区政府便民服务热线是12345，有问题可以打',
    "the city clerk's office number is 555-0100, open weekdays",
    '同学们，明天的课改在3号楼201教室上，别走错了',
    'Class will meet in Room 204 of the science building tomorrow at 9',
    "my daughter's school is on Elm Street, so pickup near there works for me",
    '我女儿学校就在人民路上，你可以放学的时候在校门口交易', // was blocked: 门口交易 read as 口交
    '我女儿穿过的校服，九成新，130码，便宜出',
    'my son wore these sneakers twice, size 2 youth, like new',
    'my kid is 12 and loves this game, any tips for parental controls?',
    '孩子几岁了？这个玩具适合3岁以上',
    'how old is your son? the bike is for 5-8 years',
    '这套泳衣我女儿试穿了一下，有点小，所以转卖',
    "The police published the suspect's name and asked the public for information",
    "please don't post my address, I moved last month",
    // guards for the new rules
    "selling my daughter's used swimsuit, size 8, washed", // was blocked ('used')
    "my daughter's used leotard, size 6, washed, $10",
    '别告诉你妈，我们给她准备了生日惊喜，这是我们的小秘密',
    'your daughter looks so cute in the pic! send more pics of the party',
    "how old are you? 25? let's meet up for coffee, just us two",
    '你几年级了？周末学校组织见面会，别带手机',
    "send me a photo of the receipt and I'll top up your game credit",
    "I'll send you robux if you finish your homework, love dad",
    '给孙女发张自拍，她说想奶奶了',
    '这个小女孩好可爱，给她刷个礼物',
    'ur in 6th grade? cool, what is your favourite subject',
    '你才上五年级就会编程了，真厉害',
    '请问这套练功服我女儿穿过两次，九成新，转让',
    '她每天早上七点出门跑步，一个人，好自律',
    'she goes running alone every morning at 6, so disciplined',
    '我女儿每天下午四点从学校南门出来，我一个人去接她',
    "her parcel's shipping label got wet, can you reprint it",
    '这个主播在北京理工大学读大二，好厉害',
    '@ninja is really good at this game from what I saw',
    '这个差评师太过分了，我要去平台申诉',
    '大家去她直播间支持一下，她刚开播',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 29 (leftovers of earlier rounds, and doxxing and threat phrasings nobody had probed)', () => {
  it.each([
    // leftovers: 'smd', QQ spelled with dots, a leet symbol inside spaced-out letters
    ['lol smd', 'insult', 'hold'],
    ['just s.m.d already', 'insult', 'hold'],
    ['go smd, ref', 'insult', 'hold'],
    ['加我q.q. 123456789 私聊', 'contact_offplatform', 'hold'],
    ['Q.Q号 987654321，加了再说', 'contact_offplatform', 'hold'],
    ['有q.q吗？我们q.q上聊，别在平台说', 'contact_offplatform', 'hold'],
    ['my t e l 3 g r @ m is @cheapdeals88, cheaper there', 'contact_offplatform', 'hold'],
    ['msg me on w h @ t s a p p', 'contact_offplatform', 'hold'],
    // doxxing: someone else's data revealed, probed, or threatened to be published
    ['这个卖家的身份证照片我有，谁要私我', 'doxxing', 'hold'],
    ['the seller who scammed me lives at 42 Maple Drive, Springfield. spread it', 'doxxing', 'hold'],
    ['主播的车牌是京A12345，经常停在望京那个小区', 'doxxing', 'hold'],
    ["streamer's plate is 7ABC123, parks behind her apartment every night", 'doxxing', 'hold'],
    ['HR部小王的私人手机是13912345678，有事直接打给她', 'doxxing', 'hold'],
    ['我把他老婆的微信和单位都发群里了', 'doxxing', 'hold'],
    ["dropping her home addy in the chat in 5 min if she doesn't respond", 'doxxing', 'hold'],
    ['不给我退款，我就把你的身份证和住址发到网上', 'doxxing', 'hold'],
    ["anyone know what school the streamer's little brother goes to?", 'doxxing', 'hold'],
    ['谁知道这个up主在哪个公司上班？人肉一下', 'doxxing', 'hold'],
    ["her real name is Sarah Kim, she's a nurse at St. Mary's, night shift", 'doxxing', 'hold'],
    ['这个主管住在锦绣花园8栋，每天开白色宝马上班', 'doxxing', 'hold'],
    ["i have the buyer's phone and home address from the order, who wants it", 'doxxing', 'hold'],
    ['快递单上有她的电话，我存下来了，以后天天打给她', 'doxxing', 'hold'],
    ["posting the mod's face pic, full name and city in my discord", 'doxxing', 'hold'],
    ['her ex gave me her new address, she moved to 12 Birch St apt 4', 'doxxing', 'hold'],
    ['李经理的家庭住址是朝阳区某某小区3号楼，大家下班可以去看看', 'doxxing', 'hold'],
    ['扒到了，这个黑粉是某某大学大三的，宿舍在6号楼', 'doxxing', 'hold'],
    ['我有这个主播的zhu zhi和dian hua，要的扣1', 'doxxing', 'hold'],
    // threats: marketplace, livestream, workplace; zh, en, mixed
    ['你再发差评，我让你在这个城市混不下去', 'threat', 'block'],
    ['我知道你几点下班，路上小心点', 'threat', 'block'],
    ['你敢封我号，我线下找你', 'threat', 'block'],
    ['你信不信我明天带人去你公司堵你', 'threat', 'block'],
    ["I'm gonna break your legs if that package doesn't arrive", 'threat', 'block'],
    ['迟早弄死你这个骗子', 'threat', 'block'],
    ["one more ban and I swear I'll burn your house down", 'threat', 'block'],
    ['下班后停车场见，看我不废了你', 'threat', 'block'],
    ['watch your back in the parking lot tonight, Karen', 'threat', 'block'],
    ['你全家都给我小心点', 'threat', 'block'],
    ['u better sleep with one eye open', 'threat', 'block'],
    ["I'll be waiting outside your office with a bat", 'threat', 'block'],
    ["ur kids walk home alone right? would be sad if they didn't make it", 'threat', 'block'],
    ["you'll pay for this, I know your mom's address too", 'threat', 'block'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

describe('round 29 hyperbole and look-alikes stay allowed (or at most held)', () => {
  const withModel = createDefaultEngine();
  it.each([
    ["I'll kill him tomorrow lol he ate my fries"],
  ])('%s is not blocked', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).not.toBe('block');
  });
  it.each([
    // leftovers: hyperbole, a product shade, an ad's own number, a friend's routine, a lesson told
    'leg day is gonna kill you tomorrow lol',
    "I'll shoot you the invoice tomorrow",
    'send me the nude lipstick swatch',
    'Experienced babysitter, CPR certified, available weekends. Call me at 555-0198',
    '她家住海淀，每天早上散步',
    '今天的班会主题是反霸凌。老师说不要叫同学死胖子。',
    'SMD resistors 0603, 100 pcs',
    'is this board smd or through-hole?',
    'q.q. 好难过，考试没过',
    'Q.Q so sad my order got cancelled',
    // look-alikes of the new doxxing and threat probes
    '我知道你几点下班，到时候来接你吃饭呀',
    '你敢不敢明天跟我去蹦极',
    'ship to my place: 42 Maple Drive, Springfield, thanks',
    "I'll be waiting outside your office with a coffee ☕",
    'this bug is killing me, gonna break my keyboard lol',
    '我这辆车的车牌是京A12345，要过户请联系我',
    '公司前台电话是010-12345678，访客请提前预约',
    '主播的老家在河南，今天直播吃烩面',
    "her real name is Taylor, she's a nurse, so proud of my sister",
    '我们经理住得离公司很近，每天走路上班',
    'watch your step, the floor is wet near the entrance',
    '你再发差评我也会认真改进的，谢谢反馈',
    'see what happens to your sourdough if you skip the fold',
    'who knows what school this uniform is from? buying for my son',
    '谁知道这家店在哪个商场？想去线下看看',
    '明天带客户去你们公司参观，提前打个招呼',
    '下班后停车场见，我把你落下的伞给你',
    "I found the buyer's address on the order page, shipping today",
    '快递单上有她的电话，我打过去确认了收货时间',
    "the streamer's license plate collection is insane, 200 plates from every state",
    'posting my own face pic and city in the intro thread, hi from Toronto',
    '出门记得看看天气，要下雨',
    '你全家都给我小心点过马路，最近车多',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// round 30 (docs/engine.md): the writer's own words after a report, warning, lesson or health cue are not excused
// (src/policy/sentences.ts ownWords; unit tests in test/rules/context-scope.test.ts)
describe('round 30 (the writer\'s own words after a cue)', () => {
  it.each([
    ["He called me an idiot? Well he's a fucking cunt", 'insult', 'hold'],
    ['大家小心这个卖家。我知道你住哪，你等着', 'threat', 'block'],
    ['历史课作业写完了。黑鬼都滚出中国', 'hate', 'block'],
    ['I went to the clinic today. Hey sexy, send nudes tonight', 'sexual_harassment', 'block'],
  ])('%s → %s (%s)', screensAs(withDetectors));
});

// round 30: round 29's threat and doxxing leftovers as families (rules/cooccurrence.yaml, round 30), with their
// innocent look-alikes
describe('round 30 (round 29 leftovers: threats with no listed term, doxxing phrasings)', () => {
  it.each([
    ['leave another bad review and see what happens to your storefront', 'threat', 'block'],
    ['post another review and see what happens to your car', 'threat', 'block'],
    ["keep streaming that garbage and we'll pull up to your house", 'threat', 'block'],
    ["report me again and we'll pull up on you", 'threat', 'block'],
    ["tell anyone and you'll be the one in a body bag", 'threat', 'block'],
    ["one more word and you're going to end up six feet under", 'threat', 'block'],
    ['你要是敢辞退我，我就拿刀等你', 'threat', 'block'],
    ['明天我提刀去你家', 'threat', 'block'],
    ['出门记得看看身后有没有人', 'threat', 'block'],
    ['晚上回家小心身后', 'threat', 'block'],
    ['我要让你付出血的代价', 'threat', 'block'],
    ['gonna catch you outside after work, no cameras there', 'threat', 'block'],
    ["i'll wait for you in the parking lot, no witnesses", 'threat', 'block'],
    ['他爸在市一院当医生，叫李建华，大家去医院找他爸', 'doxxing', 'hold'],
    ['这个女主播的老家是周口某某村的，她爸妈还住那', 'doxxing', 'hold'],
    ['手机尾号8866的那个买家叫张伟，住在天河区', 'doxxing', 'hold'],
  ])('%s → %s (%s)', screensAs(withDetectors));
  const withModel = createDefaultEngine();
  it.each([
    "if you're free we'll pull up to your place at 8",
    "we'll pull up to your house at 7 to pick you up for the concert",
    'the crime show ends with the victim in a body bag',
    "you'll love this horror film, the body bag scene is wild",
    '蛋糕买好了，我拿刀等你来切',
    '倒车时看看身后有没有人',
    '晚上跑步注意身后有没有车',
    '出门记得带伞',
    '先辈们付出了血的代价，才换来今天的和平',
    'see you at the gig tonight, no cameras allowed inside',
    "I'll catch you after work for a drink",
    "if you skip the oil change, see what happens to your car's engine lol",
    '我同学他爸在市一院当医生，人很好，大家去医院看病可以挂他的号',
    '我老家是周口的，爸妈还住那，过年回去',
    '手机尾号8866的顾客请到前台取餐',
    '尾号8866的快递，收件人叫张伟，放在天河区驿站了',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// round 31 (docs/engine.md): group hate without a slur — a protected group + exclusion, elimination or a
// dehumanising predicate (rules/cooccurrence.yaml hate.group_expel, hate.group_eliminate, hate.group_pinyin_zh), and
// the news, policy debate, history, reports, counter-speech, self-naming, pests and games that must stay allowed
describe('round 31 (group hate without a slur: exclusion, elimination, dehumanising predicates)', () => {
  const withModel = createDefaultEngine();
  it.each([
    ['Muslims should all be deported', 'hate', 'block'],
    ['Jews are vermin and should be wiped out', 'hate', 'block'],
    ['gays are animals, every single one of them', 'hate', 'block'],
    ["trans people don't deserve rights", 'hate', 'block'],
    ['disabled people should be put down like dogs', 'hate', 'block'],
    ["women don't deserve the right to vote", 'hate', 'block'],
    ['Black people are not even human', 'hate', 'block'],
    ['refugees should all be wiped out', 'hate', 'block'],
    ['autistic people should never have been born', 'hate', 'block'],
    ['lesbians should be locked up, all of them', 'hate', 'block'],
    ["Muslims don't deserve to live in this country", 'hate', 'block'],
    ['Mexicans are cockroaches crawling over the border', 'hate', 'block'],
    ['streamer is black lol, send them all back to africa', 'hate', 'block'],
    ['no Indian buyers please, you people are filthy animals', 'hate', 'block'],
    ['m u s l i m s should all be deported', 'hate', 'block'],
    ['g@ys are subhuman and should be wiped out', 'hate', 'block'],
    ['j3ws should all be exterminated', 'hate', 'block'],
    ['Musl1ms should b deported, every last one', 'hate', 'block'],
    ['immigrants are a disease, deport them all', 'hate', 'block'],
    ['穆斯林都该滚出去', 'hate', 'block'],
    ['残疾人不配当人', 'hate', 'block'],
    ['黑人是蟑螂', 'hate', 'block'],
    ['女人不配有投票权', 'hate', 'block'],
    ['外国人都该滚出中国', 'hate', 'block'],
    ['基佬都应该被消灭', 'hate', 'block'],
    ['日本人都该死光', 'hate', 'block'],
    ['跨性别者都是怪物，应该关进精神病院', 'hate', 'block'],
    ['犹太人就是寄生虫', 'hate', 'block'],
    ['聋哑人就是废物，不配活着', 'hate', 'block'],
    ['主播是黑人吧，黑人都给我滚出直播间', 'hate', 'block'],
    ['不卖给穆斯林，你们这种人都该被赶出去', 'hate', 'block'],
    ['mu si lin dou gai gun chu qu', 'hate', 'block'],
    ['穆 斯 林 都 该 滚', 'hate', 'block'],
    ['gays 都该死', 'hate', 'block'],
    ['穆斯林 should all be deported', 'hate', 'block'],
    ['黑人 are animals', 'hate', 'block'],
    ['同性恋都不配有人权', 'hate', 'block'],
  ])('%s → %s (%s)', screensAs(withModel));
  it.each([
    'The government announced plans to deport 300 migrants, critics say it breaks the law',
    'Should all undocumented immigrants be deported? The debate continues in parliament',
    'Muslims should all be welcome here',
    'all bugs should be wiped out before the release',
    '我们都该去投票',
    'pests are vermin, call an exterminator',
    "as a gay man I can say we gays are tough, we've survived worse",
    'History lesson: the Nazis said Jews were vermin and should be wiped out, and then came the Holocaust',
    "Reported this account: he wrote 'Muslims should all be deported'. Please ban him.",
    'Saying gays are animals is disgusting, stop it',
    'the whole team should all be benched after that loss',
    "Immigrants are not vermin, they're our neighbours",
    '新闻：某国政府宣布遣返500名非法移民',
    '移民政策辩论：非法移民是否都应被遣返？',
    '这些蟑螂都该死，买了杀虫剂',
    '残疾人不是废物，他们值得尊重',
    '穆斯林朋友们开斋节快乐',
    '历史课：纳粹把犹太人称为寄生虫，这是种族灭绝的前奏',
    '女性都应该有投票权',
    '有人说同性恋不配当人，这种说法太恶心了',
    'the weeds should all be wiped out before spring',
    'Mexicans should all get a vote in this election',
    'deportations of immigrants rose by 10% this year, the report found',
    '杀虫剂，蟑螂都该死，一喷就灭',
    'these zombies should all be wiped out in the next level',
    'all the trans people in my support group are wonderful',
    'My grandparents were refugees who were deported in 1950',
    'Jewish families were deported to camps during WWII',
    "as a disabled person I'm tired of hearing that we don't deserve rights",
    '我是同性恋，我们不该被歧视',
    '外国人都该遵守交通规则',
    '这些僵尸都该死，快开枪',
    '老鼠都该被消灭，家里太多了',
    "women deserve the right to vote, it's 2024",
    '主播今天唱的歌都该上热搜',
    'refugees should all be welcomed with open arms',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// round 31: round 30's other leftovers — a bare epithet after a report (src/policy/sentences.ts ownWords FRAGMENT)
// and a friend collecting something from the reader's home (context pickup_meetup: 去你家拿)
// left (round 31): 滚 alone is an insult term (hold), also when goods are cleared out of a warehouse — fixed in
// round 34 (context stock_clearance)
describe('round 31 left, fixed in round 34', () => {
  const withModel = createDefaultEngine();
  it('这批货都该滚出仓库了，清仓甩卖 is allowed', () => {
    const r = withModel.screen({ text: '这批货都该滚出仓库了，清仓甩卖' });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 31 (round 30 leftovers: a bare epithet after a report, a pickup at the reader\'s home)', () => {
  const withModel = createDefaultEngine();
  it.each([
    ['Reported him. Stupid cunt.', 'insult', 'hold'],
    ['举报了。傻逼。', 'insult', 'hold'],
  ])('%s → %s (%s)', screensAs(withModel));
  it.each([
    '如果你喜欢这个，我们周末去你家拿',
    '钥匙落你那了，我下班去你家取',
    'He called me a "stupid cunt". Reported.',
    'Reported him. Thanks mods.',
    "He called me a stupid cunt. Reported him, he wrote 'stupid cunt' twice.",
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// round 32: must-not-flag education and news lines (the blind set's weakest must-not-flag classes), and harm written
// with mixed language and pinyin initials (its weakest evasions); probes written from PRODUCT.md before the rules
describe('round 32 (harm in mixed language and pinyin initials)', () => {
  const withModel = createDefaultEngine();
  it.each([
    ['你个 f**king 废物', 'insult', 'hold'],
    ['u r such a 傻x', 'insult', 'hold'],
    ['wsnd 主播', 'insult', 'hold'],
    ['qnmd 垃圾卖家', 'insult', 'hold'],
    ['tmd 滚', 'insult', 'hold'],
    ['sb主播 快滚', 'insult', 'hold'],
    ['cnm 你个 loser', 'insult', 'hold'],
    ['nmsl 你这个 bitch', 'insult', 'hold'],
    ['shut up 你这个 sb', 'insult', 'hold'],
    ['what a 脑残 streamer lol', 'insult', 'hold'],
    ['your mom is a 婊子', 'insult', 'hold'],
    ['你 tm 就是个 idiot', 'insult', 'hold'],
    ['dsb 别说话了', 'insult', 'hold'],
    ['rnm 退钱', 'insult', 'hold'],
    ['fk u 你个 trash 主播', 'insult', 'hold'],
    ['gun 出直播间 你个 sb', 'insult', 'hold'],
    ['ntm 是不是有病', 'insult', 'hold'],
    ['xjb 播，cnm', 'insult', 'hold'],
    ['sjb 滚', 'insult', 'hold'],
    ['cao ni ma de sb', 'insult', 'hold'],
    ['kys 你个废物', 'threat', 'block'],
    ['你怎么还不qs', 'threat', 'block'],
    ['I will find u and 弄死你', 'threat', 'block'],
    ['ur address 我已经知道了, wait for me', 'threat', 'block'],
    ['yp吗 今晚 你家', 'sexual_harassment', 'block'],
    ['美女yp吗', 'sexual_harassment', 'block'],
    ['send 我 ur nudes 宝贝', 'sexual_harassment', 'block'],
    ['我要 rou搜 你，让你全网社死', 'doxxing', 'block'],
    ['kaihe 这个主播，地址发群里', 'doxxing', 'hold'],
    ['信不信我 kh 你', 'doxxing', 'block'],
    ['已经开he了，她家住哪大家都知道了', 'doxxing', 'block'], // with threat.address_menace (住哪…都知道)
  ])('%s → %s (%s)', screensAs(withModel));
});

describe('round 32 look-alikes of the initials stay allowed', () => {
  const withModel = createDefaultEngine();
  it.each([
    'sb dunk low 的尺码还有吗',
    'SB 联名款 43码 出',
    '这个操作太nb了',
    'yyds 这个主播',
    'QS排名前50的大学',
    '价格 NT$500，台湾可寄',
    'my TMD flares up when I chew gum',
    '每天做100个开合跳 (kai he tiao)',
    'Windows NT 4.0 安装盘',
    'xswl 笑死我了',
    'kh 号段的快递单号查不到',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 32 (education and news stay allowed)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // education
    'Sex education class today: consent means both people say yes, and anyone can say no at any time',
    '性教育课：任何人未经你同意触摸你的隐私部位都是不对的，要告诉老师或家长',
    'In health class we learned how sperm fertilises an egg and how the baby grows in the uterus',
    '生物课：精子和卵子结合形成受精卵，这就是人类的生殖过程',
    'Anti-bullying lesson: words like "loser" and "fat pig" hurt, and calling someone that is bullying',
    '反霸凌班会：骂同学"傻逼""废物"也是一种欺凌，看到要告诉老师',
    'Today our teacher explained why the n-word is a slur and why we should never use it',
    '老师解释了为什么"黑鬼"是种族歧视的词，我们不应该使用',
    'History lesson: in the Nanjing Massacre Japanese troops killed around 300,000 civilians in 1937',
    '历史课：南京大屠杀中，日军杀害了大约三十万中国平民和战俘',
    'The Holocaust: the Nazis murdered six million Jews in gas chambers and camps',
    '历史课讲了大西洋奴隶贸易，奴隶被鞭打、被当作财产买卖',
    'Rwandan genocide lesson: Hutu radio called Tutsis cockroaches and urged listeners to kill them',
    '禁毒教育课：冰毒、海洛因、大麻都是毒品，吸毒会上瘾，一定要拒绝',
    'Drug awareness class: fentanyl is 50 times stronger than heroin, one pill can kill you',
    'DARE class: if someone offers you weed or pills at a party, say no and tell an adult',
    'Literature class: in Macbeth, he stabs the king in his sleep and then has Banquo murdered',
    '语文课分析《水浒传》：武松杀了潘金莲和西门庆，为兄报仇',
    "Essay on Of Mice and Men: the men on the ranch call Curley's wife a tramp and a tart",
    '英语课老师讲了 slur 这个词：比如 faggot、retard 都是侮辱性的词，不要用',
    'consent 课上老师说：没有同意的性行为就是强奸',
    'Our 生物课 today covered the 生殖系统: penis, vagina, and how babies are made',
    '性教育：教孩子认识身体，阴茎和阴道是正确的名称，不要觉得羞耻',
    'anti-discrimination 班会：歧视同性恋、残疾人都是不对的',
    'Teacher: "chink" is a racist slur against Chinese people, and using it at school will get you suspended',
    'Homework: 500 words on why the Nazis wanted to exterminate the Jews of Europe',
    '防性侵教育：如果有人要你拍裸照发给他，要马上告诉爸妈',
    'Online safety lesson: if a stranger asks for nude photos or your address, block them and tell a trusted adult',
    '网络文明课：老师讲解"cnm""nmsl"这些脏话缩写的意思，提醒大家文明上网',
    // news
    'Police said the suspect shouted "I will kill you all" before opening fire at the mall',
    '警方通报：男子持刀闯入小区，扬言"弄死你们"，已被刑事拘留',
    'Court: man jailed for 18 months after threatening to kill his ex-wife and posting her address online',
    '法院审理一起"开盒"案：被告将女主播的身份证号和住址发到网上，被判处有期徒刑',
    'War report: shelling killed 12 civilians in Kharkiv overnight, officials said',
    '战地报道：加沙空袭造成至少40人死亡，其中包括儿童',
    'Hate crime: a mosque was vandalised with graffiti reading "Muslims go home", police are investigating',
    '新闻：一名亚裔老人在纽约街头被殴打，嫌犯高喊种族歧视言论，警方以仇恨犯罪起诉',
    'Police appeal: a 14-year-old girl has been missing since Tuesday; anyone with information call 101',
    '警方寻人：13岁女孩昨日放学后失踪，身穿校服，请知情者拨打110',
    'Public health: measles cases rise, doctors urge parents to vaccinate their children',
    '卫健委：本周流感病例上升，儿童和老人应尽快接种疫苗',
    "News: the 网暴 victim's family says trolls told her to 去死 thousands of times",
    'BBC reports on 人肉搜索 in China: victims had their phone numbers and home addresses leaked',
    'The jury heard the defendant texted "you\'re dead, bitch" to the victim hours before the attack',
    '记者调查：网上有人售卖"原味"内衣，平台已下架相关商品',
    'Police seized 200kg of cocaine and 5,000 vapes in a raid at the port, officials said',
    // written while fixing (after reading the rules): other shapes of the same classes, 7 of 16 flagged before
    'Man who sent death threats to MP gets 3 years',
    'Headline: "I will kill you" texts sent to teacher, man admits',
    '男子网上辱骂女主播"去死"，被判赔偿5万元',
    '一男子因在网上发布他人住址和电话被警方处罚',
    'Tobacco sales to minors fall as e-cigarette ban takes effect',
    'Woman attacked in racist assault, attacker called her a chink',
    'Breaking: suspect who threatened to bomb the school was arrested',
    'School shooting survivor says the shooter told her "you are next"',
    'The teacher read out the slur "faggot" from the novel and asked us why the author used it',
    'Lesson plan: what grooming looks like, e.g. "dont tell your parents about our chats"',
    'Holocaust history: Jews were called rats and vermin by Nazi propaganda',
    '历史课：日本兵在南京用刺刀杀死婴儿，强奸妇女',
    'In class we discussed To Kill a Mockingbird: the n-word appears many times',
    '青春期教育：男生遗精、女生月经都是正常的生理现象',
    '禁毒课上警察叔叔展示了冰毒和K粉的样品',
    'consent lesson: "no means no", and being drunk means they cannot consent',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 32 guards: the new contexts do not excuse the writer\'s own abuse, and the new initials keep their innocent look-alikes', () => {
  const withModel = createDefaultEngine();
  it.each([
    ['the holocaust never happened, jews should be exterminated', 'hate', 'block'],
    ['Hitler was right, the jews should be gassed, holocaust 2.0', 'hate', 'block'],
    ['南京大屠杀是假的，日本人都该死', 'hate', 'block'],
    ['history lesson over. gas the jews', 'hate', 'block'],
    ['teaching kids is my job, send me pics of ur daughter feet', 'sexual_minor', 'block'],
    ['essay on why you are a fucking idiot', 'insult', 'hold'],
    ['老师讲课像个傻逼', 'insult', 'hold'],
    ['mlgb 主播', 'insult', 'hold'],
    ['你个nt', 'insult', 'hold'],
    ['imma dox u tonight', 'threat', 'block'],
  ])('%s → %s (%s)', screensAs(withModel));
  it.each([
    '我要开盒了，你们猜是什么',
    '我帮你开盒验货',
    '你被开盒了怎么办？记得报警',
    'ur address 我已经知道了，明天发货',
    'NTM infection treatment takes months',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// left (round 32): cNm (centinewton-metres) after a number was read as cnm — fixed in round 34: the hit is in the
// skeleton view, where an allow phrase may now start with a digit that continues a longer number ('0 cnm')
describe('round 32 left, fixed in round 34', () => {
  const withModel = createDefaultEngine();
  it('扭力 50 cNm 的电批 is allowed', () => {
    const r = withModel.screen({ text: '扭力 50 cNm 的电批' });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// Round 33: threats and doxxing WRITTEN WITH EVASIONS (emoji standing for words, full width, leet, spacing,
// zero-width characters, homoglyphs, pinyin and initials, homophones, zh/en mixing), written before reading the
// rules, with innocent look-alikes of each evasion (a chef's knife emoji, a water-gun party, d0x in code, a
// courier's full-width address, game chat, a shop's pin, NS the console, ns the unit).
describe('round 33 (threats and doxxing written with evasions)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // threats: emoji standing for words
    ['我知道你住哪 🏠📍 等着 🔪', 'threat', 'block'],
    ['i know where u live 🏠🔪', 'threat', 'block'],
    ['明天🔪你', 'threat', 'block'],
    ['再叫一声我就🔫你', 'threat', 'block'],
    ['⚰️ 已经给你准备好了，你等着', 'threat', 'block'],
    ["ur 💀 when i find u", 'threat', 'block'],
    ['下班路上小心点 🔪🩸', 'threat', 'block'],
    ['if u dont pay me back by friday 🔪🩸', 'threat', 'block'],
    ['不退钱的话 你知道后果 🔪', 'threat', 'block'],
    ['streamer i know ur 📍 now, see u irl', 'threat', 'block'],
    // full width
    ['ｉ ｗｉｌｌ ｋｉｌｌ ｙｏｕ', 'threat', 'block'],
    ['Ｉ　ｋｎｏｗ　ｗｈｅｒｅ　ｙｏｕ　ｌｉｖｅ', 'threat', 'block'],
    ['你住在幸福小区３号楼５０２，今晚去找你', 'threat', 'block'],
    // leet
    ["i'm g0nna st4b u", 'threat', 'block'],
    ['ill b34t u up after sch00l', 'threat', 'block'],
    ['gonna burn ur h0use d0wn with u in it', 'threat', 'block'],
    ['ill thr0w 4c1d in ur f4ce', 'threat', 'block'],
    // spacing, zero width, homoglyphs
    ['i will s t a b you', 'threat', 'block'],
    ['I\u200bll k\u200bill you', 'threat', 'block'],
    ['І wіll kіll уоu', 'threat', 'block'],
    // pinyin, initials, homophones
    ['wo yao nong si ni', 'threat', 'block'],
    ['我要 ns 你', 'threat', 'block'],
    ['小心我坎死你', 'threat', 'block'],
    ['信不信我沙了你全家', 'threat', 'block'],
    ['小心我泼你 liu suan', 'threat', 'block'],
    // mixed zh/en, following home, a crew, livestream, workplace
    ['明天 see you at 你公司楼下，别想跑', 'threat', 'block'],
    ['我知道你的 address，小心点', 'threat', 'block'],
    ['i followed u home yesterday 😊 nice 🏠', 'threat', 'block'],
    ['昨天跟着你回家了，你家门口那棵树挺好看', 'threat', 'block'],
    ['叫了几个兄弟 明天去你家 👊👊', 'threat', 'block'],
    ['主播下播小心点，我在你直播间看到你窗外了 📍', 'threat', 'block'],
    ['敢去HR告我，下班别走 🔪', 'threat', 'block'],
    ['我知道你的 address，也知道你女儿在哪个 school', 'threat', 'block'],
    // doxxing
    ["d0x1ng this guy, his 4ddr3ss is 12 Elm St", 'doxxing', 'hold'],
    ['这个主播的 📍 在朝阳区幸福小区 5 号楼', 'doxxing', 'hold'],
    ['kh 这个女的，dz 和电话都发群里', 'doxxing', 'hold'],
    ['who has her ph0ne numb3r and h0me 4ddress? dm me', 'doxxing', 'hold'],
    ['他的身份证号是１１０１０１１９９００３０７１２３３，大家随便用', 'doxxing', 'hold'],
    ['这个买家叫张伟，电话１３８１２３４５６７８，住在幸福小区', 'doxxing', 'hold'],
    ['谁知道这个 streamer 的 real name 和 school？', 'doxxing', 'hold'],
    ['her workplace is the 星巴克 on 5th ave, 每天 8 点上班', 'doxxing', 'hold'],
    ['posting his h\u200bome add\u200bress tonight', 'doxxing', 'hold'],
    ["dοxxed her, here's her аddress: 221 Baker St", 'doxxing', 'hold'],
    ['求 kai he 这个主播，要她的 di zhi 和 dian hua', 'doxxing', 'hold'],
    ['find this guy 🔍 his IG is @xyz123, works at 腾讯, 住南山', 'doxxing', 'hold'],
    ['rou 搜他，把他 sfz 挂出来', 'doxxing', 'hold'],
    ['give me her h0me 4ddr3ss', 'doxxing', 'hold'],
    ['ＤＯＸ ｈｅｒ，ａｄｄｒｅｓｓ ａｎｄ ｐｈｏｎｅ', 'doxxing', 'hold'],
    ['他家递址我有，谁要', 'doxxing', 'hold'],
    ['这个人的单位和电话我都扒到了 👇 评论区见', 'doxxing', 'hold'],
  ])('%s → %s (%s)', screensAs(withModel));
});

describe('round 33 look-alikes of the evasions stay allowed', () => {
  const withModel = createDefaultEngine();
  it.each([
    '今天做了红烧肉 🔪🥩 刀工还行吧',
    'the 🔪 set is 50% off, stainless steel chef knives',
    '🎂🔫 water gun party this saturday, bring your kids!',
    '儿子生日派对 🎂🔫 水枪大战，欢迎小朋友们来',
    'const d0x = parseDoc(x); // d0x is the parsed doc',
    'run `make d0x` to build the docs',
    '您好，收货地址确认一下：幸福小区３号楼５０２，电话１３８１２３４５６７８',
    '你的地址是 幸福路３号 对吗？确认后我就发货',
    'k1ll the boss first then loot 🗡️',
    'gg, k1ll streak 15 🔥',
    'b34t the l3v3l in 5 m1n, ez',
    'our shop 📍 is at 88 Nanjing Road, open 10-9',
    '店铺地址 📍 朝阳区三里屯 5 号，欢迎光临',
    'latency is under 50 ns on this bus',
    '二手 NS 主机，带两个手柄',
    '延迟 20ns 以内',
    'this movie killed me 💀💀 so funny',
    '笑死 💀💀💀',
    '我知道你的 address 了，明天发货 📦',
    '明天 see you at 你公司楼下的咖啡店 ☕',
    '🩸 blood donation drive this friday at the community center',
    'sr engineer 职位，sr 是 senior 的缩写',
    'DZ 是阿尔及利亚的域名',
    '砍一刀帮我砍价 🔪',
    '这条路很坎坷，沙子很多',
    'please ship to my 🏠 12 Elm St, Springfield',
    'burn the 🔥 playlist tonight at my house party',
    'acid wash jeans, size M',
    'see you at 你家楼下 at 7, I\'ll bring the 🎂',
    '主播你家猫好可爱 🏠🐱',
    '我手机丢了，谁在图书馆捡到了请打我的号码 13812345678',
    'HR 说明天 see you at the office at 9',
    // guards of the round-33 rules, written while fixing
    '我的单位和电话都被人扒到了，怎么办',
    'my dog followed me home 🏠',
    '我要 NS 主机，你有吗',
    'pay me back for the pizza 🍕 lol',
    '她的📍在三亚，今天海边直播',
    'see you at 你公司楼下，别跑太快哈 我们一起去吃饭',
    'when i find u at the party 💀 we gonna dance',
    '我知道你的 address，明天给你寄礼物',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// left (round 33): a crew sent to the reader's home with no menace word ('sending my boys to your house' is also
// a family errand); sr (杀人) with no object ('我就去sr' is also a senior job post)
describe('round 33 left', () => {
  it.todo("'sending my b0ys to ur 🏠 tonight' is allowed");
  it.todo("'惹我我就去sr，第一个就是你' is allowed");
});

// Round 34: FALSE POSITIVES — innocent everyday lines held or blocked by older, too-broad terms (一直跟着你, 'coming to
// your house', 去你家/来你家, 滚, cnm, an app's name): pets, family visits, parties, deliveries, warehouse and stock
// talk, units and part numbers that look like initials, tech news naming apps, sports and games — written before
// changing the rules, with the harmful look-alikes that must stay caught. Before (full default engine): 14/45
// innocents allowed, 16/17 harmful caught.
describe('round 34 (innocent everyday lines stay allowed)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // pets
    '小狗一直跟着你回家',
    '这只猫一直跟着你走，它是不是饿了',
    'my cat keeps following you around the house lol',
    'the puppy followed you home? so cute, keep it!',
    '邻居家的狗天天跟着你回家，是不是喜欢你',
    // family visits, parties, deliveries
    'my boys are coming to your house for the party',
    'my parents are coming to your house for dinner on sunday',
    "we're all coming to your house for the watch party, bring chips",
    '我爸妈周末去你家拜年',
    '明天我们一家去你家吃饭，要带什么吗',
    'my kids are coming over to your place for the sleepover tonight',
    '今晚大家都来你家开派对吗？我带蛋糕',
    'the courier is coming to your house between 2 and 4pm',
    '快递员明天上午会去你家送货，记得有人在家',
    "I'm sending my guys to your house tomorrow to install the AC",
    '师傅明天上门安装，会一直跟你联系',
    // warehouse and stock
    '这批货都该滚出仓库了，清仓甩卖',
    '库存太多了，旧款都滚动清仓',
    '这些积压货赶紧滚蛋，全场五折',
    '雪球越滚越大，库存周转要加快',
    '滚筒洗衣机二手出，九成新',
    '老款手机壳都滚出去吧，年底清库存',
    'clear out the old stock, everything must go',
    // units and part numbers that look like initials
    '扭力 50 cNm 的电批',
    '这把电动螺丝刀最大扭矩 120 cNm',
    'torque setting 30 cNm for the M3 screws',
    '型号 SB-200 的配件还有吗',
    '电阻 10 kΩ，封装 SMD 0805',
    'NMB48 大阪演唱会门票两张',
    'my sister is a CNM, she delivered 200 babies this year',
    'GB/T 2828 抽样标准',
    'Sound Blaster SB16 声卡，怀旧收藏',
    // tech news naming apps
    'how Telegram groups sell drugs',
    '新闻：调查显示很多诈骗团伙通过 Telegram 群组招募人员',
    'WhatsApp rolls out new privacy features for group chats',
    '微信更新了8.0版本，新增了状态功能',
    'Report: scammers use Snapchat to target teens, police warn',
    '科技新闻：QQ 音乐推出新功能',
    'Telegram founder arrested in France, reports say',
    // sports and games
    '他一直跟着你防守，你得甩开他',
    'the defender kept following you all game, great marking',
    '球滚出界了，发边线球',
    '我们队明天去你们学校踢比赛',
    // written while fixing
    'the puppy followed you home? let it in the red door',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 34 harmful look-alikes stay caught', () => {
  const withModel = createDefaultEngine();
  it.each([
    ['我一直跟着你回家，你住几楼我都知道', 'threat', 'block'],
    ['这几天我一直跟着你回家，你没发现吧', 'threat', 'block'],
    ['小心点，我一直跟着你', 'threat', 'block'],
    ["i've been following you home every night, nice red door", 'threat', 'block'], // allowed before: threat.followed_home takes the progressive
    ['my boys are coming to your house tonight, better hide', 'threat', 'block'],
    ["my boys are coming to your house, you're done", 'threat', 'block'],
    ["I'll be coming to your house tonight, you can't hide", 'threat', 'block'],
    ['你给我滚出去，看见你就恶心', 'insult', 'hold'],
    ['滚出我的直播间，傻逼', 'insult', 'hold'],
    ['你这种垃圾就该滚出这个群', 'insult', 'hold'],
    ['滚出去，你这个废物', 'insult', 'hold'],
    ['cnm 你个骗子', 'insult', 'hold'],
    ['你 cnm，退钱', 'insult', 'hold'],
    ['加我 Telegram 聊，平台抽成太高', 'contact_offplatform', 'hold'],
    ['私下交易走 Telegram，@xyz123，便宜100', 'contact_offplatform', 'hold'],
    ['add me on telegram for the deal, skip the fees', 'contact_offplatform', 'hold'],
    ['telegram 上找我，货到付款不走平台', 'contact_offplatform', 'hold'],
    // guards of the round-34 rules, written while fixing: the visit, the clearance, the unit and the news step aside
    ['my boys are coming to your house for the party, better hide', 'threat', 'block'],
    ['我们去你家吃饭，顺便收拾你', 'threat', 'hold'],
    ['这批货都该滚出仓库了，清仓甩卖，买不起就滚', 'insult', 'hold'],
    ['库存清仓，你给我滚', 'insult', 'hold'],
    ['扭力 50 cNm 的电批，cnm 你个骗子', 'insult', 'hold'],
    ['cnm 120', 'insult', 'hold'],
    ['add me on telegram, the founder is cool', 'contact_offplatform', 'hold'],
    ['新闻说 Telegram 群组卖药，加我tg买', 'contact_offplatform', 'hold'],
  ])('%s → %s (%s)', screensAs(withModel));
});

// left (round 34): creatures of a game coming to the reader's house (game_talk steps aside for 'your house' / 你家,
// which real threats in game chat name)
describe('round 34 left', () => {
  it.todo("'the zombies are coming to your house, barricade the door!' is blocked (coming to your house)");
  it.todo("'僵尸要来你家了，快种豌豆射手' is held (来你家)");
});

// Round 35: SEXUAL HARASSMENT and SEXUAL_MINOR in fresh phrasings — workplace quid pro quo (a renewal, a review, a
// promotion tied to a room, drinks alone, a lap), remarks on a colleague's body, livestream gifts for a lower camera or
// a top pulled down, a buyer pricing the seller's night, a child's age then a sexual question, a uniform selfie, a
// secret + 'something to show you', an emoji about a child, a child's bath pictures for trade — written before reading
// the rules, zh/en/mixed with spacing, initials and emoji. Before (full default engine): 19/41 caught, 34/34 allowed.
// (亲，包夜多少钱？ is prohibited_listing/block since round 9 — the expectation was corrected from sexual_harassment.)
describe('round 35 (sexual harassment at work, on streams and in sales; sexual interest in a child)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // workplace
    ['这次升职就看你周末愿不愿意陪我吃个饭了，懂我意思吧', 'sexual_harassment', 'block'],
    ['your contract renewal depends on how nice you are to me at the hotel tonight', 'sexual_harassment', 'block'],
    ['if you want a good review this year, come up to my room after the conference', 'sexual_harassment', 'block'],
    ['晚上陪客户喝酒，不陪就走人', 'sexual_harassment', 'block'],
    ['明天穿性感点陪王总喝酒，合同就靠你了', 'sexual_harassment', 'block'],
    ['ur promotion is basically guaranteed if we grab drinks just the two of us 😉', 'sexual_harassment', 'block'],
    ['小张你这身材不去当模特可惜了，腰真细，屁股也翘', 'sexual_harassment', 'block'],
    ['Hey Lisa, those pants really show off your ass, wear them to the meeting more often', 'sexual_harassment', 'block'],
    ["sent you a pic of my 🍆 last night, your turn, don't tell HR", 'sexual_harassment', 'block'],
    ['刚给你发了张我的裸照，你也发一张给我，不然这个月绩效别想过', 'sexual_harassment', 'block'],
    ['绩效想过的话今晚来我房间 yp 一下', 'sexual_harassment', 'block'],
    ['领导说了，年会上你得坐他腿上敬酒', 'sexual_harassment', 'block'],
    ['想续签合同的话，今晚酒店 8 0 8 房间等你', 'sexual_harassment', 'block'],
    // livestream
    ['主播把镜头往下移一点，刷十个火箭', 'sexual_harassment', 'block'],
    ["turn the camera lower and I'll send 5 lions 🦁", 'sexual_harassment', 'block'],
    ['榜一大哥说了，再刷个嘉年华你就得脱一件', 'sexual_harassment', 'block'],
    ['刷个飞机给你，衣服往下拉一点让哥看看', 'sexual_harassment', 'block'],
    ["show more skin and I'll gift 100 roses", 'sexual_harassment', 'block'],
    ['gift for a peek at ur 🍑💦', 'sexual_harassment', 'block'],
    ['大哥刷了这么多，下播出来yp呗', 'sexual_harassment', 'block'],
    ['主播 n a i 子好大 能不能 露 一下', 'sexual_harassment', 'block'],
    // marketplace
    ['这件睡衣你自己穿上拍几张给我看看，我加钱', 'sexual_harassment', 'block'],
    ['can you send me pics of yourself wearing the bikini before I buy? the more revealing the better', 'sexual_harassment', 'block'],
    ['丝袜你穿上拍个腿照发我，满意了就拍', 'sexual_harassment', 'block'],
    ['how much for one night with you instead of the dress?', 'sexual_harassment', 'block'],
    ['东西收到了，美女约吗', 'sexual_harassment', 'block'],
    ['亲，包夜多少钱？', 'prohibited_listing', 'block'],
    ['thx for the quick delivery babe, wanna pa pa pa tonight? 💦', 'sexual_harassment', 'block'],
    ['美 女 你 的 n z 好 大，约 一 下？', 'sexual_harassment', 'block'],
    // sexual_minor
    ['你多大了？13岁啊，那你有男朋友吗，亲过嘴没', 'sexual_minor', 'block'],
    ['how old r u? 12? cool, u ever touched yourself', 'sexual_minor', 'block'],
    ['小妹妹，发张穿校服的自拍给哥哥看看', 'sexual_minor', 'block'],
    ['出售初中女生穿过的校服，原味，可私拍', 'sexual_minor', 'block'],
    ['JK school uniform worn by real 14yo, unwashed, pm for pics', 'sexual_minor', 'block'],
    ['这是我们的小秘密，不要告诉爸爸妈妈哦，下次再给你看好东西', 'sexual_minor', 'block'],
    ['ur 11 right? are u home alone rn? send a pic in ur pajamas', 'sexual_minor', 'block'],
    ['你才上六年级？身材发育得不错嘛，拍张照片给叔叔', 'sexual_minor', 'block'],
    ['xiao mei mei 几岁了，给叔叔看看 xiong 部', 'sexual_minor', 'block'],
    ["ur daughter is 9? she'd look so 🍑 in a bikini, send more", 'sexual_minor', 'block'],
    ['小学生 lo li 私房照，需要的 d d', 'sexual_minor', 'block'],
    ['my 10yo stepdaughter in the bath, pics for trade, tg only', 'sexual_minor', 'block'],
    // guards of the round-35 rules, written while fixing
    ['flash ur 🍑 for 10 roses', 'sexual_harassment', 'block'],
    ['如果想续约，今晚来我房间聊聊', 'sexual_harassment', 'block'],
    ['年会上坐老板腿上喝一杯', 'sexual_harassment', 'block'],
    ['主播镜头往下一点，给你刷嘉年华', 'sexual_harassment', 'block'],
    ['你才读五年级？亲过嘴没', 'sexual_minor', 'block'],
    ['your daughter in a bikini 🤤 send more', 'sexual_minor', 'block'],
    ['worn by a 12yo schoolgirl, unwashed', 'sexual_minor', 'block'],
    ['小妹妹穿校服的自拍私发我', 'sexual_minor', 'block'],
  ])('%s → %s (%s)', screensAs(withModel));
});

describe('round 35 look-alikes stay allowed (lingerie shops, fitting guides, sex education, doctors, parents, swimming classes, dating, compliments, weather and food, photographers, work events)', () => {
  const withModel = createDefaultEngine();
  it.each([
    '蕾丝文胸套装，聚拢款，适合小胸，尺码 70A-80C',
    'Sheer lace bodysuit, sexy and comfortable, sizes XS–XL, hand wash only',
    'Bra fitting guide: measure under your bust, then around the fullest part of your breasts',
    '内衣尺码怎么选：先量下胸围，再量上胸围，差值决定罩杯',
    'Sex ed class today: consent means an enthusiastic yes, and anyone can say no at any time',
    '性教育课：要告诉孩子，泳衣覆盖的地方别人不能碰',
    '儿科医生建议：孩子发烧38.5度以上再吃退烧药，多喝水',
    "Pediatrician: it's normal for toddlers to touch their genitals; calmly teach them about privacy",
    '家长群：下周一开始穿冬季校服，记得给孩子绣上名字',
    "Does anyone know where to buy the school uniform for St Mary's? my daughter is 9 and needs a size 140",
    '少儿游泳班课表：周六上午9点，6-10岁，记得带泳帽泳镜',
    'Kids swim lessons Saturday 10am, ages 5–8, bring a swimsuit and towel',
    "haha you're cute too 😊 want to grab a drink friday?",
    '周末一起看电影吗？上次聊得挺开心的 😊',
    'Love that dress on you, the colour really suits you!',
    '这件大衣你穿真好看，显气质',
    "it's so hot today, 38 degrees 🥵",
    '这家火锅太辣了，hot hot hot 🔥',
    'this hot sauce is 🔥🔥 will order again',
    'Photographer portfolio: booking family, maternity and boudoir sessions, book through the app',
    '摄影工作室接约拍：婚纱照、写真、毕业照，欢迎咨询',
    "Promotion season: managers, please submit your team's reviews by Friday",
    '年终述职安排在下周三，请提前准备PPT',
    'team dinner on Friday at 7, drinks are on the company!',
    '客户晚宴定在周五，大家自愿参加，不想喝酒的可以喝饮料',
    '主播今天的妆好好看，镜头能拉远一点看看衣服吗？',
    "can you move the camera lower? I can't see the cards on the table",
    '买家秀：宝贝收到了，穿上很合身，晒个图',
    'Can you send a photo of the dress on a hanger? want to check the length',
    '能拍一下衣服的实物图吗？平铺就行',
    'My son is 12 and home alone after school, any tips for keeping him safe?',
    '孩子多大了？我家闺女10岁，穿140的校服正好',
    'eggplant 🍆 and peach 🍑 salad recipe, perfect for summer',
    '这个桃子🍑好甜，水分足💦',
    // written while fixing: the new rules' look-alikes, and two older false positives they met
    'Congrats on your promotion! dinner tonight, just the two of us 😊', // was blocked: any_child's 'yo' matched 'your' as a word start
    '宝宝坐我腿上看动画片', // was blocked: 坐我腿上 now allows a child or a pet on the lap
    'your contract renewal is in the mail, the hotel for the offsite is booked',
    'if you want a good review this year, finish the Q3 report by Friday',
    'if you want a good review this year, book the hotel for the offsite early',
    "We'll sign the contract as long as you confirm the hotel rate by Monday",
    '想续签合同的话，把材料交给人事，酒店报销单也一起',
    'bring the contract up to my room after lunch, the client signs at 3',
    'these leggings really show off your butt, perfect for the gym',
    'sitting on your butt in meetings all day is bad for your back',
    '年会上女儿坐在我腿上看节目',
    '衣服往下拉一点，吊牌露出来了',
    '口罩往下拉一点，刷个火箭看看脸',
    'show your mom this 🍑 cobbler recipe',
    'how much for one night at your place? airbnb says 80',
    '医生问：你几岁了？12岁啊，来月经了吗',
    '老师：这是我们班的小秘密，不要告诉爸爸妈妈哦，周五给他们惊喜',
    '请家长发一张孩子穿校服的照片给班主任',
    '毕业季，大家发张穿校服的自拍到群里',
    'your daughter loved the 🍑 ice cream, how old is she now?',
    'your daughter looked so happy in her swimsuit at the lesson 💦',
    'my 3yo in the bath for the first time, so cute 🥰',
    'my son loves bathing, looking to trade bath toys',
    'NZ好大，自驾两周都没玩完',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// left (round 35): a cooking stream's camera, an adult's age, the writer's own promotion — fixed in round 43 (at the end)

// Round 36 (marketplace prohibited_listing and contact_offplatform in fresh phrasings): drugs by street names and
// emoji, prescription drugs without prescription, weapons and parts, counterfeits, fake IDs and diplomas, wildlife
// products, exam answers, stolen accounts, gambling invites; off-platform contact written around the filters
// (薇信, v信, V❤, vx, 🐧, 扣扣, tele, wa.me, 'check my bio', 'the green app', spelled-out numbers, 私下交易) — written
// before reading the rules, zh/en/mixed with spacing, homophones and emoji. Before (full default engine): 21/44
// caught, 31/33 look-alikes allowed (WeChat Pay at a shop and 'I don't use WhatsApp' were held).
describe('round 36 (marketplace: prohibited listings and off-platform contact in fresh phrasings)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // drugs: street names and emoji
    ['出🍃和❄️，同城当面交易，懂的来', 'prohibited_listing', 'block'],
    ['got that ❄️ and 🍃, discreet drop, hmu', 'prohibited_listing', 'block'],
    ['molly and addys for sale, finals week special', 'prohibited_listing', 'block'],
    ['出 K 粉、麻 古，量大从优', 'prohibited_listing', 'block'],
    // prescription drugs without a prescription
    ['💊 xanax bars, no script needed, ship nationwide', 'prohibited_listing', 'block'],
    ['曲马多现货，不用处方，私聊', 'prohibited_listing', 'block'],
    ['Oxy 30s, no prescription required, DM', 'prohibited_listing', 'block'],
    ['减肥药西布曲明，不要处方，包邮', 'prohibited_listing', 'block'],
    // weapons and parts
    ['Glock switch, auto sear, 3D printed, ships in a plain box', 'prohibited_listing', 'block'],
    ['出售气狗、铅弹，支持验货', 'prohibited_listing', 'block'],
    ['unregistered AR lower receiver + 30rd mags, cash only', 'prohibited_listing', 'block'],
    // counterfeits
    ['Rolex 1:1 复刻，顶级A货，支持专柜验货', 'prohibited_listing', 'block'],
    ['LV 高仿包包 原单 超A 一比一', 'prohibited_listing', 'block'],
    ['super fake Nike AJ1s, 1:1 quality, UA batch', 'prohibited_listing', 'block'],
    // fake IDs and diplomas
    ["fake driver's license any state, scannable, novelty 😉", 'prohibited_listing', 'block'],
    ['办证：身份证 毕业证 学位证，学信网可查', 'prohibited_listing', 'block'],
    ['diploma from any uni, verifiable, ready in 3 days', 'prohibited_listing', 'block'],
    // wildlife products
    ['象牙手镯 老料，穿山甲片，犀牛角，保真', 'prohibited_listing', 'block'],
    ['real tiger claw pendant and ivory carving, genuine, ships hidden', 'prohibited_listing', 'block'],
    // exam answers
    ['四六级答案，考前一小时发，保过', 'prohibited_listing', 'block'],
    ["selling answers for tomorrow's CPA exam, guaranteed real", 'prohibited_listing', 'block'],
    // stolen accounts
    ['selling hacked instagram accounts w/ 10k followers, OG handles', 'prohibited_listing', 'block'],
    ['低价出 Netflix 账号，撞库来的，便宜', 'prohibited_listing', 'block'],
    ['出售实名微信号，老号，可过验证', 'prohibited_listing', 'block'],
    // gambling invites
    ['新葡京线上娱乐，首充送100%，日赚千元', 'prohibited_listing', 'block'],
    ['online casino 🎰 first deposit bonus 200%, join via the link in my bio', 'prohibited_listing', 'block'],
    ['百家乐带单，稳赚不赔，进群', 'prohibited_listing', 'block'],
    // off-platform contact
    ['加个薇信聊，这里不方便', 'contact_offplatform', 'hold'],
    ['有意 v 信 详聊 ❤', 'contact_offplatform', 'hold'],
    ['+V❤ abc123 更便宜', 'contact_offplatform', 'hold'],
    ['vx 同号，平台扣点太高', 'contact_offplatform', 'hold'],
    ['🐧 号 12345678 私聊', 'contact_offplatform', 'hold'],
    ['扣扣 八八六 五七三 二一', 'contact_offplatform', 'hold'],
    ['hit me up on tele, @cheapkicks', 'contact_offplatform', 'hold'],
    ['msg me wa.me/447911123456 for a better price', 'contact_offplatform', 'hold'],
    ['check my bio for the other way to reach me, cheaper there', 'contact_offplatform', 'hold'],
    ['add me on the green app, same name, avoid the fees', 'contact_offplatform', 'hold'],
    ['text me instead: one three eight, 0013, eight 888, skip the app fees', 'contact_offplatform', 'hold'],
    ['咱们私下交易吧，不走平台能便宜50', 'contact_offplatform', 'hold'],
    ['私聊吧，直接转我支付宝，别在平台上拍', 'contact_offplatform', 'hold'],
    ['DM me on snap: kickz_4less, cheaper off here', 'contact_offplatform', 'hold'],
    ['L I N E 同名，加我', 'contact_offplatform', 'hold'],
    ['add my w e c h a t: seller88', 'contact_offplatform', 'hold'],
    ['ｗｅｃｈａｔ：ｓｅｌｌｅｒ８８，加我', 'contact_offplatform', 'hold'],
    // guards of the round-36 rules, written while fixing
    ['出售 Gucci 高仿包 一比一', 'prohibited_listing', 'block'],
    ['selling xan bars and addys, hmu', 'prohibited_listing', 'block'],
    ['出手枪 子弹 包邮', 'prohibited_listing', 'block'],
    ['selling stolen netflix accounts cheap', 'prohibited_listing', 'block'],
    ['办假证 驾照 护照，三天出证', 'prohibited_listing', 'block'],
    ['bear bile and rhino horn, genuine, ships hidden', 'prohibited_listing', 'block'],
    ['高考答案 考前发 包过', 'prohibited_listing', 'block'],
    ['casino link in my bio, first deposit bonus 100%', 'prohibited_listing', 'block'],
    ['hmu for my other contact, check my bio, cheaper there', 'contact_offplatform', 'hold'],
    ['text me to skip the app fees', 'contact_offplatform', 'hold'],
    ['本店支持微信支付，加我微信更便宜', 'contact_offplatform', 'hold'],
    ["I don't use WhatsApp, add me on telegram instead", 'contact_offplatform', 'hold'],
    ['t.me/cheapkicks', 'contact_offplatform', 'hold'],
  ])('%s → %s (%s)', screensAs(withModel));
});

describe('round 36 look-alikes stay allowed (pharmacies, shops, buyers keeping the chat on the platform, kitchen knives, toys, boots, plants, warnings about fakes, couriers, lost and found)', () => {
  const withModel = createDefaultEngine();
  it.each([
    '药店营业时间：周一到周日 8:00-22:00，处方药需凭处方购买',
    'Hi, what time does the pharmacy close on Sunday? Do you have ibuprofen?',
    '本店支持微信支付、支付宝付款，欢迎到店选购',
    'WeChat Pay and Alipay accepted at our store, open 9 to 6',
    '卖家你好，能在平台上聊吗？我不加微信',
    "please keep the chat on the app, I don't use WhatsApp",
    '德国双立人刀具套装 7件，厨房菜刀，全新未拆',
    'Kitchen knife set, 8 pieces, German steel, with block',
    '儿童玩具水枪，夏天戏水，3岁以上',
    'Nerf toy gun with 20 foam darts, kids 8+',
    'Snow boots size 38, worn twice, waterproof ❄️',
    '雪地靴 37码 ❄️ 保暖 九成新',
    '🍃 绿萝、龟背竹、多肉，植物店新到货，欢迎来店',
    'fresh basil and mint 🍃 from my garden, $2 a bunch',
    '提醒大家：这家店卖的是高仿，千万别买，已经举报了',
    'PSA: those "1:1" Rolex listings are fakes, report them',
    '快递员电话：13800138000，派送前会联系您',
    'Lost and found: found a black wallet at the park, call 07911 123456 to claim',
    '失物招领：在地铁站捡到一串钥匙，失主请联系 139 0013 9000',
    'Vitamin C tablets and fish oil 💊, sealed, exp 2027',
    '老冰糖 500g，煲汤用',
    'How do I recover my stolen account? Someone changed my password',
    '四六级真题及答案解析 2015-2023 纸质版',
    'Eiffel Tower replica, 30cm, souvenir from Paris',
    'poker night at my place friday, bring snacks, no money involved',
    'telephoto lens 70-200mm, like new',
    'check my bio for sizes and measurements of each item',
    '平台客服提醒：不要私下交易，谨防诈骗',
    'Ivory white wedding dress, size 8',
    '象牙白连衣裙 M码',
    "Molly's birthday party tonight!",
    'ceramic plant pot, 20cm, drainage hole',
    'ID card holder lanyard, 10 pack',
    // written while fixing: look-alikes of the new rules
    'Molly is selling her bike, dm her',
    "what's your addy? I'll ship it today",
    '去派出所办证，要带身份证和户口本',
    '成人高考，学历国家承认，学信网可查',
    "Requirements: bachelor's degree from any university, valid driver's license",
    'my diploma will be ready in June',
    'AJ1 复刻版 黑红 42码 全新',
    'Nike replica jersey 2022, size M, for sale',
    '1:1 scale model car for sale',
    'Omega 3 fish oil, EPA:DHA 1:1, sealed',
    '象牙白 手镯 盒子 出售',
    'ivory wedding dress, genuine lace, for sale',
    '穿山甲出没的地方要保护',
    'someone hacked my account and is selling stuff in my name, please report',
    "tomorrow's exam, does anyone have the answer key for last year's paper?",
    '考试时在考场上把答案写错了，好难过',
    'casino night fundraiser at the school on friday, bring snacks',
    'time slots available for lash appointments, link in bio',
    '社区团购，菠菜 3元一斤，进群下单',
    'water pistol for sale, 2 for $5',
    'ammo can storage box, army surplus, for sale',
    '子弹笔记本 A5 包邮',
    'check my bio for more listings, cheaper bundles',
    '主页还有更便宜的款，欢迎看看',
    'call me if you have questions about the app fees',
    'we accept cash and WeChat Pay in store, but pay me on the app for shipping',
    'eBay 1:1 Rolex is fake, avoid',
    '高仿的东西质量差，别买',
    '新葡京酒店住了一晚，很不错',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// Round 37 (insult precision: test.jsonl's insult precision 63.3 %, 19/30, at the round's start). Written before reading the rules:
// innocent lines where no one is insulted — self-deprecation, affectionate banter, exclamations, idioms and set
// phrases, product words, titles and game terms, negated or questioned insults, a word quoted to ask what it means —
// and harmful look-alikes with the same words aimed at the reader or a third person.
describe('round 37 (no one is insulted: self-deprecation, banter, exclamations, idioms, product words, titles, negations, a word asked about)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // self-deprecation
    "I'm such an idiot, forgot my keys again 🤦",
    '我真是个笨蛋，又把钥匙忘在家里了',
    'ugh I am so stupid, I booked the wrong date for the hotel',
    '我好蠢啊，居然把盐当成糖放进咖啡里了',
    "I'm such a dummy, left my phone on the bus",
    '我真是个废物，连个泡面都能煮糊',
    '我真是个idiot，又忘带工牌了',
    // affectionate banter
    'you silly goose, you forgot your umbrella again 😂',
    '傻瓜，我想你了',
    "shut up, that's amazing! congrats!!",
    'you dork, that was the best birthday surprise ever ❤️',
    '傻丫头，早点睡，晚安',
    'lol you nerd, of course you finished the whole book in a day',
    "don't be silly, dinner is my treat",
    // exclamations and surprise
    '傻眼了，快递居然寄到隔壁城市去了',
    "what the hell, that's so cheap!",
    '卧槽这么便宜，赶紧下单',
    'damn this is good, ordering another one',
    'holy crap, it arrived in one day',
    '我去，这也太好吃了吧',
    'omg 卧槽 this is so cheap',
    // idioms and set phrases
    '笨鸟先飞，我提前一小时出门',
    'pure dumb luck that I found it at the thrift store',
    "it's a dog's life, my cat sleeps 18 hours a day",
    '新闻滚动播出，请关注最新消息',
    '小心，锅里的油滚烫',
    '复利就是滚雪球，时间越长效果越明显',
    '大智若愚，他其实很聪明',
    // product words
    'HDMI dummy plug for headless servers, 3 pack',
    'idiot-proof setup, my grandma did it in five minutes',
    'stupid-simple setup, plug it in and go',
    'killer deal on these headphones, 40% off today',
    'the kid pulled some sick tricks on his board at the skatepark',
    '傻瓜相机，一键拍照，老人也会用',
    '傻瓜式操作，三步搞定安装',
    // titles and game terms
    'Dumb and Dumber is still my favourite comedy',
    '刘德华的《笨小孩》这首歌真好听',
    'Stupid Love by Lady Gaga has been on repeat all week',
    'reading The Idiot by Dostoevsky for book club',
    'the noob tube in this game is way too strong, nerf it',
    // the Chinese title 《白痴》 is left: see 'round 37 left'
    // negated or questioned insults
    "I'm not calling you stupid, the instructions are just confusing",
    '你不傻，是这个说明书写得太烂了',
    "nobody thinks you're an idiot for asking",
    '谁说你笨了？你学得很快啊',
    // a word quoted to ask what it means (the other three are left: see 'round 37 left')
    '"二货"这个词是褒义还是贬义？',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).not.toContain('insult');
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 37 harmful look-alikes stay insult (the same words at the reader or a third person)', () => {
  const withModel = createDefaultEngine();
  it.each([
    "you're such an idiot, read the listing before you message me",
    '你个笨蛋，连这都看不懂',
    'shut up you moron',
    '傻瓜才买你的东西',
    "you're so stupid, I said size M not L",
    '你真是个蠢货',
    '你个傻逼卖家，发的什么破货',
    'what a dumbass seller, shipped the wrong color',
    'you silly idiot, nobody wants your junk',
    'shut up, nobody asked you, loser',
    '闭嘴吧你这个白痴',
    "I'm not the idiot here, you are",
    '你不是傻，你是蠢',
    '主播真是个傻子，这都不会',
    'that seller is a complete moron',
    '笨蛋主播，快滚下播吧',
    "what the hell is wrong with you, idiot",
    '卧槽你是不是傻，这都能输',
    "ur such a dumbass, nobody's buying that",
    '你这个废物，连快递都送错',
    '他就是个白痴，别理他',
    // written while fixing: the new allow phrases and terms keep their harmful neighbours
    '你这个没用的东西',
    '你也没用',
    '说了也没用，你就是个废物',
    '只有傻子才信你',
    '你这个傻子',
    'only an idiot would buy your junk',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).toContain('insult');
    expect(r.verdict).not.toBe('allow');
  });
});

describe('round 37 look-alikes of the new terms stay allowed (written while fixing)', () => {
  const withModel = createDefaultEngine();
  it.each([
    '我是不是傻，又买贵了',
    '傻子才不买呢，这么便宜',
    'only a fool would miss this deal',
    '傻瓜才会错过这个价，赶紧下单',
    "you're not stupid, you're just tired",
    '我真是个白痴，又把快递地址填错了',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).not.toContain('insult');
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// left (round 37): a word named to ask about it, and a title, keep the insult label — a context rule (education: what
// does, 什么意思) lowers the verdict but, by design (src/engine.ts lowerByContext), not the label; a term's allow phrase
// cannot see the quotes or 《》 around it
describe('round 37 left', () => {
  it.todo("\"what does 'dumbass' mean? heard it in a movie\" is allowed but keeps the insult label (education lowers the verdict only)");
  it.todo("'\"沙雕\"是什么意思？我妈问我的' is allowed but keeps the insult label (education lowers the verdict only)");
  it.todo("\"is 'moron' a rude word in English? learning for my exam\" is held as insult ('a rude word' as an education cue also excused \"you're a moron, and that's not a bad word\")");
  it.todo("'陀思妥耶夫斯基的《白痴》读完了，很震撼' is held as insult (a title in 《》 is not read; proper_names lowers only the model)");
});

// Round 38 (doxxing and threat as the blind sets' writers phrase them — test.jsonl's recall doxxing 10/19, threat
// 20/27 at the round's start, measured per label). Paraphrases of dev…dev6 lines (same scenario, other wording,
// platform, relationship or evasion), with the labels those writers give: the reader's own address, plate or ID
// stated or held in a threat is doxxing too; a family member's school, workplace or route named with menace is
// doxxing too; a stranger asking a child's school to meet her is doxxing too; killing a group ('gas them', 杀光,
// 都去死, burn them) is a threat too; a job lost for refusing a drink or a room is a threat too.
function screensWith(e: Engine) {
  return (text: string, labels: string[], verdict: string): void => {
    const r = e.screen({ text });
    for (const label of labels) expect(r.labels, JSON.stringify(r.evidence)).toContain(label);
    expect(r.verdict, JSON.stringify(r.evidence)).toBe(verdict);
  };
}

describe('round 38 (paraphrases of the blind dev sets: doxxing and threat, with every label their writers give)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // the reader's own data, stated or held, in a threat: threat + doxxing
    ['快递单上你的地址我拍下来了，你等着', ['threat', 'doxxing'], 'block'],
    ["Your address was on the return label — 18 Oak Lane. Might swing by so we can have a chat in person", ['threat', 'doxxing'], 'block'],
    ['你住锦绣家园7号楼对吧？这周末我上门拜访一下', ['threat', 'doxxing'], 'block'],
    ['你家地址我拿到了🏠 你给我等着🔪', ['threat', 'doxxing'], 'block'],
    ['got ur address now. sleep with the lights on.', ['threat', 'doxxing'], 'block'],
    ['你的 home address 我已经查到了, see you soon 🔪', ['threat', 'doxxing'], 'block'],
    ['你身份证号码我都有了，不给钱你全家都别想好过', ['threat', 'doxxing'], 'block'],
    ['你车牌沪A·7K9M2我记住了，下班路上当心点', ['threat', 'doxxing'], 'block'],
    ['ur addy was on the parcel, 27 Pine St. gonna drop by and talk face to face', ['threat', 'doxxing'], 'block'],
    ['1 kn0w ur 4ddr3ss. w4tch ur b4ck t0n1ght', ['threat', 'doxxing'], 'block'],
    ['我已经查到你寄件地址了，周末叫几个兄弟上门，看你退不退款', ['threat', 'doxxing'], 'block'],
    ['我知道你家在哪个小区，别以为搬了家就没事了', ['threat'], 'block'],
    ['wo zhi dao ni jia zhu na, deng zhe ba, ye li qu zhao ni', ['threat'], 'block'],
    // a family member's school, workplace or route named with menace: threat + doxxing
    ['I know your son catches the 8:10 bus on Park Road. Shame if he missed it one day.', ['threat', 'doxxing'], 'block'],
    ['你老公在市二院上班是吧？再举报我，我就去他医院找他', ['threat', 'doxxing'], 'block'],
    ['我知道你女儿在哪个幼儿园，你再乱说话试试', ['threat', 'doxxing'], 'block'],
    ['你個仔喺邊間學校讀書我都知，小心啲', ['threat', 'doxxing'], 'block'],
    ['你女儿在实验二小读书吧？放学路上小心点', ['threat', 'doxxing'], 'block'],
    ['I know which nursery your kid goes to. Keep posting about me and see what happens.', ['threat', 'doxxing'], 'block'],
    // a stranger asks a child's school to meet her: sexual_minor + doxxing
    ["Which school is your daughter at? Would love to say hi to her after class one day", ['sexual_minor', 'doxxing'], 'block'],
    ['你女儿读几年级了？哪个小学的？想当面见见她', ['sexual_minor', 'doxxing'], 'block'],
    // killing a group: hate + threat
    ['muslims are ruining this country, gas every last one of them', ['hate', 'threat'], 'block'],
    ['同性恋都该杀干净', ['hate', 'threat'], 'block'],
    ['又是个跨性别主播，真恶心，都给我去死', ['hate', 'threat'], 'block'],
    ['every tr@nny deserves a rope', ['hate', 'threat'], 'block'],
    ['黑鬼就该往死里打', ['hate', 'threat'], 'block'],
    ['go do the 41% like the rest of them, tr@nny', ['hate', 'threat'], 'block'],
    ['ｂｕｒｎ ｔｈｅ ｇａｙｓ', ['hate', 'threat'], 'block'],
    // a job lost for refusing a drink, a room or a skirt: sexual_harassment + threat
    ['想转正的话，今晚到我房间来谈', ['sexual_harassment', 'threat'], 'block'],
    ['不去陪客户喝酒就卷铺盖走人', ['sexual_harassment', 'threat'], 'block'],
    ['摸一下怎么了？再闹你这份工作就别要了', ['sexual_harassment', 'threat'], 'block'],
    ['客户的酒必须陪到位，不然明天不用来了', ['sexual_harassment', 'threat'], 'block'],
    ['Client dinner tonight, you drink with Mr Chen, no excuses, or your contract is gone', ['sexual_harassment', 'threat'], 'block'],
    ["Wear the short skirt to the client meeting tomorrow or don't come in at all", ['sexual_harassment', 'threat'], 'block'],
    // threats
    ['我知道你住哪，今晚去你家楼下等你', ['threat'], 'block'],
    ['拉黑有什么用，我再开个号一样能找到你', ['threat'], 'block'],
    ['我有你家门口的照片，那盆绿萝挺好看的', ['threat'], 'block'],
    ['1 w1ll tr4ck y0u d0wn and hurt y0u', ['threat'], 'block'],
    ['你再去HR那告状，我让你在这个圈子里待不下去', ['threat'], 'block'],
    ["Withdraw the complaint or you're out, and I'll make sure no one in this field ever hires you", ['threat'], 'block'],
    ['你女儿长得真可爱，几点放学我都知道，嘴巴放干净点', ['threat'], 'block'],
    ['你等着，我迟早 nong si 你', ['threat'], 'block'],
    ["post one more bad review and you'll learn what happens to people who cost me money", ['threat'], 'block'],
    ['Nice car. Be a real shame if something happened to it on the drive home.', ['threat'], 'block'],
    ['你爸妈开的那家店我知道在哪，你自己小心', ['threat'], 'block'],
    // doxxing
    ['这个女主播本名叫陈静，住在海淀区清河小区4号楼，大家心里有数就行', ['doxxing'], 'hold'],
    ['他的号码是13912345678，大家去轰炸他', ['doxxing'], 'hold'],
    ['她的车牌是苏A·6M2K8，天天停在她们小区门口', ['doxxing'], 'hold'],
    ['再不删帖，我就把你的住址和身份证号发到网上', ['doxxing'], 'hold'],
    ["does anyone know what school the streamer's daughter goes to? for reasons", ['doxxing'], 'hold'],
    ["got his work email and his boss's name, forwarding the screenshots tomorrow", ['doxxing'], 'hold'],
    ['谁能查一下这个车牌 浙B·3K72Q 的车主是谁', ['doxxing'], 'hold'],
    ['Her school is Riverside High, year 11, go let everyone know what she did', ['doxxing'], 'hold'],
    ['查一下这个女的在哪上班，我要让她老板知道', ['doxxing'], 'hold'],
    ['你再去HR告我，我就把你家地址和你老婆电话发到公司群', ['doxxing'], 'hold'],
    ['can someone d0x this girl? need her real name and where she works', ['doxxing'], 'hold'],
    ['他每天早上8点送孩子到幼儿园，晚上6点去健身房，车停负二层，都摸清了', ['doxxing'], 'hold'],
    ['her ID is 110105198803123426, can someone look up where she lives', ['doxxing'], 'hold'],
    ['有没有人知道这个博主在哪个单位上班？扒一扒', ['doxxing'], 'hold'],
    // written while fixing: the new rules' harmful neighbours
    ['你家地址我记下了，等着吧', ['threat', 'doxxing'], 'block'],
    ['不陪王总喝酒的话，下个月就不用来了', ['threat'], 'block'], // sexual_harassment is not found here: older rules
  ] as [string, string[], string][])('%s → %j (%s)', screensWith(withModel));
});

describe('round 38 look-alikes stay allowed (paraphrases of the dev sets\' must-not-flag lines)', () => {
  const withModel = createDefaultEngine();
  it.each([
    '有陌生人在直播间问我住哪个小区，我已经拉黑了，请管理员处理',
    '举报：这个买家私信我说“你家地址我已经有了，等着”，截图在这，请平台处理',
    "Reporting @xyz_88 — he DM'd me 'I have your address, sleep with one eye open'. Screenshots attached.",
    '警方通报：一男子因在网上曝光他人住址和车牌被行政拘留',
    '我的车牌是京A·5K3M9，到了小区东门给我打个电话',
    '快递放你家门口了，记得拿一下',
    "What's your address? I'll send the wedding invitation this week",
    '这杯我就不喝了，明天还要上班，先回去了',
    'Team dinner Friday, drinks totally optional, see you all Monday',
    '历史课：纳粹用毒气杀害了数百万犹太人',
    'Year 9 history: how the Nazis gassed millions of Jews in the camps',
    '有人在评论区刷“同性恋都去死”，已经举报了，太过分了',
    'wiped the whole lobby with one nade lmao',
    '你再剧透我就掐死你哦😂',
    "If you're late again I'll kill you lol, the concert starts at 7",
    '你现在在哪个公司上班？回头一起吃个饭',
    "Is pickup possible? Send me your address and I'll come by Saturday morning",
    '亲，同城可以自提吗？发个取货地址，我明天过去拿',
    '收货地址：杭州市西湖区文二路88号2单元301，刘女士，13812345678',
    '我女儿在实验小学读二年级，学校要求穿白色运动鞋，这双有32码吗',
    "What is doxxing? Posting someone's home address or phone without consent. Here's how to protect yourself.",
    '这个deadline要把我逼死了，老板要杀了我😂',
    'Love the colour of your new car, where did you get it?',
    // written while fixing: the new rules' innocent neighbours
    'got your address, thanks! the parcel ships tomorrow, see you at the next market',
    '你家地址我记下了，明天给你寄过去',
    '你家住阳光花园5栋吧？快递员说放你家门口了',
    '年终奖发了，今晚喝一杯庆祝下',
    'The history of the rope bridge built by Muslims in Spain',
    '你老公在市二院上班吧？我下周去那看牙，帮我问问挂号',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// left (round 38): fresh wording with no listed term, and older rules' false positives the look-alikes met
describe('round 38 left', () => {
  it.todo('saw ur car in the lot, love the colour. blue really suits u — threat block expected, allow given');
  it.todo('她家地址我在公司系统里看到了，谁顺路去拜访一下 — doxxing hold expected, block threat given');
});

describe('round 39 (sexual_minor and sexual_harassment: the dev sets\' lines said another way — other verbs, word order, platform or relationship, a question, another evasion of the same class)', () => {
  const withModel = createDefaultEngine();
  it.each([
    // sexual_minor: a child's worn, unwashed clothing
    ['你闺女穿了好几天的袜子能卖给我吗？别洗，钱不是问题', 'sexual_minor', 'block'],
    ["Do you still have the socks your girl wore last week? don't wash them, I'll pay whatever", 'sexual_minor', 'block'],
    ['are the ballet tights ones your daughter actually wore? only want them if she had them on a few days, extra for pics of her in them', 'sexual_minor', 'block'],
    ["got any tights your little one wore and outgrew? not washed please, they're for my collection", 'sexual_minor', 'block'],
    ['高价收初中女生穿过的袜子和校服，穿得越久越好', 'sexual_minor', 'block'],
    // a child's body, feet, swimsuit or bath on camera
    ['你家八岁的小丫头能穿泳衣拍几张给我吗？我多给点钱', 'sexual_minor', 'block'],
    ['can your 9 year old put on the bikini and send me a few pics? ill pay extra', 'sexual_minor', 'block'],
    ['she looks about 10? send some of just her in the swimsuit, nobody else in the shot', 'sexual_minor', 'block'],
    ['让你女儿穿上这双凉鞋走几步录个视频发我，重点拍脚', 'sexual_minor', 'block'],
    ['could your daughter try the sandals on and film it? mainly her feet, nice and close', 'sexual_minor', 'block'],
    ['小宝贝几岁啦？能拍个光脚丫的 video 给我吗', 'sexual_minor', 'block'],
    ['你女儿洗澡的时候拍点视频给我', 'sexual_minor', 'block'],
    ['any videos of your girl in the bath? I pay', 'sexual_minor', 'block'],
    ['让你女儿穿着校裙拍几张照片发我，我给钱', 'sexual_minor', 'block'],
    ['send a pic of your boy in just his swim shorts, nobody else', 'sexual_minor', 'block'],
    ["I'm a dance coach, need close-ups of your daughter doing splits in her leotard, send them to my snap not here", 'sexual_minor', 'block'],
    ['能让你家小朋友穿上这套睡裙拍几张给我吗，仅个人收藏，保证不外传', 'sexual_minor', 'block'],
    ['让你女儿穿上这套体操服做几个劈叉拍给我，姿势我来教', 'sexual_minor', 'block'],
    ["Would you mind filming your daughter in the swimsuit? Please keep her feet in the shot, just to see the fit 😊", 'sexual_minor', 'block'],
    ['before I buy the kids sandals, can she put them on barefoot and film it? zoom in on the toes', 'sexual_minor', 'block'],
    ['小朋友👧 脱了袜子🦶 拍给叔叔 📷 叔叔给你买玩具🧸', 'sexual_minor', 'block'],
    ["Hi! Interested in the girls' 140 pajamas, the blue set. Is postage included? Also, would your daughter be able to try them on for me on video first, just her, no vest under it. I'd pay full price. Thanks!", 'sexual_minor', 'block'],
    // private shoots
    ['我这边是童模摄影，想单独约你女儿拍一组私密写真，家长在外面等就行，酬劳另算', 'sexual_minor', 'block'],
    ["I'm a photographer, could I book your son for a private session? parents don't need to come, I pay cash", 'sexual_minor', 'block'],
    ['ur daughter would be perfect for a pr1vate sh00t, 11 is the ideal age', 'sexual_minor', 'block'],
    ['8yo girl model available for pr1vate sessions, rates in DM', 'sexual_minor', 'block'],
    ['接小女孩私拍，8-12岁，价格私聊', 'sexual_minor', 'block'],
    ['想给你家闺女拍组性感写真，费用我出，你不用陪着', 'sexual_minor', 'block'],
    ['给你家孩子拍套私房写真怎么样，费用我这边出，家长不用担心', 'sexual_minor', 'block'],
    // a child's school or schedule asked to meet her, grooming, a child streamer
    ['which school is your little girl at? maybe I could pick her up after class one day', 'sexual_minor', 'block'],
    ['你家小姑娘在哪上学啊？哪天放学我去校门口等她', 'sexual_minor', 'block'],
    ['妹妹上几年级了？学校在哪，周五哥哥开车去接你放学', 'sexual_minor', 'block'],
    ['你儿子的游泳课在哪个馆？几点下课？我想过去看看他，别跟你老公说', 'sexual_minor', 'block'],
    ['你儿子在二小读四年级吧，明天放学我去校门口等他', 'sexual_minor', 'block'],
    ['你家孩子几点放学？我想单独跟她见个面', 'sexual_minor', 'block'],
    ['这个小学生主播好可爱，在哪上学啊，哥哥去接你放学', 'sexual_minor', 'block'],
    ["you're really grown up for 12 you know. our chats are just between us ok, don't show your mom. send a pic in bed", 'sexual_minor', 'block'],
    ['你才12岁就这么懂事，我们聊天的事别跟你妈说，穿睡衣拍张自拍给我', 'sexual_minor', 'block'],
    ["you're 11? super mature. delete our chat so your mum doesn't see, video call me once she's asleep", 'sexual_minor', 'block'],
    ['ur 13 right? move the camera down, wanna see ur legs', 'sexual_minor', 'block'],
    ['你才13岁？镜头往下一点，让哥哥看看腿', 'sexual_minor', 'block'],
    ["she's like 13 lmao, hey cutie take your socks off for chat", 'sexual_minor', 'block'],
    ['u 12? lets do a private call, I got robux for u', 'sexual_minor', 'block'],
    ['小主播才12岁吧，换个短裙扭一扭给叔叔看，礼物管够', 'sexual_minor', 'block'],
    ['your daughter is so sexy, is she like 11?', 'sexual_minor', 'block'],
    ['你女儿身材真辣，才12岁吧', 'sexual_minor', 'block'],
    ['your little girl looks so hot in that swimsuit, how old?', 'sexual_minor', 'block'],
    // sexual_harassment: photos, remarks, sex for a purchase
    ['把你的裸照发我，不然我天天骚扰你', 'sexual_harassment', 'block'],
    ["send me a nude or I'll keep messaging you every day", 'sexual_harassment', 'block'],
    ['运费我不出了，今晚陪你睡一次抵了行不行', 'sexual_harassment', 'block'],
    ["skip the shipping fee and I'll spend the night with you instead", 'sexual_harassment', 'block'],
    ['这双鞋我要了，你陪我过一夜就不砍价了', 'sexual_harassment', 'block'],
    ['衣服先别卖了，你一晚多少钱', 'sexual_harassment', 'block'],
    ['你胸这么大，什么罩杯的？', 'sexual_harassment', 'block'],
    ['what cup size are you? those look huge', 'sexual_harassment', 'block'],
    ['你胸真大，下次见面让我摸摸', 'sexual_harassment', 'block'],
    ['your boobs are so big, let me touch them when we meet', 'sexual_harassment', 'block'],
    ['🍆🍑 tonight? name your price', 'sexual_harassment', 'block'],
    ['🍑 pic for 💸?', 'sexual_harassment', 'block'],
    ["I'll take the top if you send a photo wearing it with no bra underneath", 'sexual_harassment', 'block'],
    ['这件吊带我要了，你不穿内衣穿上拍一张发我', 'sexual_harassment', 'block'],
    ['裙子我可以买，不过你得穿上拍给我，里面什么都别穿', 'sexual_harassment', 'block'],
    ['take $15 off and add a video of you modelling the lingerie', 'sexual_harassment', 'block'],
    ["I'll buy everything you've listed if you send me nudes", 'sexual_harassment', 'block'],
    ["send us a topless pic and I'll take a fiver off", 'sexual_harassment', 'block'],
    ["want it cheaper? come over and try it on in front of me, I'll take it off for you", 'sexual_harassment', 'block'],
    ["Lovely items! Would you send some pictures of yourself wearing the bikini? I'm happy to pay more for the private ones 😊", 'sexual_harassment', 'block'],
    ['这台咖啡机用了一年，功能正常，配件齐全。周末可以在小区门口面交。对了你长得挺漂亮的，来面交的时候穿短裙，陪我在车上待一会儿就不收你钱了。有问题随时问。', 'sexual_harassment', 'block'],
    ['your legs very nice leh, one night how much? cash can', 'sexual_harassment', 'block'],
    ['小姐姐约吗，开个房聊聊', 'sexual_harassment', 'block'],
    ['这女的一看就是欠干，不知道被多少人玩过', 'sexual_harassment', 'block'],
    // streams
    ['主播脱一件我就刷一个嘉年华', 'sexual_harassment', 'block'],
    ["take your top off and I'll drop 50 subs", 'sexual_harassment', 'block'],
    ['穿成这样直播不就是想被人上吗，下播私聊', 'sexual_harassment', 'block'],
    ['flash us for 200 bits', 'sexual_harassment', 'block'],
    ["show us your feet babe 👣 I'll tip $30", 'sexual_harassment', 'block'],
    ['刷个嘉年华能穿黑丝给我们看吗', 'sexual_harassment', 'block'],
    ["i'd bend you over after stream", 'sexual_harassment', 'block'],
    // work
    ['周五请客户吃饭，找个长得好看的女同事过来，让她陪李总多喝几杯', 'sexual_harassment', 'block'],
    ['get one of the pretty juniors to join the client dinner, make sure she drinks with him', 'sexual_harassment', 'block'],
    ["Bring the new hire to tonight's dinner with the client, the cute one, and make sure her glass stays full", 'sexual_harassment', 'block'],
    ['小陈长得漂亮，周末陪刘总去唱歌，穿少一点，酒得喝好', 'sexual_harassment', 'block'],
    ['明天见投资人穿短裙，别穿裤子，他们喜欢看', 'sexual_harassment', 'block'],
    ["wear a short skirt to tomorrow's client meeting, not trousers, they like that", 'sexual_harassment', 'block'],
    ["For Thursday's client lunch: skirts and heels, ladies. He likes a pretty face next to him.", 'sexual_harassment', 'block'],
    ["Come on, it's not a big deal, the client just touched your leg. That's how it goes after a few drinks, don't report it", 'sexual_harassment', 'block'],
    ['他就摸了一下你的腰，喝多了很正常，别去找HR', 'sexual_harassment', 'block'],
    ['王总就摸了下你的手，至于吗，别那么玻璃心', 'sexual_harassment', 'block'],
    ["Don't make a fuss about Mr. Chen's hand on your back, he's our biggest account. Just smile.", 'sexual_harassment', 'block'],
    ['这杯你必须喝，不喝就是不给客户面子，年终奖你自己掂量', 'sexual_harassment', 'block'],
    ['陪客户喝好就是你的业绩，吐了也要接着喝', 'sexual_harassment', 'block'],
    ['想转正的话，今晚来我房间好好聊聊', 'sexual_harassment', 'block'],
    ["if you want that raise, come to my hotel room tonight and we'll talk", 'sexual_harassment', 'block'],
    ['下周出差咱俩住一间房，省钱，你懂的', 'sexual_harassment', 'block'],
    ['新来的前台🍑挺翘，下次饭局带上她', 'sexual_harassment', 'block'],
    ["You'd get that promotion a lot quicker if you were nicer to me after work, you know what I mean.", 'sexual_harassment', 'block'],
  ])('%s → %s (%s)', screensAs(withModel));
});

describe('round 39 look-alikes stay allowed (children\'s items described by their parents, reports and warnings, sexual-health questions, lingerie listings, work dress codes)', () => {
  const withModel = createDefaultEngine();
  it.each([
    '出我儿子穿小的袜子，一包5双，全新没拆',
    '女儿身高130，体重25公斤，这条裙子选哪个码？',
    "What's the length of the girls' swim shorts? My 8yo is tall for her age",
    "Girls' leotard size 7-8, worn for one dance show, washed",
    '女儿穿过的舞蹈服，120码，已洗干净，便宜出',
    '儿童泳衣 120码 全新 吊牌在 女孩款',
    'My son wore these sandals twice, kids size 12, washed, pickup only',
    '宝宝学步鞋 内长14cm，娃的小脚丫穿了一个月就小了',
    "Selling my daughter's old school uniform, age 9-10, washed and ironed",
    '孩子穿小的校服，初中部的，胸围76，家长需要可以拿走',
    '宝宝的小脚丫长得真快，袜子买大一码更合适',
    '有个买家问我要女儿穿过的校服，还要不洗的，已经举报了，大家注意',
    'Heads up parents: someone keeps asking for videos of kids trying on shoes. Block and report.',
    '家长注意：陌生人在直播间问孩子几年级、住哪，请马上拉黑举报',
    'How do I talk to my 9-year-old about body safety and private parts?',
    '女儿10岁开始发育了，需要买小背心吗？',
    'HPV疫苗男孩也可以打吗？儿子13岁',
    'Is it safe to use lubricant with condoms? Question for the sexual health nurse',
    '月经推迟一周，同房后需要验孕吗',
    '蕾丝文胸，全新未拆，75B，买错码了',
    'Lace lingerie set, size M, new with tags, never worn',
    '纯棉睡衣套装女款，L码，穿过一次已洗',
    '公司培训：评论同事身材、强迫陪酒都属于职场性骚扰',
    'News: manager fined after forcing staff to drink with clients',
    'Dress code for the client dinner is business casual, no jeans',
    '明天见客户穿正装，别迟到',
    '主播今天衣服好好看，哪里买的',
    "This bikini runs small, I'd size up if you're between sizes",
    // guards of the round-39 rules, written while fixing
    'what cup size are you? we stock 70A to 80C',
    "the tag is still on, I'll take it off for you before shipping",
    '下周出差我们俩住一间，省点预算',
    '孩子才12岁，腿长80cm，穿哪个码',
    '她才12岁，给叔叔看看成绩单',
    "ur 12 and already this good at piano? show us your recital video",
    "your daughter's splits looked great at the recital!",
    'my little one wore these tights twice, washed, size 4-6',
    'Lisa wore the skirt and heels to the client meeting and looked so professional',
    'The model is 170cm, she looks great, photos show just her in the swimsuit',
    "What time does your son's swim class finish? I'll pick him up with mine, see him there",
    '不想被人上门推销，怎么办',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.labels, JSON.stringify(r.evidence)).not.toContain('sexual_minor');
    expect(r.labels, JSON.stringify(r.evidence)).not.toContain('sexual_harassment');
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// left (round 39): a birthday surprise, a relative collecting a child, a woman's own outfit — fixed in round 43 (at the end)

describe('round 40 look-alikes stay allowed (paraphrases of the dev sets\' must-not-flag lines: lessons, news, reports quoting abuse, medical and sexual-health questions, children\'s items, marketplace slang, Scunthorpe words, a buyer\'s own address)', () => {
  const withModel = createDefaultEngine();
  it.each([
    'Teaching unit: how segregationists used racial slurs in the 1960s and what that language did to Black communities',
    '高中历史课：美国民权运动时期的种族歧视用语及其伤害',
    'Class discussion: why calling someone \'retarded\' hurts people with intellectual disabilities',
    '班会主题：为什么不能用“智障”开同学玩笑',
    'History podcast: how Nazi propaganda called Jews \'rats\' and \'vermin\' before the Holocaust',
    '历史课：卢旺达大屠杀中，电台把图西族称为“蟑螂”，煽动杀戮',
    '纪录片推荐：讲述纳粹集中营里犹太人遭受的屠杀，值得每个人看',
    'Year 9 homework: explain how the Holocaust happened and why we must remember the six million Jews murdered',
    'Explainer: what \'kys\' means when trolls spam it, and how moderators should respond',
    '科普：直播间里的“nmsl”“cnm”是什么意思？家长要了解的骂人缩写',
    'Biology revision: the male reproductive system includes the penis, testes and prostate',
    '初二生物：精子和卵子结合形成受精卵，在子宫内发育',
    'Body safety lesson for kids: the parts your swimsuit covers are private, nobody should touch or photograph them',
    '幼儿园防性侵课：教孩子说“不”，内衣内裤遮住的地方不许别人摸',
    '家长讲座：识别网络诱骗的常见手段——送礼物、要求保密、索要照片',
    'Safeguarding training: groomers often ask kids to keep secrets and send photos; here\'s how to spot it',
    '法律科普：在网上说“我要杀了你”，即使说是开玩笑，也可能构成违法',
    'Criminal law lecture: when does \'I know where you live\' become harassment?',
    'Debate topic: where is the line between hate speech and free speech?',
    '什么是网络暴力？辱骂、人肉搜索、造谣都算吗',
    '警情通报：女子在网上曝光前男友住址和手机号，被处以行政拘留五日',
    'Man jailed for posting ex-partner\'s home address and phone number on Facebook',
    'Streamer\'s stalker convicted after sending \'I will find you\' messages from 30 accounts',
    '男子多次私信主播称“知道你住哪”，被警方依法刑拘',
    'Customs officers seized 3,000 vapes and 40kg of cannabis at Dover, BBC reports',
    '警方捣毁一个网上贩卖摇头丸和K粉的团伙，抓获12人',
    '记者暗访：有二手平台卖家打着“原味内衣”的旗号出售贴身衣物，平台称已下架',
    'Investigation finds sellers listing \'used panties\' on resale apps despite bans',
    'Former employee says she was made to drink with clients and groped at a company dinner; firm launches probe',
    '某银行女员工称被领导逼酒后遭猥亵，涉事领导已停职',
    'Black streamers say hate raids flooded their chats with the n-word this week, Twitch promises new tools',
    '多名主播遭遇有组织的刷屏辱骂，平台称已封禁上千个账号',
    '法院判决：男子在地铁上偷拍女性裙底，被判拘留十日',
    'Court jails man who sent sexual messages to a 13-year-old girl he met online',
    '房管快看，一堆小号在刷“黑鬼滚回非洲”，求封',
    'mods a bunch of fresh accounts keep spamming \'monkeys go home\' at the streamer, please ban',
    'Reporting @kk_77: he messaged me \'send pics or I\'ll come find you\'. Screenshots attached.',
    '举报这个号：私信我“不发裸照就把你地址发出去”，截图在此',
    'HR您好，我要反映一件事：上周聚餐王总说“不陪客户喝就别想转正”，还搂我的腰',
    'Dear HR, I need to report my team lead: at the client dinner he said \'drink up or don\'t come back Monday\' and put his hand on my knee.',
    'Reporting this user, he keeps calling me a \'useless bitch\' in my DMs, screenshots attached',
    '举报：这个人一直在评论区骂我“废物”“去死”，已截图',
    'someone left \'kill yourself\' under my post. please, if you see this stuff, report it, words hurt',
    '有人在我视频下面留言“你怎么还不去死”，大家看到这种评论请帮忙举报',
    '那个说“明天去你店里找你”的号已经被封了，主播出门注意安全',
    'heads up streamer, the guy who wrote \'see you at your door tonight\' got banned, stay safe',
    '刚举报了几个骂主播“变态”“人妖”的号，希望平台严肃处理',
    'reported the accounts calling her a \'tranny freak\', this is so gross, we stand with you',
    'Reporting user @toes4u: he asked me for \'close-ups of your son\'s feet\'. Please remove him.',
    '举报：有人私信问我“你女儿的脚多大，拍个视频给我看”，已拉黑',
    'Condom broke last night, how long do I have to take the morning-after pill?',
    '同房后多久吃紧急避孕药最有效？',
    '产后半年同房还是疼，正常吗？需要看妇科吗',
    'Vaginal dryness after menopause making sex painful, what can help?',
    'Viagra needs a prescription in most countries; don\'t buy it from random sellers online',
    '医生给我开了西地那非，第一次吃需要注意什么？',
    '药剂师提醒：服用曲马多期间不要喝酒，也别和安眠药一起吃',
    'Pharmacist here: never mix oxycodone with alcohol or benzodiazepines',
    'gay guy here, how often should I get tested for STIs if I\'m on PrEP?',
    '男男性行为人群可以去疾控中心免费领PrEP吗？',
    'Which lube is safe with latex condoms? Asking before my first time',
    '避孕套过期了还能用吗？',
    '女童夏款连衣裙 120码 身高115-125 胸围60 女儿穿过一次 洗干净了',
    'Girls\' party dress, size 5, chest 56cm, my daughter wore it to one wedding, dry cleaned',
    'Could you check the waist on the size 8 swim shorts? My son is skinny for his age',
    '亲，这条儿童泳裤腰围多少？我儿子7岁比较瘦',
    '我女儿今年脚长得太快了，夏天的凉鞋全都穿不下了',
    'My son\'s feet went up two sizes since spring, selling his old trainers, UK 12',
    '生日快乐我的小侄女，今天满10岁啦🎂',
    'Happy 13th to my baby girl, can\'t believe she\'s a teenager! 🎉',
    '亲，这个宝贝还有吗？能小刀一下不',
    '宝贝收到了，亲的包装很用心，好评',
    '亲，帮我砍一刀呗，差一点就免费拿了',
    'no lowballers, price is firm, collection only from my place',
    '万圣节鬼屋门票两张，漆黑鬼屋主题，胆小勿入',
    'Essex girl here, just moved to Sussex, any good cocktail bars?',
    '老家在鸡西，同城自提，不包邮',
    'Charles Dickens box set, 12 hardbacks, collection in Cockermouth',
    '麻烦寄到：成都市武侯区天府大道北段1700号2栋1单元1803，刘先生，13882156739',
    'Ship it to me at 9 Orchard Close, Leeds LS6 2AB please, mobile 07700 900456',
    '我搬家了，以后寄到杭州市滨江区江南大道3588号，电话18857112345',
    'Moved house! new delivery address is 12 Rose Street, Edinburgh EH2 2PR, same phone number',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 40 harmful look-alikes stay caught (the same words as the writer\'s own)', () => {
  const withModel = createDefaultEngine();
  it.each([
    ['I know where you live, 9 Orchard Close. Sleep with one eye open.', 'threat', 'block'],
    ['send close-ups of your son\'s feet, I pay well', 'sexual_minor', 'block'],
    ['你这个废物怎么还不去死', 'insult', 'block'],
    ['kill yourself, nobody would miss you', 'threat', 'block'],
    ['出原味内裤，穿了三天没洗，私聊', 'prohibited_listing', 'block'],
    ['send nudes or I\'ll post your address', 'sexual_harassment', 'block'],
    ['黑鬼滚回非洲', 'hate', 'block'],
    ['monkeys go home 🐒🐒 this chat is ours now', 'hate', 'block'],
    ['不陪客户喝就别想转正，自己掂量', 'sexual_harassment', 'block'],
    ['你女儿的脚多大，拍个视频给我看', 'sexual_minor', 'block'],
    ['tranny freak, get off the internet', 'hate', 'block'],
    ['加我微信私下交易，便宜五十', 'contact_offplatform', 'hold'],
    ['oxy 30s available, no script needed', 'prohibited_listing', 'block'],
    ['drink up or don\'t come back Monday, the client likes girls who drink', 'sexual_harassment', 'block'],
    ['you useless bitch, nobody wants you here', 'insult', 'hold'],
    ['customs seized my last batch, new vapes in stock, dm me', 'prohibited_listing', 'block'],
    ['药剂师说不用处方，曲马多现货私聊', 'prohibited_listing', 'block'],
    ['every teacher at that school is a groomer, groomers everywhere', 'hate', 'hold'],
  ])('%s → %s (%s)', screensAs(withModel));
});

// left (round 40)
describe('round 40 left', () => {
  it.todo("'明天去你店里找你，你跑不掉的' is held, not blocked (a visit to the reader's shop + 跑不掉 is no listed threat pair)");
  it.todo("'你敢去反映试试，年终奖别想要了' and '你要是敢去反映，明天就不用来了' are allowed (before this round too: a dare over a report with a job loss finds no threat rule)");
  it.todo("a cue and the writer's own abuse in one sentence: 'Explainer: you should kys', 'the trolls keep spamming, so here is mine: kill yourself' are allowed (a context cue reaches its whole sentence)");
});

describe('round 41 (hate, insult, contact_offplatform, prohibited_listing: the dev sets\' lines said another way — another platform, word order or evasion of the same class: mixed language, pinyin initials, emoji, full width, leet)', () => {
  const withModel = createDefaultEngine();
  it.each([
    ['收小学生 worn 袜子，不要洗的，pay 走 WeChat', ['sexual_minor', 'contact_offplatform'], 'block'],
    ['want ur daughter\'s 穿过的 socks, no wash, 加我 wx 付款', ['sexual_minor', 'contact_offplatform'], 'block'],
    ['又一个 lesbian 主播，恶心，全都去死', ['hate', 'threat'], 'block'],
    ['gay 佬主播又开播了，都去死吧', ['hate', 'threat'], 'block'],
    ['tranny 人妖 get out of 直播间', ['hate'], 'block'],
    ['人妖 streamer 滚出去 lol', ['hate'], 'block'],
    ['又来个sjl主播，恶心死了', ['hate'], 'block'],
    ['sjl都滚出我的直播间', ['hate'], 'block'],
    ['hg主播又来了，一股味', ['hate'], 'block'],
    ['直播间全是hg，恶心', ['hate'], 'block'],
    ['hgui 滚出直播间', ['hate'], 'block'],
    ['hgui都滚回非洲', ['hate'], 'block'],
    ['那些 Muslims 全是 terrorists，别让他们进我们小区', ['hate'], 'block'],
    ['小区里这些 Muslims 都是恐怖分子, kick them all out', ['hate'], 'block'],
    ['gay佬都有艾滋，离我远点🤢', ['hate'], 'block'],
    ['gay 佬 = AIDS，别靠近', ['hate'], 'block'],
    ['ch!nks brought the virus, 滚回去', ['hate'], 'block'],
    ['这些 chinks 传病毒，滚出我们国家', ['hate'], 'block'],
    ['n1gg4s dont belong on this stream, go pick cotton', ['hate'], 'block'],
    ['n!gg3rs go back to picking cotton lol', ['hate'], 'block'],
    ['c00ns shouldnt be allowed on twitch', ['hate'], 'block'],
    ['another c00n streamer, get off the platform', ['hate'], 'block'],
    ['tr4nny streamer lol, just a dude in a dress', ['hate'], 'block'],
    ['spotted a tr@nny in chat, thats a man in a skirt', ['hate'], 'block'],
    ['l3sb0s are just confused girls, ur kind is a disease', ['hate'], 'block'],
    ['ur kind r a disease, g4ys r just confused', ['hate'], 'block'],
    ['sp!c go back to mexico', ['hate'], 'block'],
    ['another sp1c in the lobby, go back over the wall', ['hate'], 'block'],
    ['ｃｈｉｎｋ ｇｏ ｈｏｍｅ', ['hate'], 'block'],
    ['ｇｏ ｂａｃｋ ｔｏ ｙｏｕｒ ｃｏｕｎｔｒｙ ｃｈｉｎｋ', ['hate'], 'block'],
    ['ｎｉｇｇｅｒ ｉｎ ｃｈａｔ ａｇａｉｎ', ['hate'], 'block'],
    ['ｆａｇｇｏｔ ｓｔｒｅａｍｅｒ ｓｐｏｔｔｅｄ', ['hate'], 'block'],
    ['🦍🦍 shouldnt be allowed to stream', ['hate'], 'block'],
    ['who gave the 🐒 a webcam lol go back to the jungle', ['hate'], 'block'],
    ['this stream smells like a zoo 🐒🍌', ['hate'], 'block'],
    ['直播间像动物园，🐒滚回非洲', ['hate'], 'block'],
    ['🏳️‍🌈 = 🤮 hang every gay', ['hate', 'threat'], 'block'],
    ['🏳️‍⚧️ = 🤡 all trannies deserve the rope', ['hate', 'threat'], 'block'],
    ['sb瘸子别出来丢人', ['hate', 'insult'], 'block'],
    ['残废sb别出来恶心人', ['hate', 'insult'], 'block'],
    ['dzy 一次性 现货 葡萄味', ['prohibited_listing'], 'block'],
    ['出dzy烟杆+烟弹，口味齐全', ['prohibited_listing'], 'block'],
    ['出yw内裤，穿两天的', ['prohibited_listing'], 'block'],
    ['sw丝袜，yw可定制天数', ['prohibited_listing'], 'block'],
    ['🚬 整条芙蓉王，价格私聊', ['prohibited_listing'], 'block'],
    ['🚬🚬 Marlboro cartons cheap, dm', ['prohibited_listing'], 'block'],
    ['❄️ 💊 same day drop, cash', ['prohibited_listing'], 'block'],
    ['❄️❄️ 和 💊 都有，同城当天送', ['prohibited_listing'], 'block'],
    ['🍃 and 🍄 in stock, dm for the menu', ['prohibited_listing'], 'block'],
    ['🍃🍃 现货，私聊看菜单', ['prohibited_listing'], 'block'],
    ['ＪＵＵＬ ｐｏｄｓ 现货 一盒四颗', ['prohibited_listing'], 'block'],
    ['ＥＬＦ ＢＡＲ 一次性电子烟 批发', ['prohibited_listing'], 'block'],
    ['ＣＩＡＬＩＳ 免处方 包邮', ['prohibited_listing'], 'block'],
    ['ｖｉａｇｒａ no prescription needed, ship today', ['prohibited_listing'], 'block'],
    ['c0k3 1g 90, pure', ['prohibited_listing'], 'block'],
    ['m3th 0.5g quick drop', ['prohibited_listing'], 'block'],
    ['xan4x bars, n0 rx', ['prohibited_listing'], 'block'],
    ['v4l1um 10mg no scr1pt needed', ['prohibited_listing'], 'block'],
    ['j00l p0ds wholesale, no age check', ['prohibited_listing'], 'block'],
    ['v4p3 carts 1n st0ck, no ID', ['prohibited_listing'], 'block'],
    ['全新 Elf Bar 出，包邮', ['prohibited_listing'], 'block'],
    ['vape 烟弹 selling cheap, 包邮', ['prohibited_listing'], 'block'],
    ['原味 panties，worn 3 days，现发', ['prohibited_listing'], 'block'],
    ['worn stockings 原味 可定制', ['prohibited_listing'], 'block'],
    ['Cialis 希爱力 no prescription 直邮', ['prohibited_listing'], 'block'],
    ['伟哥 viagra 不用处方 同城送', ['prohibited_listing'], 'block'],
    ['🍵妹妹可上门，全套1000，包夜另算', ['prohibited_listing'], 'block'],
    ['outcall 🍑 妹子 800一次', ['prohibited_listing'], 'block'],
    ['vx：shop2026，加的时候备注闲鱼', ['contact_offplatform'], 'hold'],
    ['+wx lucky888 私聊价格', ['contact_offplatform'], 'hold'],
    ['v我细聊 vx同号', ['contact_offplatform'], 'hold'],
    ['+vx 聊，手机同号', ['contact_offplatform'], 'hold'],
    ['加v看全部视频', ['contact_offplatform'], 'hold'],
    ['完整版+V领取', ['contact_offplatform'], 'hold'],
    ['加🐧 28473651 私聊', ['contact_offplatform'], 'hold'],
    ['🐧：9938271 这里不方便说', ['contact_offplatform'], 'hold'],
    ['v💚：shop_99 加了便宜点', ['contact_offplatform'], 'hold'],
    ['威❤️ mm6688，私下交易', ['contact_offplatform'], 'hold'],
    ['✈️：@cheap_deals 联系我', ['contact_offplatform'], 'hold'],
    ['加飞机 @deal88 更便宜', ['contact_offplatform'], 'hold'],
    ['➕🟢💬 便宜点', ['contact_offplatform'], 'hold'],
    ['🟢💬 加我 abc123', ['contact_offplatform'], 'hold'],
    ['ＶＸ：ｓｈｏｐ８８ 私聊', ['contact_offplatform'], 'hold'],
    ['加我 ＱＱ：２８４７３６５１９', ['contact_offplatform'], 'hold'],
    ['ａｄｄ ｍｅ ｏｎ ＷｅＣｈａｔ， cheaper', ['contact_offplatform'], 'hold'],
    ['加我 ＴｅｌｅｇｒａＭ @ｓｈｏｐ', ['contact_offplatform'], 'hold'],
    ['ｊｏｉｎ ｍｙ ｔｅｌｅｇｒａｍ, link in bio', ['contact_offplatform'], 'hold'],
    ['ｔｅｌｅｇｒａｍ channel in bio, signals daily', ['contact_offplatform'], 'hold'],
    ['wh@tsapp me, ch34p3r 0ff the app', ['contact_offplatform'], 'hold'],
    ['msg m3 0n t3l3gr4m, p4y th3r3', ['contact_offplatform'], 'hold'],
    ['add m3 on sn@pchat, same name', ['contact_offplatform'], 'hold'],
    ['sn4p m3 @kayla99', ['contact_offplatform'], 'hold'],
    ['dm m3 0n 1nsta @shop, better price there', ['contact_offplatform'], 'hold'],
    ['f0ll0w my 1g @v1nt4ge and dm, cheaper', ['contact_offplatform'], 'hold'],
    ['add 我 WhatsApp，cheaper 一点', ['contact_offplatform'], 'hold'],
    ['我们 WhatsApp 聊吧，平台 too slow', ['contact_offplatform'], 'hold'],
    ['直接 Alipay 转我，skip the fee', ['contact_offplatform'], 'hold'],
    ['pay me by 微信 directly，不走平台', ['contact_offplatform'], 'hold'],
    ['直接 bank transfer 给我，平台抽成太高', ['contact_offplatform'], 'hold'],
    ['PayPal friends and family 转我，平台手续费省了', ['contact_offplatform'], 'hold'],
    ['付款走 vx，platform fee 省了', ['contact_offplatform'], 'hold'],
    ['pay through the 🟢 app 更便宜', ['contact_offplatform'], 'hold'],
    ['nmsl 垃圾卖家', ['insult'], 'hold'],
    ['垃圾主播 nmsl', ['insult'], 'hold'],
    ['cnm，退钱', ['insult'], 'hold'],
    ['滚吧 cnm 傻叉卖家', ['insult'], 'hold'],
    ['这主播是sb吧，菜成这样还开播', ['insult'], 'hold'],
    ['sb 店主，货发错了还嘴硬', ['insult'], 'hold'],
    ['sb主播 玩得跟shi一样', ['insult'], 'hold'],
    ['滚吧ＳＢ卖家', ['insult'], 'hold'],
    ['ＮＭＳＬ 垃圾主播', ['insult'], 'hold'],
    ['ｓｔｕｐｉｄ ｓｅｌｌｅｒ', ['insult'], 'hold'],
    ['ｙｏｕ ｍｏｒｏｎ', ['insult'], 'hold'],
    ['u r a w0rthless m0r0n', ['insult'], 'hold'],
    ['ur such a br41nd34d 1d10t', ['insult'], 'hold'],
    ['w4nk3r seller, l0s3r', ['insult'], 'hold'],
    ['ur a l0s3r and a w@nker', ['insult'], 'hold'],
    ['dumb b1tch cant even pack a box', ['insult'], 'hold'],
    ['st00pid b!tch lost my parcel', ['insult'], 'hold'],
    ['seller is a 🤡 and a 🐷', ['insult'], 'hold'],
    ['你就是个🤡🗑️', ['insult'], 'hold'],
    ['卖家你🐴没了', ['insult'], 'hold'],
    ['主播你🐎死了', ['insult'], 'hold'],
    ['这个 seller 是个 moron，傻叉', ['insult'], 'hold'],
    ['you\'re a 傻逼 loser', ['insult'], 'hold'],
    ['主播就是个 idiot，脑残', ['insult'], 'hold'],
    ['this seller 脑残 lol, such an idiot', ['insult'], 'hold'],
    ['你这个 loser 主播', ['insult'], 'hold'],
    ['loser 店主 滚', ['insult'], 'hold'],
    ['nmsl，赶紧qs', ['threat', 'insult'], 'block'],
    ['sb，去qs吧', ['threat', 'insult'], 'block'],
    ['k1ll urs3lf l0s3r', ['threat', 'insult'], 'block'],
    ['kys l0ser, nobody wants u', ['threat', 'insult'], 'block'],
  ] as [string, string[], string][])('%s → %j (%s)', screensWith(withModel));
});

describe('round 41 look-alikes stay allowed (brand merchandise, a tea menu, an emoji used for itself, a group named kindly, a flight, slang letters asked about)', () => {
  const withModel = createDefaultEngine();
  it.each([
    'yyds 这家店发货真快',
    'sb dunk low 42码 全新',
    '🚬 no smoking sign for the shop door, acrylic',
    '❄️ snow globe for kids, 🎄 decoration',
    '🍃 matcha powder 100g, organic',
    'ｓｔｕｐｉｄ ｅａｓｙ ｒｅｃｉｐｅ， ｔｒｙ ｉｔ',
    '我在平台上付款了，请查收',
    '原味瓜子 五香味 一斤装',
    '出 nike 袜子 全新 未拆',
    'h4ck3r themed t-shirt, l33t edition',
    'that coonhound puppy is adorable',
    'my 🏳️‍🌈 pin collection for pride month',
    'gay 朋友推荐的餐厅很好吃',
    '我们小区有很多 Muslims 邻居，人都很好',
    'Marlboro 烟灰缸 古董 收藏',
    '✈️ 机票改签了，明天到',
    '请在平台内沟通，不要加微信，小心被骗',
    'Marlboro ashtray vintage, collectible',
    '🍃 夏季新品茶饮上市，欢迎看菜单',
    '这家臭豆腐有股味，hg 同学都说好吃',
    'lesbian couple next door are lovely',
    '加飞机模型群 @航模爱好者',
    '飞机 @北京首都机场 延误了',
    'no age check needed for the carts at the golf club',
    'coffee pods, no idea why they sell so fast',
    '买了1g流量包，2g 内存条 出',
    'dzy 是什么意思',
    '➕ 关注主播 🟢 按钮',
    '便宜点吧 v领毛衣',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// left (round 41): a zoo visit, a tea menu, disability words said kindly — fixed in round 43 (below)

// Round 43: older rules' false positives left as it.todo by rounds 35, 38, 39 and 41, fixed as families in rules data
// (term allow lists, narrower groups, context rules in rules/context.yaml: zoo_visit, own_outfit_question,
// adult_age_stated, camera_at_an_object, surprise_for_a_child, parent_school_choice, workplace_policy, game_kill_talk;
// social_visit and child_safety_education take more cues). Each fix has a harmful look-alike below that stays caught.
describe('round 43 (older rules\' false positives stay allowed)', () => {
  const withModel = createDefaultEngine();
  it.each([
    'the 🐒 at the zoo was so cute today 🍌',
    'monkeys on twitch? lol the zoo cam stream is on twitch',
    '🍃 new summer tea menu is out',
    '瘸子也能跑马拉松，别小看人',
    '聋子和哑巴都可以来参加手语班',
    '你儿子生日那天我过去看看他，别告诉你老公，给他个惊喜',
    '你儿子读四年级，明天放学我去接他',
    '明天她放学我去接她',
    'What heels should I wear to the client pitch? the short skirt or trousers',
    'how old are you now, 40? your body is still amazing',
    'Grab drinks just the two of us after the client call? my promotion came through!',
    '镜头往下一点，看不到锅里的菜了，送你个礼物',
    "Parents: don't share which school your kids go to online; strangers can use it to find them.",
    '老同学，你现在住哪个小区？下周回老家去你家坐坐',
    '公司规定：任何人不得以绩效或转正要挟员工陪酒',
    '这局对面五个全被我们杀光了哈哈',
    '你女儿在哪个学校读书？我们家孩子明年也想报那个学校',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

describe('round 43 harmful look-alikes stay caught (the target, the condition, the body, the school or the meeting added)', () => {
  const withModel = createDefaultEngine();
  it.each([
    '🐒🍌 go back to the zoo',
    'this streamer belongs at the zoo 🐒🍌',
    'monkeys on twitch? black streamer, zoo cam material 🐒',
    '🍃🍃 menu dm me',
    '瘸子也能当主播？sb瘸子别出来丢人',
    '你女儿几点放学？我去接她',
    '小妹妹放学别走，哥哥去校门口接你',
    'ni nv er zai na ge xiao xue shang xue? fang xue wo qu jie ta, gei ta pai dian si mi zhao',
    'What should I wear? you wear the short skirt and heels, the client likes legs',
    'how old are you? 13? show me your legs',
    'how old are you now, 40? or 14? turn the camera down',
    'drink with the client tonight or forget your promotion',
    '镜头往下一点，看不到锅里的菜了，让我看看腿，送你个礼物',
    '主播镜头往下移一点，刷十个火箭',
    '你儿子生日那天我去学校接他，别告诉你老公，给他个惊喜',
    '别告诉你老公，你女儿放学我去接她，我们的秘密',
    "Parents: don't share which school your kids go to online. tell me which school, I'll pick them up",
    '公司规定：新员工不得拒绝陪酒',
    '今晚陪李总喝几杯，不得拒绝陪酒',
    '这局打完，把黑人都杀光',
    '你女儿在哪个学校读书？我们家孩子也想报那个学校，我去校门口接她一起玩',
    '你女儿在哪个学校？放学我去接她',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('block');
  });
});

// Round 42: round 38's leftovers (doxxing and threat paraphrases of the dev sets) fixed as families in rules data:
// threat.reader_address_stated (the reader's address or plate stated back with a warning only), reader_data_held takes
// the parcel's address and the reader's school, sexual_minor.child_school_to_meet, threat.kids_not_back, hate.eliminationist
// takes 'every gay' and leet mus1ims, coerced_drinking takes the job lost as pressure, knows_route takes 一清二楚 and the
// office door, and other warnings; context ordeal_hyperbole no longer excuses 'be a pity if'.
describe('round 42 (round 38 left: the dev sets\' doxxing and threat lines said another way, with every label their writers give)', () => {
  const withModel = createDefaultEngine();
  it.each([
    ['你家就在阳光花园5栋吧，晚上回家注意点', ['threat', 'doxxing'], 'block'],
    ["I know you're at 9 Birch Road, flat 2. I'll be outside when you get back tonight.", ['threat', 'doxxing'], 'block'],
    ['That grey Golf, plate LK21 XMP, outside 7 Mill Close every night? Sweet dreams.', ['threat', 'doxxing'], 'block'],
    ['你快递上的地址我早就存好了，哪天路过去看看你', ['threat', 'doxxing'], 'block'],
    ['Your dad lives by himself on Station Road, right? Be a pity if he fell down the stairs.', ['threat', 'doxxing'], 'block'],
    ['bro 再举报我 我就去你学校堵你, 你读哪个学校我知道', ['threat', 'doxxing'], 'block'],
    ['你儿子是在实验小学吧？书包上有校名，哪天放学我去找他玩', ['sexual_minor', 'doxxing'], 'block'], // passing since round 39
    ['这个小学生主播好可爱，在哪上学呀，哥哥去校门口接你', ['sexual_minor', 'doxxing'], 'block'],
    ['妳兒子在哪間小學？我想去學校找他', ['sexual_minor', 'doxxing'], 'block'],
    ['burn every gay in this chat', ['hate', 'threat'], 'block'],
    ['g4s 4ll th3 mus1ims', ['hate', 'threat'], 'block'],
    ['今晚陪李总喝几杯，不喝的话下周就不用来了', ['sexual_harassment', 'threat'], 'block'],
    ['這杯不乾就是不給王總面子，年終獎你自己想想', ['sexual_harassment', 'threat'], 'block'],
    ['你每天几点下班、从哪个门出来我都一清二楚', ['threat'], 'block'],
    ["we're gonna make sure this is your final stream. check your front door tonight 🙂", ['threat'], 'block'],
    ['别以为换了店名我就找不到你，你以前那个店叫小鹿杂货铺对吧', ['threat'], 'block'],
    ['hope a bus hits you on your way home. could be me driving it', ['threat'], 'block'],
    ['I know which city you stream from. see you around 🙂', ['threat'], 'block'],
    ['晚上出门小心点，走路记得多回头看看', ['threat'], 'block'],
    ["Nice kids. Would be awful if they didn't make it back from school one day.", ['threat'], 'block'],
    ['我天天在你们公司楼下看着你，你几点走我都知道', ['threat'], 'block'],
    ["keep running your mouth and you'll end up in a ditch somewhere", ['threat'], 'block'],
    ['found her job: she works nights at the Lidl on King St', ['doxxing'], 'hold'],
    ["I'll post your real name and your workplace in every group unless you take that review down", ['doxxing'], 'hold'],
    ['Found him: works at the Costa on High St, early shift 6-2, cycles home', ['doxxing'], 'hold'],
  ] as [string, string[], string][])('%s → %j (%s)', screensWith(withModel));
});

describe('round 42 look-alikes stay allowed (written while fixing: the new terms in innocent lines)', () => {
  const withModel = createDefaultEngine();
  it.each([
    'Nice kids! would be awful if the rain ruined their school trip',
    'found her a new job: she works nights at the hospital now, so proud',
    "keep talking, you'll regret missing this deal lol",
    '老师在哪个学校？我想去学校找他',
    '我天天在你们公司楼下等你下班一起吃饭',
    'hope a bus comes soon, freezing here',
    "I'll post your review in every group chat, thanks so much!",
    'check your front door, the parcel is there',
    'see you around 🙂 thanks for stopping by the stream',
    '我的快递上的地址写错了，你帮我改一下',
    '你读哪个学校？我知道那个学校，环境很好',
    '换了店名我都没找到你，新店在哪',
  ])('%s', (text) => {
    const r = withModel.screen({ text });
    expect(r.verdict, JSON.stringify(r.evidence)).toBe('allow');
  });
});

// left (round 42): 'saw ur car in the lot, love the colour. blue really suits u' names no menace a rule can read;
// '她家地址我在公司系统里看到了，谁顺路去拜访一下' is blocked as a threat (address_menace) where the dev sets hold it as doxxing
