import { describe, expect, it } from 'vitest';
import { bestLink, scoreLink, type EarlierAccount, type Newcomer } from '../../src/actors/evasion.ts';
import { textSignature } from '../../src/actors/minhash.ts';
import { resolveActorPolicy } from '../../src/actors/policy.ts';

const policy = resolveActorPolicy({});
const BLOCKED_AT = Date.parse('2026-06-01T12:00:00Z');

const harasser: EarlierAccount = {
  account: 'old',
  fingerprints: { device: new Set(['dev-1']), network: new Set(['net-1']) },
  texts: [textSignature('why are you ignoring me, answer my messages about the bike right now')],
  channels: new Set(['listing-9']),
  cutOffAt: BLOCKED_AT,
};

const newcomer = (over: Partial<Newcomer>): Newcomer => ({
  account: 'new',
  fingerprint: {},
  createdAt: BLOCKED_AT + 3_600_000,
  text: textSignature('hello, is the bike still available?'),
  channel: null,
  ...over,
});

describe('evasion link scoring', () => {
  it('the same device is enough with the timing; each reason is named', () => {
    const s = scoreLink(newcomer({ fingerprint: { device: 'dev-1' } }), harasser, policy);
    expect(s.reasons.map((r) => r.kind)).toEqual(['device', 'timing']);
    expect(s.score).toBeGreaterThanOrEqual(policy.evasion.threshold);
  });

  it('the harasser’s own words, altered, on the same listing are enough without any fingerprint', () => {
    const s = scoreLink(newcomer({ text: textSignature('why r u ignoring me?? answer my messages about the b1ke right now'), channel: 'listing-9' }), harasser, policy);
    expect(s.reasons.map((r) => r.kind).sort()).toEqual(['same_channel', 'timing', 'wording']);
    expect(s.score).toBeGreaterThanOrEqual(policy.evasion.threshold);
  });

  it('an innocent buyer on the same listing and carrier network, created soon after, stays below the threshold', () => {
    const innocent = newcomer({ fingerprint: { network: 'net-1', device: 'dev-2' }, channel: 'listing-9' });
    const s = scoreLink(innocent, harasser, policy);
    expect(s.reasons.map((r) => r.kind).sort()).toEqual(['network', 'same_channel', 'timing']);
    expect(s.score).toBeLessThan(policy.evasion.threshold);
    expect(bestLink(innocent, [harasser], policy)).toBeNull();
  });

  it('short texts carry no wording evidence', () => {
    const earlier = { ...harasser, texts: [textSignature('answer me')] };
    expect(scoreLink(newcomer({ text: textSignature('answer me') }), earlier, policy).reasons.map((r) => r.kind)).not.toContain('wording');
  });

  it('an account is never linked to itself', () => {
    expect(bestLink(newcomer({ account: 'old', fingerprint: { device: 'dev-1' } }), [harasser], policy)).toBeNull();
  });
});
