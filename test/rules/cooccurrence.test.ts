/**
 * rules/cooccurrence.yaml: every rule fires when one term of each group is present, and does not fire when
 * any one group is missing. The texts are built from the rule's own data, so a new rule is covered as soon
 * as it is written; a few hand-written cases check real phrasings and the window.
 */
import { describe, expect, it } from 'vitest';
import { cooccurrenceDetector } from '../../src/detect/cooccurrence.ts';
import { loadRuleSet } from '../../src/detect/rule-files.ts';
import type { CooccurrenceRule } from '../../src/detect/rules-schema.ts';
import type { ScreenDoc } from '../../src/detect/types.ts';
import { normalize } from '../../src/normalize/pipeline.ts';

const rules = loadRuleSet().cooccurrence;
const detector = cooccurrenceDetector(rules);

function doc(text: string, rule?: CooccurrenceRule): ScreenDoc {
  return {
    original: text,
    normalized: normalize(text),
    lang: 'mixed',
    kind: rule?.kinds?.[0] ?? 'message',
    ...(rule?.surfaces?.[0] ? { surface: rule.surfaces[0] } : {}),
  };
}

function fires(rule: CooccurrenceRule, text: string): boolean {
  return detector.detect(doc(text, rule)).some((f) => f.rule === `cooc:${rule.id}`);
}

/**
 * One term per group such that all groups together fire and every text with one group left out does not
 * (a term of one group may contain a term of another, so a few combinations are tried).
 */
function witness(rule: CooccurrenceRule): { full: string; missing: Record<string, string> } | null {
  const names = Object.keys(rule.groups);
  for (let k = 0; k < 12; k++) {
    const pick = names.map((n) => {
      const terms = rule.groups[n] ?? [];
      return terms[(k * (names.indexOf(n) + 1)) % terms.length]?.term ?? '';
    });
    const full = pick.join(' ');
    if (!fires(rule, full)) continue;
    const missing: Record<string, string> = {};
    let ok = true;
    names.forEach((n, i) => {
      const text = pick.filter((_, j) => j !== i).join(' ');
      missing[n] = text;
      if (fires(rule, text)) ok = false;
    });
    if (ok) return { full, missing };
  }
  return null;
}

describe.each(rules.map((r) => [r.id, r] as const))('co-occurrence %s', (_id, rule) => {
  const w = witness(rule);

  it('fires with every group present, and not with any one group missing', () => {
    expect(w, `no term per group makes ${rule.id} fire alone (check its groups)`).not.toBeNull();
    if (!w) return;
    const found = detector.detect(doc(w.full, rule)).filter((f) => f.rule === `cooc:${rule.id}`);
    expect(found.length).toBe(Object.keys(rule.groups).length);
    expect(found.every((f) => f.label === rule.label && f.severity === rule.severity)).toBe(true);
    for (const [group, text] of Object.entries(w.missing)) expect(fires(rule, text), `fires without group "${group}": ${text}`).toBe(false);
  });

  it('gives evidence spans inside the original text', () => {
    if (!w) return;
    for (const f of detector.detect(doc(w.full, rule))) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeGreaterThanOrEqual(f.start);
      expect(f.end).toBeLessThanOrEqual(w.full.length);
    }
  });
});

describe('co-occurrence on real phrasings', () => {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const rule = (id: string): CooccurrenceRule => {
    const r = byId.get(id);
    if (!r) throw new Error(`no rule ${id}`);
    return r;
  };

  it.each([
    ['sexual_minor.child_body_request', '能不能拍个视频，让你闺女光脚走两步'],
    ['sexual_minor.child_body_request', 'send me 你女儿的 jiaoya zhaopian pls'],
    ['sexual_minor.child_body_request', 'your little girl 👧 + her 🦶🦶 on video'],
    ['sexual_minor.child_worn_item', 'ni nver chuan guo de wazi hai you ma, mei xi de na zhong'],
    ['sexual_minor.school_question', 'Which 学校 does your 女儿 go to?'],
    ['threat.family_menace', 'your kids walk home alone, shame if something happened to them'],
    ['threat.go_die', '去死死死死死吧'],
    ['sexual_harassment.coerced_drinking', '客户让你喝你就喝，别装清纯'],
    ['sexual_harassment.dismissing_groping', 'Just laugh it off when he puts his hand on your knee'],
    ['hate.group_dehumanising', '穆斯林都是恐怖分子'],
    ['prohibited_listing.drug_sale', '🍃 zaza for sale, local drop off'],
    ['doxxing.probe', '谁有这个女主播的真实姓名？悬赏500'],
    ['contact_offplatform.add_me_on', '加我🐧 12345678'],
    ['sexual_minor.child_private_shoot', '你家小姑娘能单独来拍写真吗，不用家长陪'],
    ['sexual_minor.child_private_shoot', 'can I do a private photoshoot with your little girl? no parents needed'],
    ['sexual_minor.child_revealing_wear_request', '让你女儿穿上比基尼拍个视频给我'],
    ['sexual_minor.child_revealing_wear_request', 'send me pics of your kid in the bikini'],
    ['sexual_minor.grooming_secret_request', '别告诉你妈妈我们聊天，发张自拍给叔叔看看'],
    ['sexual_minor.grooming_age_secret', 'how old are you? this is our secret ok'],
    ['sexual_minor.child_direct_contact', '能不能让你女儿加我，我单独跟她聊'],
    ['sexual_minor.child_worn_longer', "I'd pay double if she wears them for a week first"],
    ['sexual_harassment.body_remark', '你胸多大？什么罩杯？'],
    ['sexual_harassment.body_remark', 'your boobs look huge in that pic'],
    ['sexual_harassment.undressed_photo', 'send a photo without your bra'],
    ['sexual_harassment.intimate_wear_of_you', 'I\'ll pay extra for a video of you trying on the underwear'],
    ['sexual_harassment.intimate_wear_of_you', '便宜10块，发个你穿这套内衣的视频'],
    ['sexual_harassment.sexy_media_request', '发点性感照片给哥哥看看'],
    ['sexual_harassment.undress_for_gifts', '再脱一件我给你刷礼物'],
    ['sexual_harassment.undress_for_gifts', "take your top off and I'll donate 50"],
    ['sexual_harassment.flirt_body_single', "you're so cute, got a boyfriend?"],
    ['threat.career_ruin', '敢投诉我，我让你在公司待不下去'],
    ['threat.career_ruin', "I'll ruin your career if you tell anyone"],
    ['threat.parcel_address_visit', 'I know your address from the shipping label, maybe I\'ll stop by tonight'],
    ['threat.parcel_address_visit', '包裹上有你的地址，改天我亲自上门聊聊'],
    ['threat.death_wish', '希望你出门被车撞死'],
    ['threat.death_wish', 'I hope you get cancer and die'],
    ['threat.first_person_violence', "I'm going to find you and hurt you"],
    ['threat.urging_suicide', 'do the world a favor and end it'],
    ['hate.eliminationist', 'muslims should all be deported, round them up'],
    ['hate.go_back', 'go back where you came from'],
    ['hate.slur_adjective_group', 'dirty immigrants ruining everything'],
    ['hate.smell_stereotype', '黑叔叔主播真臭'],
    ['prohibited_listing.drug_emoji_menu', '🍃💊 party packs available hmu'],
    ['prohibited_listing.prescription_without_script', 'little blue pills for sale, no script needed'],
    ['doxxing.offer_info', '她家地址我有，谁要私我'],
    ['doxxing.expose_to_contacts', "i'll send the screenshots to his boss"],
    // round 3 (dev2 families): euphemistic harassment, menace by knowledge, regional wording
    ['sexual_harassment.night_thinking_of_me', '這麼晚了還不睡，在想我嗎'],
    ['sexual_harassment.better_without_clothes', "you'd look so much better without that shirt"],
    ['sexual_harassment.partner_away', 'when your husband is away I could come over and keep you company'],
    ['sexual_harassment.saw_you_outfit', 'saw you at the park yesterday, that skirt 👀'],
    ['sexual_harassment.price_for_night', 'eh girl, your legs damn shiok leh, how much one night?'],
    ['threat.saw_your_things', "I've seen your car outside, nice colour"],
    ['threat.knows_whereabouts', '你小心啲，我知你個仔喺邊度返學'],
    ['threat.knows_whereabouts', '你删了我好友也没用，你每天几点下班、走哪条路我都清楚'],
    ['threat.send_people', '明天我带人去他家门口泼油漆'],
    ['sexual_minor.child_revealing_photo', 'send a pic of your son in his swim trunks, just him'],
    ['sexual_minor.age_then_body', 'how old r u? 13? turn the camera down a bit, show ur legs'],
    ['sexual_minor.stranger_meets_child', '小妹妹几年级了呀？在哪个学校上学，放学哥哥去接你好不好'],
    ['doxxing.publish_threat', '她的身份证号我存好了，再不道歉就发到网上'],
    ['contact_offplatform.pay_direct', 'just paynow me directly, save the app fee'],
    ['prohibited_listing.cigarettes_en', 'got ciggies from JB, cheaper than 7-11, can meet at MRT'],
    ['threat.demand_address', 'drop your addy or we\'ll find it ourselves'],
    ['threat.demand_address', '主播一個人住？地址俾我'],
    ['sexual_harassment.body_photo_private', '妳的腿好美，可以拍給我看嗎？只給我看'],
    ['threat.knows_whereabouts', '佢住喺旺角邊座大廈我都知，夠膽再講'],
    // round 4 (dev3 families): raids, real-world threats, streamer and workplace harassment, children's worn items
    ['hate.raid_group_dehumanising', 'w/ all due respect ur kind r a disease'],
    ['hate.raid_group_dehumanising', '🏳️‍🌈 = 🤡 every gay deserves the rope'],
    ['hate.raid_group_dehumanising', 'trannies are mentally ill lol'],
    ['hate.raid_group_dehumanising', 'b.l.a.c.k.s a.r.e s.u.b.h.u.m.a.n'], // the normalizer now ends a spaced word where the gaps change
    ['hate.raid_group_dehumanising', 'b l a c k s  a r e  a n i m a l s'],
    ['hate.apes_online', 'monkeys shouldnt have internet access 🦍'],
    ['hate.women_dont_belong', '你这种女的就不适合做技术，回家带孩子吧'],
    ['hate.women_dont_belong', 'females shouldnt be allowed to play ranked'],
    ['hate.disabled_excluded', '那个残疾的别让他上年会，影响公司形象'],
    ['threat.real_world_violence', 'u r d3ad when i find u irl'],
    ['threat.real_world_violence', 'gonna find you after stream and put a bullet in you'],
    ['threat.know_your_city', '我知道你在哪个城市直播，等着'],
    ['threat.know_your_city', 'I know which city you stream from. See you soon.'],
    ['threat.outside_your_home', '我在你小区门口了，出来😊'],
    ['threat.ban_evasion_raid', '開小號也要天天來 我會一直找你'],
    ['threat.ban_evasion_raid', 'banned again? lol i have 200 more accounts, ill be back every stream until you quit'],
    ['threat.swat', 'swatting this clown tonight'],
    ['threat.weapon_emoji_target', '🔫 主播 🔫'],
    ['threat.hr_retaliation', '再去HR告我试试🔪'],
    ['sexual_harassment.gifts_for_exposure', 'flash chat for 100 bits'],
    ['sexual_harassment.gifts_for_exposure', '給我看看內衣 送你嘉年華'],
    ['sexual_harassment.see_body_parts', 'turn the cam down a bit 😏 we wanna see the b00bs'],
    ['sexual_harassment.intern_for_client', 'Bring the new intern to drinks — the pretty one. Mr. Li asked for her specifically'],
    ['sexual_harassment.career_for_room', '这个月绩效想拿A的话，晚上来我房间聊聊'],
    ['sexual_harassment.body_size_remark', '你的 x i o n g 真 大'],
    ['sexual_minor.child_unwashed_wear', "Is your girl's leotard still unwashed? I'd pay triple"],
    ['sexual_minor.child_unwashed_ask', 'ｘｉａｏ ｇｕ ｎｉａｎｇ 穿过的 kuzi 出吗 没洗的'],
    ['sexual_minor.minor_age_then_ask', 'how old r u? 13? wanna do a private show, ill send robux'],
    ['sexual_minor.private_collection', '能不能让小朋友穿上这条裙子拍几张给我，私人收藏，不外传'],
    ['sexual_minor.child_body_request', 'ｆｅｅｔ ｐｉｃｓ of your daughter in those pink sandals pls'],
    ['prohibited_listing.escort_outcall', '奶茶妹妹🍵上门，一次八百，可过夜'],
    ['prohibited_listing.cigarette_cartons', 'M a r l b o r o  R e d  cartons, duty free'],
    ['doxxing.publish_id_to_group', '再封我号我就把你身份证号发出来'],
    ['doxxing.spam_their_number', 'thats her number spam it'],
    ['contact_offplatform.plus_v', '+V 看完整版'],
    // round 5: the new families, in phrasings other than the dev sets'
    ['threat.silence_or_job', '你敢说出去，这行你就别想混了'],
    ['threat.silence_or_job', "Say a word to HR and you'll never work in this industry again"],
    ['threat.family_workplace_visit', '你女儿在二小上学吧？放学路上小心点'],
    ['threat.knows_route', '你几点下班我都清楚，别逼我'],
    ['threat.pinyin_home_menace', 'wo zhi dao ni jia zai na, ni deng zhe'],
    ['threat.you_live_at', 'u live at 5 Park Lane, see you tonight'],
    ['threat.in_person_again', 'ban me again and I show up irl'],
    ['threat.blade_slang', '信不信我锤死你'],
    ['doxxing.where_lives', 'anyone know where she lives? need the house number'],
    ['doxxing.pinyin_publish', 'ba ta de di zhi fa chu lai'],
    ['doxxing.employer_probe', 'what company does he work at irl? gonna email his boss'],
    ['doxxing.home_alone_probe', '你是一个人住吗？几点在家？'],
    ['doxxing.publish_reader_data_group', "I have your ID number, I'll post it in the group chat"],
    ['contact_offplatform.handle_label', 'vx: abc123 加我更便宜'],
    ['contact_offplatform.bio_handle', 'qq号在简介'],
    ['contact_offplatform.skip_platform_payment', '别走平台了，直接打钱到我卡上'],
    ['sexual_minor.child_sexy', 'ur little girl is so sexy, how old?'],
    ['sexual_harassment.sexy_hot_flirt', '美女你今天好性感'],
    ['sexual_harassment.gift_for_nudes', "send nudes and I'll gift you subs"],
    ['hate.group_terror_deport', '穆斯林都是恐怖分子，全部遣返'],
  ])('%s fires on %j', (id, text) => {
    expect(fires(rule(id), text)).toBe(true);
  });

  it.each([
    ['sexual_minor.child_body_request', '宝宝鞋码多少？我家孩子脚长14厘米', 'a parent giving her own child’s measurement'],
    ['sexual_minor.child_dressing_request', '照片是我女儿试穿的，尺码120', 'a parent’s own listing photo'],
    ['sexual_harassment.coerced_drinking', '饭局我不喝酒，喝茶就好', 'declining a drink'],
    ['prohibited_listing.worn_underwear_sale', '袜子穿了两天就破了，质量太差', 'a complaint, nothing for sale'],
    ['prohibited_listing.drug_slang_context', '出一盆绿萝，叶子很多，同城自提', 'a plant for sale'],
    ['doxxing.publish_your_info', "I'll post it to your address tomorrow", 'posting by mail'],
    ['sexual_harassment.night_proposition', '419元包邮，最低价', 'a price'],
    ['sexual_minor.child_private_shoot', '儿童写真套餐，家长陪同拍摄', 'a studio offer with parents present'],
    ['sexual_minor.child_private_shoot', '私房菜馆转让，小朋友都爱吃', 'a private-kitchen restaurant'],
    ['sexual_minor.child_revealing_wear_request', '儿童泳衣 3-4岁 全新 可发实拍视频', 'a parent’s listing'],
    ['sexual_harassment.body_remark', '你的胸针真好看，哪里买的', 'a brooch'],
    ['sexual_harassment.undressed_photo', '真空包装，实拍照片', 'vacuum-packed'],
    ['sexual_harassment.intimate_wear_of_you', 'can you send a photo of the lingerie laid flat?', 'a product photo'],
    ['sexual_harassment.sexy_media_request', 'can you send more photos of the sexy dress?', 'a product photo'],
    ['sexual_harassment.undress_for_gifts', '主播把外套脱了吧，看着都热', 'no payment'],
    ['threat.death_wish', 'hope your diet goes well', 'diet is not die'],
    ['threat.death_wish', 'I hope you die laughing at this', 'an idiom'],
    ['threat.parcel_address_visit', "I'll drop by your shop tomorrow to pick it up", 'no address learned from a parcel'],
    ['hate.go_back', 'go back to the main menu', 'navigation'],
    ['prohibited_listing.drug_emoji_menu', '雪地靴 ❄️ 现货 包邮', 'one emoji'],
    ['doxxing.expose_to_contacts', "I'll send her boss a thank-you card", 'nothing private to expose'],
    // round 3: innocent text sharing the new families' vocabulary
    ['threat.saw_your_things', '我看到你家楼下有个快递，帮你拿上来了', 'a neighbour'],
    ['threat.knows_whereabouts', '我知道你在哪个学校读书，我们是校友', 'alumni'],
    ['threat.knows_whereabouts', "I know what time you get off work, I'll pick you up for dinner", 'a partner'],
    ['threat.last_stream', 'check your mailbox tonight, the invite should arrive 🙂', 'an invitation'],
    ['threat.send_people', '带人去他家拜年', 'a New Year visit'],
    ['sexual_harassment.better_without_clothes', 'This dress looks better without the belt', 'styling advice'],
    ['sexual_harassment.price_for_night', 'eh girl, how much for one night at your airbnb?', 'a booking'],
    ['sexual_harassment.price_for_night', 'how much one night at this hotel?', 'hot is not hotel'],
    ['sexual_minor.child_revealing_photo', 'Your son looks so happy in his swim trunks at the pool party! Send me the pics?', 'a relative'],
    ['sexual_minor.age_then_body', 'how old are you? 13? cool, show me your lego build', 'no body, no camera'],
    ['prohibited_listing.cigarettes_en', 'ciggies are so expensive now, cheaper than 7-11 in JB', 'a complaint'],
    ['prohibited_listing.worn_short_offer', '原味薯片出，还有原味瓜子', 'snacks'],
    ['doxxing.third_party_address', '她家住在3号楼，我们是邻居', 'a neighbour'],
    ['threat.demand_address', "send me your address or else I can't ship it 🙂", 'a seller'],
    ['threat.demand_address', "what's your address? I'll find it on the map", 'directions'],
    ['sexual_harassment.body_photo_private', 'your legs look swollen, send me a pic so the nurse can check', 'medical'],
    ['sexual_harassment.body_photo_private', 'your body of work is impressive, send me your portfolio', 'a portfolio'],
    ['prohibited_listing.drug_slang_context', '有k歌房吗，懂的私聊', 'karaoke'],
    // round 4: innocent text sharing the new families' vocabulary
    ['hate.raid_group_dehumanising', "muslims shouldn't have to face this", 'solidarity'],
    ['hate.raid_joined_letters', 'blacks are welcome here', 'spaces kept'],
    ['hate.apes_online', 'the monkey exhibit at the zoo', 'a zoo visit'],
    ['hate.women_dont_belong', '孕期女人不适合做剧烈运动', 'medical advice'],
    ['hate.race_smell_seat', '黑人牙膏 去口臭 整箱出', 'a toothpaste brand'],
    ['threat.real_world_violence', 'the plants in your house are dead', 'houseplants'],
    ['threat.real_world_violence', "i'm dead after stream lol so tired", 'tired'],
    ['threat.know_your_city', '你的城市等着你来探索', 'tourism'],
    ['threat.outside_your_home', '我在你家楼下，出来吧', 'a friend'],
    ['threat.outside_your_home', '小区门口天天在修路', 'roadworks'],
    ['threat.ban_evasion_raid', 'made a new account to watch every stream!', 'a fan'],
    ['threat.swat', 'swatting flies all day', 'flies'],
    ['threat.weapon_emoji_target', '这把🔪你要吗，九成新', 'a knife listing'],
    ['threat.attendance_or_pay', '不去的话我们就走人了', 'leaving'],
    ['sexual_harassment.gifts_for_exposure', '露营礼物推荐', 'camping gifts'],
    ['sexual_harassment.see_body_parts', '想看内衣款式，有实拍吗', 'shopping'],
    ['sexual_harassment.nothing_else_photo', 'send the invoice and nothing else', 'an invoice'],
    ['sexual_harassment.hot_come_to_my_office', 'see you after 6 😉', 'a friend'],
    ['sexual_harassment.career_for_room', 'bonus for after hours work', 'overtime'],
    ['sexual_harassment.intern_for_client', '新来的实习生不错，客户很满意', 'praise'],
    ['sexual_harassment.wear_for_show', '丝袜给我看看实物', 'a buyer'],
    ['sexual_harassment.body_size_remark', '这个胸针真大', 'a brooch'],
    ['sexual_harassment.your_price_for_night', '你人在哪？这个怎么卖', 'a buyer'],
    ['sexual_minor.child_unwashed_wear', "she wore this all week, it's her favourite dress", 'a parent'],
    ['sexual_minor.child_unwashed_ask', '孩子穿过的，还没洗，介意勿拍', 'a parent’s listing'],
    ['sexual_minor.school_then_meet', '小学生放学去接', 'a parent'],
    ['sexual_minor.minor_age_then_ask', 'how old is she? feet size?', 'buying shoes'],
    ['sexual_minor.minor_age_then_ask', '孩子几岁了？皮肤过敏怎么办', 'skin'],
    ['prohibited_listing.unwashed_garment', '丝袜穿了两天就破了', 'a complaint'],
    ['prohibited_listing.cigarette_cartons', '玉溪一条街', 'a street'],
    ['prohibited_listing.escort_outcall', '上门照顾宠物可过夜', 'a pet sitter'],
    ['prohibited_listing.escort_outcall', '同城交易，妹妹的衣服', 'a sister’s clothes'],
    ['doxxing.publish_id_to_group', '照片发到群里了', 'event photos'],
    ['doxxing.publish_id_to_group', '网络安全课：不要在网上公开自己的住址', 'safety lesson'],
    ['doxxing.probe_person_data', '谁有他的电话？我联系一下', 'ordinary'],
    // round 5: innocent look-alikes of the new families
    ['threat.silence_or_job', '年底考核的流程在内网，有问题找HR', 'HR information'],
    ['threat.family_workplace_visit', '你老婆在人民医院上班？挺好的，离家近', 'small talk'],
    ['threat.knows_route', '你每天下班走哪条路？我想顺路蹭个车', 'a lift'],
    ['threat.you_live_at', 'you live at the end of the world lol', 'a joke'],
    ['threat.in_person_again', 'I deleted my old account, see you in person at the meetup', 'a friend'],
    ['threat.blade_slang', '信不信我今天做了三个菜', 'cooking'],
    ['doxxing.where_lives', 'does anyone know where the nearest post office is', 'directions'],
    ['doxxing.home_alone_probe', '发货地址写你家就行，几点在家方便收？', 'delivery'],
    ['contact_offplatform.handle_label', 'very cheap, 加购更便宜', 'a listing'],
    ['contact_offplatform.skip_platform_payment', '平台付款很方便，已下单', 'paying on the platform'],
    ['sexual_minor.child_sexy', 'your daughter is hot, maybe she has a fever', 'a fever'],
    ['sexual_harassment.sexy_hot_flirt', "it's so hot today, honey can you open the window", 'weather'],
    ['sexual_harassment.body_show_more', 'show more photos of the butt lamp please', 'a product'],
    ['sexual_harassment.wearing_underwear_photo', '性感内衣有实拍照片吗', 'a lingerie buyer'],
    ['hate.group_terror_deport', '穆斯林的斋月什么时候开始', 'a question'],
    ['prohibited_listing.ice_sale_pinyin', '同城可送，冰箱九成新', 'a fridge'],
    ['insult.horse_for_mother', '你的🐴死了，节哀', 'a pet horse'],
    ['threat.knows_route', '下班路上小心点，雨大', 'a goodbye'],
    ['sexual_minor.child_sexy', 'your kid is hot, does she have a fever? how old is she, 3?', 'a fever'],
    ['contact_offplatform.handle_label', 'v neck sweater, 加我购物车更便宜', 'a v-neck'],
    ['doxxing.relative_school_probe', "my little sister's school has a fair, which school does yours go to?", 'small talk'],
    ['sexual_harassment.gift_for_nudes', 'nude lipstick shades, gift set', 'make-up'],
  ])('%s does not fire on %j (%s)', (id, text) => {
    expect(fires(rule(id), text)).toBe(false);
  });

  it('takes the tightest set of terms: a far first mention does not hide a near later one', () => {
    const r = rule('sexual_minor.child_body_request');
    const filler = '这批衣服都很新，'.repeat(12);
    expect(fires(r, `你女儿${filler}你女儿的脚拍几张照片给我`)).toBe(true);
    expect(fires(r, `你女儿${filler}脚拍几张照片给我`)).toBe(false);
  });
});
