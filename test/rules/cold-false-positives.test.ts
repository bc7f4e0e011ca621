/**
 * False positives found by screening COLD train.csv label-0 texts: innocent compounds that contain a rule term.
 * The abusive uses of the same terms must still be flagged.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/default-engine.ts';

const engine = createDefaultEngine({ model: false });
const verdict = (text: string) => engine.screen({ text }).verdict;

describe('COLD label-0 false positives stay allowed', () => {
  it.each([
    '我听了也是满头黑人问号[好奇]喜不喜欢和这个人坏不坏，该不该死没有关系',
    '现在我都是按开黑人数玩游戏，5个玩LOL，3个玩apex，你也可以试试',
    '我觉得黑人模特戴金首饰特别有味道',
    '矮黑人史前分布于中国南方，绳文人和弥生人是群体不是人种',
    '瓦坎达主打不是高科技么，我揣着一颗看黑人版钢铁侠的心，小心脏有点受不了这落差',
    '我觉得给人个机会是好的，你用都没用过没发言权',
    '群发垃圾短信哪管你在哪里。',
    '打的大神屁滚尿流',
    '以前屌丝毫不夸张不讲究，后来学会护肤',
    '拍南极冰山上的企鹅',
  ])('%s', (text) => {
    expect(verdict(text)).toBe('allow');
  });
});

describe('the abusive uses are still flagged', () => {
  it.each(['黑人同事身上有味道，别安排他坐我旁边', '黑人都该死', '你真恶心', '你这个垃圾', '滚', '加我企鹅'])('%s', (text) => {
    expect(verdict(text)).not.toBe('allow');
  });
});
