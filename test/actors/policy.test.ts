import { describe, expect, it } from 'vitest';
import { ActorPolicyError, defaultActorPolicy, parseDuration, resolveActorPolicy } from '../../src/actors/policy.ts';

describe('actor policy (rules/actors.yaml)', () => {
  it('loads the defaults with durations in milliseconds', () => {
    const p = defaultActorPolicy();
    expect(p.strikes.window).toBe(30 * 86_400_000);
    expect(p.sanctions.map((r) => r.action)).toEqual(['warn', 'mute', 'suspend']);
    expect(p.sanctions[1]!.for).toBe(24 * 3_600_000);
    expect(p.raids.window).toBe(5 * 60_000);
  });

  it('merges overrides over the defaults', () => {
    const p = resolveActorPolicy({ raids: { minAccounts: 5 } });
    expect(p.raids.minAccounts).toBe(5);
    expect(p.raids.similarity).toBe(defaultActorPolicy().raids.similarity);
  });

  it.each([
    [{ raids: { minAccounts: 1 } }, 'raids.minAccounts'],
    [{ raids: { window: 'soon' } }, 'raids.window'],
    [{ sanctions: [{ at: 4, action: 'mute' }] }, 'sanctions.0.for'],
    [{ sanctions: [{ at: 4, action: 'warn' }, { at: 2, action: 'suspend' }] }, 'sanctions'],
    [{ sanctions: [{ at: 2, action: 'suspend' }, { at: 4, action: 'warn' }] }, 'sanctions'],
    [{ evasion: { weights: { device: 2 } } }, 'evasion.weights.device'],
    [{ shield: { colour: 'red' } }, 'shield.colour'],
    [{ strikes: { points: { swearing: 1 } } }, 'strikes.points.swearing'],
  ])('rejects %j naming %s', (override, field) => {
    let error: unknown;
    try {
      resolveActorPolicy(override);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ActorPolicyError);
    expect((error as ActorPolicyError).field).toBe(field);
  });

  it('parses durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(() => parseDuration('7 weeks')).toThrow(/not a duration/);
  });
});
