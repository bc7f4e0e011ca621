import { describe, expect, it } from 'vitest';
import { isBankCard, isCardGrouping, luhnValid } from './bank-card.ts';
import { cnIdCheckChar, isCnResidentId, isPlausibleBirthDate } from './cn-id.ts';
import { isCnAreaCode, isCnLandline, isCnLandlineInternational } from './landline-cn.ts';
import { isCnMobile } from './phone-cn.ts';
import { isIntlPhone, isUkNational, isUsNational } from './phone-intl.ts';

describe('isCnMobile', () => {
  it.each(['13800138000', '13912345678', '15012345678', '18600001111', '19912345678', '16612345678'])('accepts %s', (n) => {
    expect(isCnMobile(n)).toBe(true);
  });
  it.each(['12800138000', '10086', '1380013800', '138001380001', '23800138000', '1380013800x'])('rejects %s', (n) => {
    expect(isCnMobile(n)).toBe(false);
  });
});

describe('landline', () => {
  it('accepts national numbers with trunk 0', () => {
    for (const n of ['01012345678', '02166668888', '057188888888', '07551234567']) expect(isCnLandline(n)).toBe(true);
  });
  it('rejects wrong shapes', () => {
    for (const n of ['0101234', '1012345678', '00012345678', '010123456789']) expect(isCnLandline(n)).toBe(false);
  });
  it('international form drops the trunk 0', () => {
    expect(isCnLandlineInternational('1012345678')).toBe(true);
    expect(isCnLandlineInternational('01012345678')).toBe(false);
  });
  it('knows an area code set apart', () => {
    expect(isCnAreaCode('010')).toBe(true);
    expect(isCnAreaCode('0571')).toBe(true);
    expect(isCnAreaCode('0123')).toBe(false);
    expect(isCnAreaCode('10')).toBe(false);
  });
});

describe('isCnResidentId', () => {
  it('accepts the GB 11643 sample and a lower-case x', () => {
    expect(isCnResidentId('11010519491231002X')).toBe(true);
    expect(isCnResidentId('11010519491231002x')).toBe(true);
  });
  it('computes the check character', () => {
    expect(cnIdCheckChar('11010519491231002')).toBe('x');
    const body = '44030419900101123';
    expect(isCnResidentId(body + cnIdCheckChar(body))).toBe(true);
  });
  it('rejects a wrong check digit', () => {
    expect(isCnResidentId('110105194912310021')).toBe(false);
  });
  it('rejects impossible birth dates even with a matching check digit', () => {
    for (const body of ['11010519491331002', '11010519490230002', '11010518001231002', '11010530001231002']) {
      expect(isCnResidentId(body + cnIdCheckChar(body))).toBe(false);
    }
  });
  it('rejects unknown region codes and wrong lengths', () => {
    const body = '99010519491231002';
    expect(isCnResidentId(body + cnIdCheckChar(body))).toBe(false);
    expect(isCnResidentId('1101051949123100')).toBe(false);
    expect(isCnResidentId('11010519491231002XX')).toBe(false);
  });
  it('birth date plausibility', () => {
    expect(isPlausibleBirthDate('20000229')).toBe(true);
    expect(isPlausibleBirthDate('19000229')).toBe(false);
    expect(isPlausibleBirthDate('20991231', new Date(Date.UTC(2025, 0, 1)))).toBe(false);
  });
});

describe('bank cards', () => {
  it('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('12a4')).toBe(false);
  });
  it.each(['4111111111111111', '5500005555555559', '378282246310005', '6222021234567890128', '6011111111111117', '3530111333300000'])('accepts %s', (n) => {
    expect(isBankCard(n)).toBe(true);
  });
  it('rejects Luhn failures, non-card prefixes, placeholders and wrong lengths', () => {
    expect(isBankCard('4111111111111112')).toBe(false);
    expect(isBankCard('1234567890123452')).toBe(false); // starts with 1: an order number
    expect(isBankCard('0000000000000000')).toBe(false);
    expect(isBankCard('4444444444444448')).toBe(false);
    expect(isBankCard('411111111111')).toBe(false);
  });
  it('accepts groups of four and Amex 4-6-5, rejects other groupings', () => {
    expect(isCardGrouping([4, 4, 4, 4])).toBe(true);
    expect(isCardGrouping([4, 4, 4, 4, 3])).toBe(true);
    expect(isCardGrouping([4, 6, 5])).toBe(true);
    expect(isCardGrouping([16])).toBe(true);
    expect(isCardGrouping([3, 4, 4, 5])).toBe(false);
    expect(isBankCard('4111111111111111', [8, 8])).toBe(false);
  });
});

describe('international numbers', () => {
  it('accepts + numbers of real countries with possible lengths', () => {
    for (const n of ['+442079460958', '+14155552671', '+81312345678', '+33612345678', '+447700900123', '+4915123456789']) {
      expect(isIntlPhone(n)).toBe(true);
    }
  });
  it('rejects unknown country codes and impossible lengths', () => {
    for (const n of ['+999123456789', '+44123', '+1415555267199999']) expect(isIntlPhone(n)).toBe(false);
  });
  it('national US and UK shapes', () => {
    expect(isUsNational('4155552671')).toBe(true);
    expect(isUsNational('14155552671')).toBe(true);
    expect(isUsNational('0155552671')).toBe(false);
    expect(isUkNational('07700900123')).toBe(true);
    expect(isUkNational('02079460958')).toBe(true);
    expect(isUkNational('7700900123')).toBe(false);
  });
});
