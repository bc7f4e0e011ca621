import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../types.ts';
import type { Finding } from '../types.ts';
import { findCnAddresses } from './address-cn.ts';
import { findEmails } from './email.ts';
import { findPiiInView, piiDetector, redact } from './index.ts';
import { findNumberPii } from './numbers.ts';
import { identityView, testDoc } from './test-doc.ts';

/** [type, excerpt of the ORIGINAL text] for every finding. */
function found(text: string, lang: Lang = 'mixed'): [string, string][] {
  return piiDetector.detect(testDoc(text, lang)).map((f) => [f.detail ?? '', text.slice(f.start, f.end)]);
}

describe('phones', () => {
  it.each([
    ['我的手机13800138000', '13800138000'],
    ['电话 138 0013 8000 谢谢', '138 0013 8000'],
    ['电话 138-0013-8000', '138-0013-8000'],
    ['+86 138 0013 8000', '+86 138 0013 8000'],
    ['+8613800138000', '+8613800138000'],
    ['0086 13800138000', '0086 13800138000'],
    ['电话：１３８００１３８０００', '１３８００１３８０００'],
    ['电话：１３８　００１３　８０００', '１３８　００１３　８０００'],
  ])('Chinese mobile in %s', (text, excerpt) => {
    expect(found(text)).toEqual([['phone_cn', excerpt]]);
  });

  it('two mobiles separated by a space are two numbers', () => {
    expect(found('13800138000 13900139000')).toEqual([
      ['phone_cn', '13800138000'],
      ['phone_cn', '13900139000'],
    ]);
  });

  it.each([
    ['座机010-12345678', '010-12345678'],
    ['(021) 6666 8888', '(021) 6666 8888'],
    ['0571-88888888转', '0571-88888888'],
    ['+86 10 6552 9988', '+86 10 6552 9988'],
  ])('Chinese landline in %s', (text, excerpt) => {
    expect(found(text, 'zh')).toEqual([['landline_cn', excerpt]]);
  });

  it.each([
    ['Call +44 20 7946 0958', '+44 20 7946 0958'],
    ['call me at (415) 555-2671', '(415) 555-2671'],
    ['my number +1 (415) 555-2671', '+1 (415) 555-2671'],
    ['+33 6 12 34 56 78 merci', '+33 6 12 34 56 78'],
    ['text 07700 900123 after 6', '07700 900123'],
    ['ring 0044 20 7946 0958', '0044 20 7946 0958'],
  ])('international number in %s', (text, excerpt) => {
    expect(found(text, 'en')).toEqual([['phone_intl', excerpt]]);
  });

  it('does not take numbers inside letters or unseparated landline-like runs', () => {
    expect(found('tracking SF13800138000X')).toEqual([]);
    expect(found('编号01012345678')).toEqual([]);
  });
});

describe('ids and cards', () => {
  it('finds an 18-character ID with X, and not one with a wrong check digit', () => {
    expect(found('身份证11010519491231002X')).toEqual([['cn_id', '11010519491231002X']]);
    expect(found('身份证 110105194912310021')).toEqual([]);
  });
  it('finds a spaced ID', () => {
    expect(found('身份证 110105 19491231 002X')).toEqual([['cn_id', '110105 19491231 002X']]);
  });
  it('finds cards with Luhn, spaced in fours, full-width', () => {
    expect(found('card 4111 1111 1111 1111')).toEqual([['bank_card', '4111 1111 1111 1111']]);
    expect(found('卡号6222021234567890128')).toEqual([['bank_card', '6222021234567890128']]);
    expect(found('卡号：４１１１－１１１１－１１１１－１１１１')).toEqual([['bank_card', '４１１１－１１１１－１１１１－１１１１']]);
  });
  it('regression: order numbers, tracking numbers, prices, dates and years are not PII', () => {
    expect(found('订单号 4111111111111111')).toEqual([]);
    expect(found('order 1234567890123456 shipped')).toEqual([]);
    expect(found('快递单号 SF1234567890123')).toEqual([]);
    expect(found('运单 773012345678901')).toEqual([]);
    expect(found('price 12.50 on 2023-12-25 at 10:30')).toEqual([]);
    expect(found('¥1380，2024年买的，1999年的款')).toEqual([]);
    expect(found('订单 20231225123456789012')).toEqual([]);
    expect(found('4111 1111 1111 1112')).toEqual([]);
    expect(found('客服 400-820-8820', 'zh')).toEqual([]); // a company hotline, not personal
    expect(found('toll free 800-555-0199', 'en')).toEqual([]);
    expect(found('商品编号 6222021234567890128')).toEqual([]);
    expect(found('工号31011519920807123X')).toEqual([]);
  });
});

describe('e-mail', () => {
  it.each([
    ['mail me: Foo.Bar@example.com', 'Foo.Bar@example.com'],
    ['邮箱12345678@qq.com谢谢', '12345678@qq.com'],
    ['foo (at) gmail (dot) com', 'foo (at) gmail (dot) com'],
    ['john at gmail dot com', 'john at gmail dot com'],
    ['ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ', 'ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ'],
  ])('in %s', (text, excerpt) => {
    expect(found(text)).toEqual([['email', excerpt]]);
  });
  it('not prose or a handle', () => {
    expect(findEmails('meet at home, dot the i')).toEqual([]);
    expect(findEmails('@everyone hi')).toEqual([]);
  });
});

describe('Chinese addresses', () => {
  it.each([
    ['上海市浦东新区张江路123号', '上海市浦东新区张江路123号'],
    ['朝阳区xx小区3栋2单元501', '朝阳区xx小区3栋2单元501'],
    ['我住在北京市朝阳区建国路88号', '北京市朝阳区建国路88号'],
    ['收货地址：杭州市西湖区文三路88号6幢302，谢谢', '杭州市西湖区文三路88号6幢302'],
    ['她家在朝阳区望京花园３栋２单元５０１', '朝阳区望京花园３栋２单元５０１'],
    ['3号楼2单元1102', '3号楼2单元1102'],
    ['上海市黄浦区南京东路', '上海市黄浦区南京东路'],
  ])('in %s', (text, excerpt) => {
    expect(found(text, 'zh')).toEqual([['address_cn', excerpt]]);
  });
  it('regression: a city and district alone, dates, floors and ordinary words are not addresses', () => {
    for (const text of ['北京市朝阳区', '5月3号 10号见', '我在二楼', '这个小区挺好的', '去市区逛街', '地铁3号线', '评论区的路人', '我们班在三楼']) {
      expect(found(text, 'zh'), text).toEqual([]);
    }
  });
  it('works over a view directly', () => {
    expect(findCnAddresses('张江路123号')).toEqual([{ type: 'address_cn', start: 0, end: 7 }]);
  });
});

describe('US and UK addresses', () => {
  it.each([
    ['1600 Pennsylvania Ave NW, Washington, DC 20500', 'address_us', '1600 Pennsylvania Ave NW, Washington, DC 20500'],
    ['Her address is 214 Oak Street, Springfield, IL 62704. Have fun', 'address_us', '214 Oak Street, Springfield, IL 62704'],
    ['ship to 12 oak st please', 'address_us', '12 oak st'],
    ['I live at 350 Fifth Avenue', 'address_us', '350 Fifth Avenue'],
    ['PO Box 1234', 'address_us', 'PO Box 1234'],
    ['221B Baker Street, London NW1 6XE', 'address_uk', '221B Baker Street, London NW1 6XE'],
    ['42 Elm Road, Leeds LS6 2AB. That', 'address_uk', '42 Elm Road, Leeds LS6 2AB'],
    ['10 Downing Street, London', 'address_uk', '10 Downing Street, London'],
    ['7 Primrose Close', 'address_uk', '7 Primrose Close'],
    ['postcode SW1A 2AA', 'address_uk', 'SW1A 2AA'],
  ])('in %s', (text, type, excerpt) => {
    expect(found(text, 'en')).toEqual([[type, excerpt]]);
  });
  it('regression: distances, counts and times are not addresses', () => {
    for (const text of ['I walked 3 miles down the road', 'it is a 2 way street', 'we have 4 lanes', 'see you at 5 on the way home', 'size m2 3ab']) {
      expect(found(text, 'en'), text).toEqual([]);
    }
  });
});

describe('spans', () => {
  it('map back to the original through invisible and full-width characters', () => {
    const text = '电话\u200b：１３８\u200b００１３８０００ ok';
    const [f] = piiDetector.detect(testDoc(text));
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe('１３８\u200b００１３８０００');
  });
  it('findPiiInView reports view positions', () => {
    expect(findPiiInView(identityView('tel 13800138000'), 'tel 13800138000')).toEqual([{ type: 'phone_cn', start: 4, end: 15 }]);
  });
  it('a number inside an e-mail is the e-mail; a number inside an address is the address', () => {
    expect(found('13800138000@qq.com')).toEqual([['email', '13800138000@qq.com']]);
    expect(found('张江路123号')).toEqual([['address_cn', '张江路123号']]);
  });
  it('every finding is pii / allow / score 1 / rule pii:<type>', () => {
    for (const f of piiDetector.detect(testDoc('13800138000 foo@bar.com 上海市浦东新区张江路123号'))) {
      expect(f).toMatchObject({ label: 'pii', severity: 'allow', score: 1, rule: `pii:${f.detail}` });
    }
  });
});

describe('redact', () => {
  it('replaces each kind with its placeholder', () => {
    const text = '电话13800138000，邮箱foo@bar.com，身份证11010519491231002X，卡4111 1111 1111 1111，地址上海市浦东新区张江路123号';
    expect(redact(text, piiDetector.detect(testDoc(text)))).toBe('电话[phone]，邮箱[email]，身份证[id]，卡[card]，地址[address]');
  });
  it('merges overlapping spans and ignores other labels', () => {
    const f = (start: number, end: number, detail: string): Finding => ({ label: 'pii', rule: `pii:${detail}`, start, end, score: 1, severity: 'allow', detail });
    expect(redact('abcdefghij', [f(1, 4, 'phone_cn'), f(3, 6, 'email')])).toBe('a[phone]ghij');
    expect(redact('abcdefghij', [{ ...f(0, 3, 'email'), label: 'insult' }])).toBe('abcdefghij');
    expect(redact('abc', [f(2, 99, 'email')])).toBe('ab[email]');
    expect(redact('abc', [])).toBe('abc');
  });
});

describe('properties', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom('1', '3', '8', ' ', '-', '+', '(', ')', 'x', '@', '.', '号', '路', '区', '栋', 'a', 'A', '\u200b', '１'), { maxLength: 80 }).map((a) => a.join('')),
  );
  it('never throws, spans lie inside the original, deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const a = piiDetector.detect(testDoc(text));
        const b = piiDetector.detect(testDoc(text));
        expect(b).toEqual(a);
        for (const f of a) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
        }
        expect(typeof redact(text, a)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
  it('number scanning is linear on long digit soup', () => {
    const soup = '1 2 3 4 5 6 7 8 9 0 '.repeat(20_000);
    const t0 = performance.now();
    findNumberPii(soup);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
