/** Policy merging and the model's minimum length: what the operator file can change, and what it cannot. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.ts';
import { loadRuleSet } from '../detect/rule-files.ts';
import { defaultPolicy, PolicyError, resolvePolicy } from './policy.ts';

describe('model settings', () => {
  it('ship with a minimum of 2 words for a model-only flag', () => {
    expect(defaultPolicy().model).toEqual({ hold: 0.93, block: 1, minWords: 2, yieldTo: { insult: ['hate', 'threat', 'sexual_harassment', 'sexual_minor'] } });
  });
  it('an operator may change the thresholds and keep the shipped minimum, or set their own', () => {
    expect(resolvePolicy({ model: { hold: 0.9, block: 0.99 } }).model).toEqual({ ...defaultPolicy().model, hold: 0.9, block: 0.99 });
    expect(resolvePolicy({ model: { hold: 0.9, block: 0.99, yieldTo: {} } }).model.yieldTo).toEqual({});
    expect(resolvePolicy({ model: { hold: 0.9, block: 0.99, minWords: 0 } }).model.minWords).toBe(0);
  });
  it('a bad minimum names the field', () => {
    expect(() => resolvePolicy({ model: { hold: 0.9, block: 0.99, minWords: -1 } }, 'p.yaml')).toThrow(PolicyError);
    expect(() => resolvePolicy({ model: { hold: 0.9, block: 0.99, minWords: 1.5 } }, 'p.yaml')).toThrow(/model\.minWords/);
    expect(() => resolvePolicy({ model: { hold: 0.9, block: 0.99, yieldTo: { insult: ['rudeness'] } } }, 'p.yaml')).toThrow(/model\.yieldTo\.insult/);
  });
});

describe("the model's insult yields to a rule's more specific label", () => {
  const rules = loadRuleSet();
  const sure = () => ({ insult: 0.99, hate: 0.99 });
  it('a rule that named hate or a threat leaves the model no insult to add; its score still shows', () => {
    const engine = createEngine({ rules, model: sure });
    const hate = engine.screen({ text: '黑鬼滚出中国' });
    expect(hate.labels).toContain('hate');
    expect(hate.evidence.some((e) => e.rule === 'model' && e.label === 'insult')).toBe(false);
    expect(hate.scores.insult).toBe(0.99);
    const threat = engine.screen({ text: 'I will kill you tomorrow' });
    expect(threat.labels).toContain('threat');
    expect(threat.evidence.some((e) => e.rule === 'model' && e.label === 'insult')).toBe(false);
  });
  it('where no rule named one of those, the model still raises insult; yieldTo {} restores the old rule', () => {
    const engine = createEngine({ rules, model: sure });
    expect(engine.screen({ text: 'thanks for the quick delivery' }).evidence.some((e) => e.rule === 'model' && e.label === 'insult')).toBe(true);
    const old = createEngine({ rules, model: sure, policy: resolvePolicy({ model: { hold: 0.93, block: 1, yieldTo: {} } }) });
    expect(old.screen({ text: 'I will kill you tomorrow' }).evidence.some((e) => e.rule === 'model' && e.label === 'insult')).toBe(true);
  });
});

describe('the model alone raises nothing on very short texts', () => {
  const rules = loadRuleSet();
  const sure = () => ({ insult: 0.99 });
  const engine = createEngine({ rules, model: sure });
  it.each([
    ['yo', 'allow'],
    ['lol', 'allow'],
    ['好', 'allow'],
    ['kill you', 'hold'],
    ['你好', 'hold'],
  ])('%s → %s (score still reported)', (text, verdict) => {
    const r = engine.screen({ text });
    expect(r.verdict).toBe(verdict);
    expect(r.scores.insult).toBe(0.99);
  });
  it('a rule hit on a short text still counts, and minWords 0 lets the model speak on anything', () => {
    expect(engine.screen({ text: 'idiot' }).verdict).not.toBe('allow');
    const any = createEngine({ rules, model: sure, policy: resolvePolicy({ model: { hold: 0.95, block: 1, minWords: 0 } }) });
    expect(any.screen({ text: 'yo' }).verdict).toBe('hold');
  });
});
