/**
 * Raid detection: per channel, a sliding window of recent messages clustered by near-duplicate text.
 *
 * Each message's MinHash signature (./minhash.ts) goes into its channel's window; LSH band buckets find the
 * earlier messages it may resemble, and it joins the cluster of the most similar one at or above
 * `raids.similarity` (or starts a cluster). A cluster whose distinct senders reach `raids.minAccounts`, with a
 * new-account share of at least `raids.minNewShare`, is a raid — reported once, the moment it qualifies. In the
 * share a young account (younger than `raids.newAccountAge`) counts 1 and an older account the platform marked
 * unverified counts `raids.unverifiedWeight`: on many platforms a fifth of real users never verify, and a
 * cluster of a common phrase ("he is so good at this game") must not become a raid by their chance.
 *
 * Memory is bounded: a window holds at most `raids.windowMessages` entries no older than `raids.window`
 * (older ones are evicted, with their bucket entries and cluster counts), and at most `raids.channels`
 * windows are kept (the least recently used is dropped). Time is the caller's (`at`, milliseconds), so the
 * detector is deterministic and replayable. No I/O.
 */
import { bandKeys, estimateSimilarity, SIGNATURE_SIZE, type Signature, type TextSignature } from './minhash.ts';
import type { ActorPolicy } from './policy.ts';

export interface RaidObservation {
  messageId: string;
  sender: string;
  channel: string;
  /** Milliseconds since the epoch. */
  at: number;
  text: TextSignature;
  /** How new the account counts as: 1 young, `raids.unverifiedWeight` unverified, 0 otherwise (`newness`). */
  newness: number;
}

/** A cluster that just qualified as a raid. */
export interface RaidSignal {
  channel: string;
  clusterId: number;
  /** Distinct senders in the cluster (within the window), first seen first, each with its first message. */
  members: Array<{ account: string; messageId: string }>;
  /** The cluster's messages within the window, oldest first. */
  messageIds: string[];
  newShare: number;
  firstAt: number;
  /** Signatures of the cluster's first messages, to match later copies against (the shield's representatives). */
  representatives: Signature[];
  /** The dense text of the message that started the cluster (for moderators), at most 200 characters. */
  sample: string;
}

export interface RaidSighting {
  /** The cluster the message joined, or null when it was too short to cluster. */
  clusterId: number | null;
  /** Set when this message made its cluster a raid. */
  detected: RaidSignal | null;
  /** The raid id the caller attached to this cluster earlier (`markRaid`), when the message joined such a cluster. */
  raidId: string | null;
}

/**
 * One message in a window. Kept small, since a busy service holds many (up to `windowMessages` per channel): its
 * signature sits in the window's slab (no typed array per message), its band keys are recomputed at eviction
 * rather than stored, and the text sample lives on the cluster.
 */
interface Entry {
  messageId: string;
  sender: string;
  at: number;
  /** Arrival number in the window: the signature is at slab slot `seq % capacity`. */
  seq: number;
  cluster: Cluster;
}

interface Cluster {
  id: number;
  /** sender → messages in the window */
  senders: Map<string, number>;
  /** sender → how new it counts as (0…1) */
  newness: Map<string, number>;
  entries: number;
  raidId: string | null;
  reported: boolean;
  /** The dense text of the message that started the cluster, cut to 200 characters (for moderators). */
  sample: string;
}

class ChannelWindow {
  readonly entries: Entry[] = [];
  head = 0;
  readonly buckets = new Map<number, Entry[]>();
  readonly messageIds = new Set<string>();
  readonly clusters = new Map<number, Cluster>();
  nextCluster = 1;
  /** The signatures of the window's entries, SIGNATURE_SIZE numbers each, a ring of `capacity` slots. */
  slab = new Uint32Array(16 * SIGNATURE_SIZE);
  capacity = 16;
  nextSeq = 0;

  get size(): number {
    return this.entries.length - this.head;
  }

  /** Offset of an entry's signature in the slab (or in a slab of another capacity). */
  at(entry: Entry | number, capacity = this.capacity): number {
    return ((typeof entry === 'number' ? entry : entry.seq) % capacity) * SIGNATURE_SIZE;
  }

  /** A copy of an entry's signature, to keep after the slab moves on. */
  signatureOf(entry: Entry): Signature {
    return this.slab.slice(this.at(entry), this.at(entry) + SIGNATURE_SIZE);
  }

  /** Stores the signature of the entry about to be added; returns its seq. Grows the ring (×2) when full. */
  store(signature: Signature): number {
    if (this.size + 1 > this.capacity) {
      const capacity = this.capacity * 2;
      const slab = new Uint32Array(capacity * SIGNATURE_SIZE);
      // Live entries have consecutive seqs, so they land on distinct slots of the larger ring too.
      for (let i = this.head; i < this.entries.length; i++) {
        const e = this.entries[i]!;
        slab.set(this.slab.subarray(this.at(e), this.at(e) + SIGNATURE_SIZE), this.at(e, capacity));
      }
      this.slab = slab;
      this.capacity = capacity;
    }
    const seq = this.nextSeq++;
    this.slab.set(signature, this.at(seq));
    return seq;
  }
}

/**
 * Most candidate entries compared per message (identical short texts can fill a bucket). A bucket keeps only its
 * newest MAX_COMPARISONS entries: the lookup reads each bucket newest first and stops after that many in all, so
 * older ones would never be read — and in a raid every copy lands in the same buckets.
 */
const MAX_COMPARISONS = 96;

export class RaidWatch {
  readonly #windows = new Map<string, ChannelWindow>();
  readonly #policy: ActorPolicy['raids'];
  readonly #representatives: number;

  constructor(policy: ActorPolicy) {
    this.#policy = policy.raids;
    this.#representatives = policy.shield.representatives;
  }

  /** Channels with a window in memory. */
  get channels(): number {
    return this.#windows.size;
  }

  /** Entries held in one channel's window. */
  windowSize(channel: string): number {
    return this.#windows.get(channel)?.size ?? 0;
  }

  /** Adds a message to its channel's window; reports the raid if this message made its cluster one. */
  observe(obs: RaidObservation): RaidSighting {
    const window = this.#window(obs.channel);
    this.#evict(window, obs.at);
    if (window.messageIds.has(obs.messageId)) return { clusterId: null, detected: null, raidId: null };
    if (obs.text.chars < this.#policy.minChars) return { clusterId: null, detected: null, raidId: null };

    const keys = bandKeys(obs.text.signature);
    let best: Entry | null = null;
    let bestSim = 0;
    const seen = new Set<Entry>();
    outer: for (const key of keys) {
      const bucket = window.buckets.get(key);
      if (!bucket) continue;
      for (let i = bucket.length - 1; i >= 0; i--) {
        const candidate = bucket[i]!;
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const sim = estimateSimilarity(obs.text.signature, window.slab, window.at(candidate));
        if (sim > bestSim) {
          bestSim = sim;
          best = candidate;
        }
        if (seen.size >= MAX_COMPARISONS || sim === 1) break outer;
      }
    }

    let cluster: Cluster;
    if (best && bestSim >= this.#policy.similarity) cluster = best.cluster;
    else {
      cluster = { id: window.nextCluster++, senders: new Map(), newness: new Map(), entries: 0, raidId: null, reported: false, sample: obs.text.dense.slice(0, 200) };
      window.clusters.set(cluster.id, cluster);
    }
    const entry: Entry = { messageId: obs.messageId, sender: obs.sender, at: obs.at, seq: window.store(obs.text.signature), cluster };
    window.entries.push(entry);
    window.messageIds.add(obs.messageId);
    for (const key of keys) {
      const bucket = window.buckets.get(key);
      if (!bucket) window.buckets.set(key, [entry]);
      else {
        bucket.push(entry);
        if (bucket.length > MAX_COMPARISONS) bucket.shift();
      }
    }
    cluster.entries++;
    cluster.senders.set(obs.sender, (cluster.senders.get(obs.sender) ?? 0) + 1);
    cluster.newness.set(obs.sender, Math.max(cluster.newness.get(obs.sender) ?? 0, obs.newness));
    if (window.size > this.#policy.windowMessages) this.#evictOne(window);

    let detected: RaidSignal | null = null;
    if (!cluster.reported && cluster.senders.size >= this.#policy.minAccounts) {
      const newShare = countNew(cluster) / cluster.senders.size;
      if (newShare >= this.#policy.minNewShare) {
        cluster.reported = true;
        detected = this.#signal(obs.channel, window, cluster, newShare);
      }
    }
    return { clusterId: cluster.id, detected, raidId: cluster.raidId };
  }

  /** Attaches the caller's raid id to a cluster, so later sightings carry it. */
  markRaid(channel: string, clusterId: number, raidId: string): void {
    const cluster = this.#windows.get(channel)?.clusters.get(clusterId);
    if (cluster) cluster.raidId = raidId;
  }

  #signal(channel: string, window: ChannelWindow, cluster: Cluster, newShare: number): RaidSignal {
    const members: Entry[] = [];
    for (let i = window.head; i < window.entries.length; i++) {
      const e = window.entries[i]!;
      if (e.cluster === cluster) members.push(e);
    }
    const first = new Map<string, string>();
    for (const e of members) if (!first.has(e.sender)) first.set(e.sender, e.messageId);
    return {
      channel,
      clusterId: cluster.id,
      members: [...first].map(([account, messageId]) => ({ account, messageId })),
      messageIds: members.map((e) => e.messageId),
      newShare,
      firstAt: members[0]?.at ?? 0,
      representatives: members.slice(0, this.#representatives).map((e) => window.signatureOf(e)),
      sample: cluster.sample,
    };
  }

  #window(channel: string): ChannelWindow {
    let window = this.#windows.get(channel);
    if (window) {
      // Most recently used last: re-insert.
      this.#windows.delete(channel);
      this.#windows.set(channel, window);
      return window;
    }
    window = new ChannelWindow();
    this.#windows.set(channel, window);
    while (this.#windows.size > this.#policy.channels) this.#windows.delete(this.#windows.keys().next().value!);
    return window;
  }

  #evict(window: ChannelWindow, now: number): void {
    const oldest = now - this.#policy.window;
    while (window.size > 0 && window.entries[window.head]!.at < oldest) this.#evictOne(window);
  }

  #evictOne(window: ChannelWindow): void {
    const entry = window.entries[window.head]!;
    window.head++;
    window.messageIds.delete(entry.messageId);
    for (const key of bandKeys(window.slab, window.at(entry))) {
      const bucket = window.buckets.get(key);
      // Entries leave in arrival order, so a bucket's oldest is first (or was already dropped by the cap).
      if (!bucket || bucket[0] !== entry) continue;
      bucket.shift();
      if (bucket.length === 0) window.buckets.delete(key);
    }
    const cluster = entry.cluster;
    cluster.entries--;
    const left = (cluster.senders.get(entry.sender) ?? 1) - 1;
    if (left <= 0) {
      cluster.senders.delete(entry.sender);
      cluster.newness.delete(entry.sender);
    } else cluster.senders.set(entry.sender, left);
    if (cluster.entries === 0) window.clusters.delete(cluster.id);
    // Compact the array now and then so the evicted prefix does not grow without bound.
    if (window.head > 1024 && window.head * 2 > window.entries.length) {
      window.entries.splice(0, window.head);
      window.head = 0;
    }
  }
}

function countNew(cluster: Cluster): number {
  let n = 0;
  for (const w of cluster.newness.values()) n += w;
  return n;
}

/** How new an account counts as in a cluster's new-account share. */
export function newness(ageMs: number, verified: boolean | null, policy: ActorPolicy): number {
  if (ageMs < policy.raids.newAccountAge) return 1;
  return verified === false ? policy.raids.unverifiedWeight : 0;
}
