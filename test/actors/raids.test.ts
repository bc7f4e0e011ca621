import { describe, expect, it } from 'vitest';
import { textSignature } from '../../src/actors/minhash.ts';
import { resolveActorPolicy } from '../../src/actors/policy.ts';
import { newness, RaidWatch } from '../../src/actors/raids.ts';
import { chatLine, mutate, RAID_TEMPLATES, rng } from '../../src/cli/simulate/traffic.ts';

const policy = resolveActorPolicy({});
const T0 = Date.parse('2026-06-01T12:00:00Z');

describe('RaidWatch', () => {
  it('300 altered copies of one template from new accounts are one cluster, reported once, early', () => {
    const watch = new RaidWatch(policy);
    const random = rng(3);
    const clusters = new Set<number>();
    const detections: number[] = [];
    for (let i = 0; i < 300; i++) {
      const s = watch.observe({ messageId: `m${i}`, sender: `bot${i}`, channel: 'c', at: T0 + i * 200, text: textSignature(mutate(random, RAID_TEMPLATES[0]!)), newness: 1 });
      if (s.clusterId !== null) clusters.add(s.clusterId);
      if (s.detected) detections.push(i + 1);
    }
    expect(detections).toHaveLength(1);
    expect(detections[0]).toBeLessThanOrEqual(12);
    // altered copies may open a stray cluster or two; almost all land in the first
    expect(clusters.size).toBeLessThanOrEqual(3);
  });

  it('the signal names every member with its first message and keeps representatives', () => {
    const watch = new RaidWatch(resolveActorPolicy({ raids: { minAccounts: 4 } }));
    let signal = null;
    for (let i = 0; i < 4 && !signal; i++) {
      signal = watch.observe({ messageId: `m${i}`, sender: `bot${i}`, channel: 'c', at: T0 + i, text: textSignature('follow-boost dot net free followers now'), newness: 1 }).detected;
    }
    expect(signal).not.toBeNull();
    expect(signal!.members).toEqual([0, 1, 2, 3].map((i) => ({ account: `bot${i}`, messageId: `m${i}` })));
    expect(signal!.representatives).toHaveLength(4);
    expect(signal!.newShare).toBe(1);
  });

  it('ordinary chat from established accounts is never a raid, even when phrases repeat', () => {
    const watch = new RaidWatch(policy);
    const random = rng(11);
    for (let i = 0; i < 5000; i++) {
      const verified = random() < 0.8;
      const s = watch.observe({ messageId: `m${i}`, sender: `user${Math.floor(random() * 800)}`, channel: 'c', at: T0 + i * 12, text: textSignature(chatLine(random)), newness: newness(400 * 86_400_000, verified, policy) });
      expect(s.detected).toBeNull();
    }
  });

  it('a cluster from established, verified accounts is not a raid', () => {
    const watch = new RaidWatch(policy);
    for (let i = 0; i < 50; i++) {
      expect(watch.observe({ messageId: `m${i}`, sender: `fan${i}`, channel: 'c', at: T0 + i, text: textSignature('happy birthday to the best streamer ever'), newness: 0 }).detected).toBeNull();
    }
  });

  it('keeps its windows bounded: by count, by age, and by number of channels', () => {
    const small = resolveActorPolicy({ raids: { windowMessages: 50, channels: 10, window: '1m' } });
    const watch = new RaidWatch(small);
    const random = rng(5);
    for (let i = 0; i < 500; i++) watch.observe({ messageId: `m${i}`, sender: `u${i}`, channel: 'busy', at: T0 + i, text: textSignature(chatLine(random)), newness: 0 });
    expect(watch.windowSize('busy')).toBeLessThanOrEqual(50);
    watch.observe({ messageId: 'late', sender: 'u', channel: 'busy', at: T0 + 10 * 60_000, text: textSignature('a message long after the others'), newness: 0 });
    expect(watch.windowSize('busy')).toBe(1);
    for (let c = 0; c < 100; c++) watch.observe({ messageId: `c${c}`, sender: 'u', channel: `ch${c}`, at: T0, text: textSignature('hello there everyone in chat'), newness: 0 });
    expect(watch.channels).toBeLessThanOrEqual(10);
  });

  it('a full window that keeps wrapping still finds each message\'s near-duplicates, and nothing else (the signature ring)', () => {
    const watch = new RaidWatch(resolveActorPolicy({ raids: { windowMessages: 50, minAccounts: 1000 } }));
    const templates = ['free followers at boost dot net', 'best streamer in the world honestly', '周末去公园野餐带上孩子一起玩'];
    const clusterOf = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const t = i % templates.length;
      const { clusterId } = watch.observe({ messageId: `m${i}`, sender: `u${i % 7}`, channel: 'c', at: T0 + i, text: textSignature(templates[t]!), newness: 0 });
      expect(clusterId).not.toBeNull();
      if (i >= templates.length) expect(clusterId, `message ${i}`).toBe(clusterOf.get(t));
      clusterOf.set(t, clusterId!);
    }
    expect(new Set(clusterOf.values()).size).toBe(templates.length);
    expect(watch.windowSize('c')).toBe(50);
  });

  it('representatives are copies of the first members\' signatures', () => {
    const watch = new RaidWatch(resolveActorPolicy({ raids: { minAccounts: 3 } }));
    const texts = ['join the raid at follow boost dot net', 'join the raid at follow boost dot net!!', 'j0in the raid at follow boost dot net'];
    let signal = null;
    for (let i = 0; i < 100 && !signal; i++) signal = watch.observe({ messageId: `m${i}`, sender: `bot${i}`, channel: 'c', at: T0 + i, text: textSignature(texts[i % 3]!), newness: 1 }).detected;
    expect(signal!.representatives).toEqual(texts.map((t) => textSignature(t).signature));
    // later traffic in the channel does not change them
    const kept = signal!.representatives.map((r) => Array.from(r));
    for (let i = 0; i < 200; i++) watch.observe({ messageId: `n${i}`, sender: `x${i}`, channel: 'c', at: T0 + 1000 + i, text: textSignature(`other text number ${i} here`), newness: 0 });
    expect(signal!.representatives.map((r) => Array.from(r))).toEqual(kept);
  });

  it('ignores a message id it has already seen (a retried request)', () => {
    const watch = new RaidWatch(resolveActorPolicy({ raids: { minAccounts: 2 } }));
    const text = textSignature('join the raid at follow boost dot net');
    watch.observe({ messageId: 'same', sender: 'a', channel: 'c', at: T0, text, newness: 1 });
    expect(watch.observe({ messageId: 'same', sender: 'b', channel: 'c', at: T0, text, newness: 1 }).detected).toBeNull();
  });

  it('counts unverified older accounts at the policy weight', () => {
    expect(newness(0, true, policy)).toBe(1);
    expect(newness(100 * 86_400_000, false, policy)).toBe(policy.raids.unverifiedWeight);
    expect(newness(100 * 86_400_000, null, policy)).toBe(0);
  });
});
