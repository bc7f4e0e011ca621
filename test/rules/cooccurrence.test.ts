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
