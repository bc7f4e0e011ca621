import { describe, expect, it } from 'vitest';
import { resolveActorPolicy } from '../../src/actors/policy.ts';
import { nextRaidStatus, ActorTransitionError } from '../../src/actors/raid-status.ts';
import { activeSanctions, countingStrikes, currentSanction, escalation, strikeFor, type SanctionEvent } from '../../src/actors/sanctions.ts';

const policy = resolveActorPolicy({});
const H = 3_600_000;
const D = 24 * H;

const impose = (id: string, level: SanctionEvent['level'], at: number, until: number | null = null): SanctionEvent => ({ id, type: 'impose', sanctionId: id, level, until, at, source: 'strikes' });
const lift = (id: string, of: string, at: number): SanctionEvent => ({ id, type: 'lift', sanctionId: of, level: 'mute', until: null, at, source: 'moderator' });

describe('strikes and sanctions', () => {
  it('a message is worth its most severe label’s points', () => {
    expect(strikeFor(['insult', 'threat'], policy)).toEqual({ points: 4, label: 'threat' });
    expect(strikeFor(['pii'], policy)).toBeNull();
    expect(strikeFor(['blocked_contact'], policy)).toBeNull();
  });

  it('escalates warn → mute → suspend as the total within the window grows', () => {
    const now = 100 * D;
    expect(escalation([{ points: 1, at: now }], [], now, policy)).toBeNull();
    expect(escalation([{ points: 2, at: now }], [], now, policy)).toMatchObject({ level: 'warn', until: null });
    expect(escalation([{ points: 4, at: now }], [impose('w', 'warn', now - H)], now, policy)).toMatchObject({ level: 'mute', until: now + 24 * H });
    expect(escalation([{ points: 8, at: now }], [impose('m', 'mute', now - H, now + H)], now, policy)).toMatchObject({ level: 'suspend', until: null });
    // already at the rung: nothing new
    expect(escalation([{ points: 5, at: now }], [impose('m', 'mute', now - H, now + H)], now, policy)).toBeNull();
  });

  it('strikes older than the window, or before a moderator lift, do not count', () => {
    const now = 100 * D;
    const strikes = [{ points: 4, at: now - 40 * D }, { points: 4, at: now - 2 * D }, { points: 1, at: now }];
    expect(countingStrikes(strikes, [], now, policy)).toBe(5);
    expect(countingStrikes(strikes, [impose('s', 'mute', now - 2 * D, now), lift('l', 's', now - D)], now, policy)).toBe(1);
  });

  it('the current sanction is the most severe one neither lifted nor expired', () => {
    const now = 10 * D;
    const events = [impose('a', 'warn', now - 3 * H), impose('b', 'mute', now - 2 * H, now - H), impose('c', 'suspend', now - H), lift('d', 'c', now - 1)];
    expect(currentSanction(events, now)).toMatchObject({ sanctionId: 'a', level: 'warn' });
    expect(activeSanctions(events, now - 90 * 60_000).map((s) => s.level)).toEqual(['mute', 'warn']);
  });

  it('raid transitions: one table, typed errors', () => {
    expect(nextRaidStatus('detected', 'hold-all')).toBe('held');
    expect(nextRaidStatus('held', 'suspend-all')).toBe('suspended');
    expect(nextRaidStatus('suspended', 'dismiss')).toBe('dismissed');
    expect(() => nextRaidStatus('held', 'hold-all')).toThrow(expect.objectContaining({ reason: 'already_in_state' }));
    expect(() => nextRaidStatus('dismissed', 'suspend-all')).toThrow(ActorTransitionError);
    expect(() => nextRaidStatus('suspended', 'hold-all')).toThrow(expect.objectContaining({ reason: 'illegal_transition' }));
  });
});
