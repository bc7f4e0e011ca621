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
import { BANDS, bandKeysInto, estimateSimilarity, SIGNATURE_SIZE, type Signature, type TextSignature } from './minhash.ts';
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
 * signature, time and bucket count sit in the window's ring arrays at slot `seq % capacity` (no typed array or
 * boxed number per message), its band keys are recomputed at eviction rather than stored, and the text sample
 * lives on the cluster.
 */
interface Entry {
  messageId: string;
  sender: string;
  /** Arrival number in the window: the entry's slot in the window's rings is `seq % capacity`. */
  seq: number;
  cluster: Cluster;
}

/**
 * An LSH bucket: the entries that share one band key, oldest first, at most MAX_COMPARISONS. Most buckets hold
 * one entry (a text seen once), so that is the entry itself; then an array; and once full a `Ring`, so that a
 * new entry replaces the oldest in place instead of shifting the array.
 */
type Bucket = Entry | Entry[] | Ring;

class Ring {
  /** MAX_COMPARISONS slots; the oldest entry at `start`, `count` in use (fewer once evictions took the oldest). */
  constructor(
    readonly slots: Array<Entry | null>,
    public start: number,
    public count: number,
  ) {}
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
  /** Band key (as a signed 32-bit integer) → bucket. */
  readonly buckets = new Map<number, Bucket>();
  readonly messageIds = new Set<string>();
  readonly clusters = new Map<number, Cluster>();
  nextCluster = 1;
  /**
   * Rings of `capacity` slots (a power of two), one slot per entry, at `seq & mask`: the signatures
   * (SIGNATURE_SIZE numbers each), the times, how many bucket places hold the entry (eviction skips the band
   * keys when none does: in a raid the buckets dropped it long before), and the lookup's "already compared" mark.
   */
  slab = new Uint32Array(16 * SIGNATURE_SIZE);
  times = new Float64Array(16);
  refs = new Uint8Array(16);
  marks = new Int32Array(16);
  capacity = 16;
  mask = 15;
  nextSeq = 0;
  /** The current lookup's mark; a slot marked with it was compared already. */
  generation = 0;

  get size(): number {
    return this.entries.length - this.head;
  }

  /** Offset of an entry's signature in the slab. */
  at(entry: Entry): number {
    return (entry.seq & this.mask) * SIGNATURE_SIZE;
  }

  timeOf(entry: Entry): number {
    return this.times[entry.seq & this.mask]!;
  }

  /** A copy of an entry's signature, to keep after the slab moves on. */
  signatureOf(entry: Entry): Signature {
    return this.slab.slice(this.at(entry), this.at(entry) + SIGNATURE_SIZE);
  }

  /** A new mark for a lookup (and the marks wiped when the counter would overflow). */
  nextGeneration(): number {
    if (this.generation === 0x7fffffff) {
      this.marks.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  /**
   * Stores the signature and time of the entry about to be added (in no bucket yet); returns its seq. Grows the
   * rings (×2) when full.
   */
  store(signature: Signature, at: number): number {
    if (this.size + 1 > this.capacity) {
      const capacity = this.capacity * 2;
      const mask = capacity - 1;
      const slab = new Uint32Array(capacity * SIGNATURE_SIZE);
      const times = new Float64Array(capacity);
      const refs = new Uint8Array(capacity);
      // Live entries have consecutive seqs, so they land on distinct slots of the larger ring too.
      for (let i = this.head; i < this.entries.length; i++) {
        const seq = this.entries[i]!.seq;
        const from = seq & this.mask;
        const to = seq & mask;
        slab.set(this.slab.subarray(from * SIGNATURE_SIZE, (from + 1) * SIGNATURE_SIZE), to * SIGNATURE_SIZE);
        times[to] = this.times[from]!;
        refs[to] = this.refs[from]!;
      }
      this.slab = slab;
      this.times = times;
      this.refs = refs;
      // Marks only live during one lookup, which is over when an entry is stored.
      this.marks = new Int32Array(capacity);
      this.capacity = capacity;
      this.mask = mask;
    }
    const seq = this.nextSeq++;
    const slot = seq & this.mask;
    this.slab.set(signature, slot * SIGNATURE_SIZE);
    this.times[slot] = at;
    this.refs[slot] = 0;
    return seq;
  }
}

/**
 * Most candidate entries compared per message (identical short texts can fill a bucket). A bucket keeps only its
 * newest MAX_COMPARISONS entries: the lookup reads each bucket newest first and stops after that many in all, so
 * older ones would never be read — and in a raid every copy lands in the same buckets.
 */
const MAX_COMPARISONS = 96;
const NONE = (): RaidSighting => ({ clusterId: null, detected: null, raidId: null });

export class RaidWatch {
  readonly #windows = new Map<string, ChannelWindow>();
  readonly #policy: ActorPolicy['raids'];
  readonly #representatives: number;
  /** Scratch for one call (nothing in them outlives it): the message's band keys, their buckets, the evicted entry's keys. */
  readonly #keys = new Int32Array(BANDS);
  readonly #found: Array<Bucket | undefined> = new Array<Bucket | undefined>(BANDS).fill(undefined);
  readonly #evictKeys = new Int32Array(BANDS);
  /** A one-entry bucket read as an array. */
  readonly #one: Array<Entry | null> = [null];

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
    if (window.messageIds.has(obs.messageId)) return NONE();
    if (obs.text.chars < this.#policy.minChars) return NONE();

    const signature = obs.text.signature;
    const keys = this.#keys;
    const found = this.#found;
    const buckets = window.buckets;
    bandKeysInto(signature, 0, keys);
    for (let k = 0; k < BANDS; k++) found[k] = buckets.get(keys[k]!);

    // Each bucket newest first, an entry compared once (its slot marked), at most MAX_COMPARISONS in all.
    let best: Entry | null = null;
    let bestSim = 0;
    let compared = 0;
    const generation = window.nextGeneration();
    const marks = window.marks;
    const mask = window.mask;
    const slab = window.slab;
    const one = this.#one;
    outer: for (let k = 0; k < BANDS; k++) {
      const bucket = found[k];
      if (bucket === undefined) continue;
      let slots: ReadonlyArray<Entry | null>;
      let start = 0;
      let count: number;
      if (bucket instanceof Ring) {
        slots = bucket.slots;
        start = bucket.start;
        count = bucket.count;
      } else if (Array.isArray(bucket)) {
        slots = bucket;
        count = bucket.length;
      } else {
        one[0] = bucket;
        slots = one;
        count = 1;
      }
      for (let j = count - 1; j >= 0; j--) {
        const i = start + j;
        const candidate = slots[i < MAX_COMPARISONS ? i : i - MAX_COMPARISONS]!;
        const slot = candidate.seq & mask;
        if (marks[slot] === generation) continue;
        marks[slot] = generation;
        compared++;
        const sim = estimateSimilarity(signature, slab, slot * SIGNATURE_SIZE);
        if (sim > bestSim) {
          bestSim = sim;
          best = candidate;
        }
        if (compared >= MAX_COMPARISONS || sim === 1) break outer;
      }
    }
    one[0] = null;

    let cluster: Cluster;
    if (best && bestSim >= this.#policy.similarity) cluster = best.cluster;
    else {
      cluster = { id: window.nextCluster++, senders: new Map(), newness: new Map(), entries: 0, raidId: null, reported: false, sample: obs.text.dense.slice(0, 200) };
      window.clusters.set(cluster.id, cluster);
    }
    const entry: Entry = { messageId: obs.messageId, sender: obs.sender, seq: window.store(signature, obs.at), cluster };
    window.entries.push(entry);
    window.messageIds.add(obs.messageId);
    this.#insert(window, entry);
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

  /** Puts a new entry in the buckets of its band keys (`#keys`, found in `#found`). */
  #insert(window: ChannelWindow, entry: Entry): void {
    const keys = this.#keys;
    const found = this.#found;
    const refs = window.refs;
    const mask = window.mask;
    for (let k = 0; k < BANDS; k++) {
      const bucket = found[k];
      let replaced: Bucket | undefined;
      if (bucket === undefined) replaced = entry;
      else if (bucket instanceof Ring) {
        if (bucket.count < MAX_COMPARISONS) {
          const i = bucket.start + bucket.count;
          bucket.slots[i < MAX_COMPARISONS ? i : i - MAX_COMPARISONS] = entry;
          bucket.count++;
        } else {
          // Full: the newest takes the oldest's place.
          const dropped = bucket.slots[bucket.start]!.seq & mask;
          refs[dropped] = refs[dropped]! - 1;
          bucket.slots[bucket.start] = entry;
          bucket.start = bucket.start + 1 < MAX_COMPARISONS ? bucket.start + 1 : 0;
        }
      } else if (Array.isArray(bucket)) {
        if (bucket.length < MAX_COMPARISONS) bucket.push(entry);
        else {
          const dropped = bucket[0]!.seq & mask;
          refs[dropped] = refs[dropped]! - 1;
          bucket[0] = entry;
          replaced = new Ring(bucket, 1, MAX_COMPARISONS);
        }
      } else replaced = [bucket, entry];
      if (replaced !== undefined) {
        const key = keys[k]!;
        window.buckets.set(key, replaced);
        // Two bands of one text may share a key: the later one must see this bucket.
        for (let j = k + 1; j < BANDS; j++) if (keys[j] === key) found[j] = replaced;
      }
    }
    refs[entry.seq & mask] = BANDS;
    found.fill(undefined);
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
      firstAt: members[0] ? window.timeOf(members[0]) : 0,
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
    while (window.size > 0 && window.timeOf(window.entries[window.head]!) < oldest) this.#evictOne(window);
  }

  #evictOne(window: ChannelWindow): void {
    const entry = window.entries[window.head]!;
    window.head++;
    window.messageIds.delete(entry.messageId);
    // Entries leave in arrival order, so a bucket's oldest is first (or was already dropped by the cap: then
    // `refs` counted it out, and an entry every bucket dropped needs no band keys at all).
    if (window.refs[entry.seq & window.mask] !== 0) {
      const keys = this.#evictKeys;
      bandKeysInto(window.slab, window.at(entry), keys);
      for (let k = 0; k < BANDS; k++) {
        const key = keys[k]!;
        const bucket = window.buckets.get(key);
        if (bucket === undefined) continue;
        if (bucket instanceof Ring) {
          if (bucket.slots[bucket.start] !== entry) continue;
          bucket.slots[bucket.start] = null;
          bucket.start = bucket.start + 1 < MAX_COMPARISONS ? bucket.start + 1 : 0;
          if (--bucket.count === 0) window.buckets.delete(key);
        } else if (Array.isArray(bucket)) {
          if (bucket[0] !== entry) continue;
          bucket.shift();
          if (bucket.length === 0) window.buckets.delete(key);
        } else if (bucket === entry) window.buckets.delete(key);
      }
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
