/**
 * COLD audit (train.csv): group-targeted attacks written without slurs (region, race, gender) block as hate;
 * neutral or praising statements about the same groups stay allowed; general false-positive causes
 * (rape discussed as law/history, 开房 for a hotel booking, tg = 土共, 杀了 in a report) stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/default-engine.ts';

const engine = createDefaultEngine({ model: false });
const screen = (text: string) => engine.screen({ text });

describe('group-generalising attacks block as hate', () => {
  it.each([
    '河南人都是骗子',
    '河南人都是騙子', // traditional characters fold to simplified
    '东北人素质低，别跟他们来往',
    '上海人真不要脸',
    '外地人就是小偷',
    '黑人素质太差了',
    '黑人就是犯罪率高',
    '黑人都是猴子',
    '黑人滚出中国',
    '印度人都是骗子',
    '女的就是贱',
    '女人都是拜金',
    '男人没一个好东西',
    '中國男人都是垃圾',
    '女司机都是马路杀手',
  ])('%s', (text) => {
    const r = screen(text);
    expect(r.verdict).toBe('block');
    expect(r.labels).toContain('hate');
  });
});

describe('neutral or praising statements about groups stay allowed', () => {
  it.each([
    '黑人都是智人',
    '白人和黑人都是智人',
    '南美黑人都是混血',
    '女性都应该被尊重',
    '河南人都很热情',
    '四川人口多，考生也多',
    '男生都很努力',
    '作为一个浙江人，我从来没看到过长翅膀的蟑螂是怎么回事',
    '宫颈癌疫苗建议9到45岁的女性尽早接种',
  ])('%s', (text) => {
    expect(screen(text).verdict).toBe('allow');
  });
});

describe('COLD label-0 false-positive causes stay allowed', () => {
  it.each([
    '强奸不需要伤情鉴定作为证据，比如胁迫，恐吓，主要是违背妇女意志，暴力不是前置条件。',
    '男生也会被强奸，社会舆论压力也很大',
    '古代的士兵强奸妇女之后私下处理',
    '考试，考驾照，再加上旅游，全国各地开房',
    '舆论战，tg就是靠这个击败国民党的',
    '宿舍楼有个女生跳楼自杀了，幸好当时不在，不然看见吓死了',
    '你敢信，我这个任务结局是人还被村长杀了',
  ])('%s', (text) => {
    expect(screen(text).verdict).toBe('allow');
  });
});

describe('the abusive uses of the same words are still flagged', () => {
  it.each(['我要强奸你', '再说一句我就杀了你', '加我tg', 'tg: @quickdeals_uk, faster replies there', '陪我去开房'])('%s', (text) => {
    expect(screen(text).verdict).not.toBe('allow');
  });
});
