/**
 * A multi-pattern matcher (Aho–Corasick) over UTF-16 code units: one pass over the text finds every
 * occurrence of every pattern. Built once at load into flat typed arrays; matching allocates nothing.
 *
 * Layout: the automaton is built as a deterministic one, so a scan takes exactly one move per code unit and
 * never walks a failure link. The root's moves are one dense table (one slot per code unit), because most
 * steps of a scan over chat text land there; every other node keeps, as a sorted run of (code unit, node)
 * pairs, only the moves that do not go where the root's would. Each node's outputs (its own patterns, then
 * those inherited along its failure link) are one run of pattern numbers.
 */
export interface PatternHit<T> {
  start: number;
  end: number;
  value: T;
}

/**
 * Occurrences found by a scan, as (pattern number, end) pairs in order of end position; the occurrence of
 * pattern p ending at e is [e - lengths[p], e). Reused from scan to scan so that matching allocates nothing.
 */
export class Occurrences {
  private data = new Int32Array(64);
  /** How many occurrences. */
  count = 0;

  clear(): void {
    this.count = 0;
  }

  add(pattern: number, end: number): void {
    if (2 * this.count === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[2 * this.count] = pattern;
    this.data[2 * this.count + 1] = end;
    this.count++;
  }

  pattern(i: number): number {
    return this.data[2 * i] as number;
  }

  end(i: number): number {
    return this.data[2 * i + 1] as number;
  }
}


/**
 * A built automaton's tables, in this order: rootNext, edgeFrom, edgeEnd, edgeUnit, edgeNode, outFrom,
 * outPattern, lengths. What the start-up cache stores (term-index.ts), to skip building.
 */
export type AutomatonArrays = readonly [Int32Array, Int32Array, Int32Array, Uint16Array, Int32Array, Int32Array, Int32Array, Int32Array];

export class AhoCorasick<T> {
  /** Where the root goes on each code unit (0: stays at the root). */
  private readonly rootNext: Int32Array;
  /**
   * Where node n goes on code unit c, for every c on which it does not go where the root would:
   * edgeUnit/edgeNode[edgeFrom[n] .. edgeEnd[n]), sorted by code unit. These are n's children plus the
   * moves it inherits along its failure links, so a scan never walks a failure link.
   */
  private readonly edgeFrom: Int32Array;
  private readonly edgeEnd: Int32Array;
  private readonly edgeUnit: Uint16Array;
  private readonly edgeNode: Int32Array;
  /** Outputs of node n: outPattern[outFrom[n] .. outFrom[n + 1]). */
  private readonly outFrom: Int32Array;
  private readonly outPattern: Int32Array;
  /** Length of each pattern, in code units. */
  readonly lengths: Int32Array;
  /** The value of each pattern, by number (the order the patterns were given). */
  readonly values: readonly T[];

  /**
   * Builds the automaton for `patterns`; or, given `built` (the `arrays` of an automaton built from patterns
   * with the same texts in the same order), takes those tables and only the values from `patterns`.
   */
  constructor(patterns: Iterable<{ text: string; value: T }>, built?: AutomatonArrays) {
    if (built) {
      const values: T[] = [];
      const lengths = built[7];
      for (const { text, value } of patterns) {
        if (text.length !== lengths[values.length]) throw new Error('AhoCorasick: prebuilt tables do not match the patterns');
        values.push(value);
      }
      const nodes = built[1].length;
      if (values.length !== lengths.length || built[0].length !== 0x10000 || built[2].length !== nodes || built[3].length !== built[4].length || built[5].length !== nodes + 1) {
        throw new Error('AhoCorasick: prebuilt tables do not match the patterns');
      }
      [this.rootNext, this.edgeFrom, this.edgeEnd, this.edgeUnit, this.edgeNode, this.outFrom, this.outPattern, this.lengths] = built;
      this.values = values;
      return;
    }
    // 1. the trie, with Maps (build time only)
    const next: Array<Map<number, number>> = [new Map()];
    const own: number[][] = [[]];
    const lengths: number[] = [];
    const values: T[] = [];
    for (const { text, value } of patterns) {
      if (text.length === 0) throw new Error('AhoCorasick: empty pattern');
      let node = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const children = next[node] as Map<number, number>;
        let child = children.get(c);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          own.push([]);
          children.set(c, child);
        }
        node = child;
      }
      (own[node] as number[]).push(values.length);
      values.push(value);
      lengths.push(text.length);
    }
    const nodes = next.length;

    // 2. breadth-first: failure links, and outputs merged along them (own patterns first, then inherited)
    const fail = new Int32Array(nodes);
    const out: number[][] = own.map((o) => o.slice());
    const queue: number[] = [...(next[0] as Map<number, number>).values()];
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi] as number;
      for (const [c, child] of next[node] as Map<number, number>) {
        queue.push(child);
        let f = fail[node] as number;
        while (f !== 0 && !(next[f] as Map<number, number>).has(c)) f = fail[f] as number;
        const target = (next[f] as Map<number, number>).get(c);
        fail[child] = target !== undefined && target !== child ? target : 0;
        const inherited = out[fail[child] as number] as number[];
        if (inherited.length > 0) out[child] = [...(out[child] as number[]), ...inherited];
      }
    }

    // 3. moves, in the same order (a node's failure target comes before it): a node's own children, sorted,
    //    merged with its failure target's moves (its own child wins on the same unit); the root's are dense
    this.rootNext = new Int32Array(0x10000);
    for (const [c, child] of next[0] as Map<number, number>) this.rootNext[c] = child;
    this.edgeFrom = new Int32Array(nodes);
    this.edgeEnd = new Int32Array(nodes);
    let units = new Uint16Array(Math.max(16, nodes * 2));
    let targets = new Int32Array(units.length);
    let k = 0;
    for (const node of queue) {
      const mine = [...(next[node] as Map<number, number>)].sort((a, b) => a[0] - b[0]);
      const f = fail[node] as number;
      let i = f === 0 ? 0 : (this.edgeFrom[f] as number);
      const iEnd = f === 0 ? 0 : (this.edgeEnd[f] as number);
      if (k + mine.length + (iEnd - i) > units.length) {
        const grownUnits = new Uint16Array(2 * (k + mine.length + (iEnd - i)));
        const grownTargets = new Int32Array(grownUnits.length);
        grownUnits.set(units.subarray(0, k));
        grownTargets.set(targets.subarray(0, k));
        units = grownUnits;
        targets = grownTargets;
      }
      this.edgeFrom[node] = k;
      let j = 0;
      while (j < mine.length || i < iEnd) {
        const [cj, tj] = mine[j] ?? [0x10000, 0];
        const ci = i < iEnd ? (units[i] as number) : 0x10000;
        if (cj <= ci) {
          units[k] = cj;
          targets[k++] = tj;
          j++;
          if (cj === ci) i++;
        } else {
          units[k] = ci;
          targets[k++] = targets[i] as number;
          i++;
        }
      }
      this.edgeEnd[node] = k;
    }
    this.edgeUnit = units.slice(0, k);
    this.edgeNode = targets.slice(0, k);
    this.outFrom = new Int32Array(nodes + 1);
    let outs = 0;
    for (const o of out) outs += o.length;
    this.outPattern = new Int32Array(outs);
    k = 0;
    for (let n = 0; n < nodes; n++) {
      this.outFrom[n] = k;
      for (const p of out[n] as number[]) this.outPattern[k++] = p;
    }
    this.outFrom[nodes] = k;
    this.lengths = Int32Array.from(lengths);
    this.values = values;
  }

  /** The built tables (views, not copies), for `new AhoCorasick(patterns, built)`. */
  get arrays(): AutomatonArrays {
    return [this.rootNext, this.edgeFrom, this.edgeEnd, this.edgeUnit, this.edgeNode, this.outFrom, this.outPattern, this.lengths];
  }

  get size(): number {
    return this.values.length;
  }

  /**
   * Appends every occurrence in the text to `found`, in order of end position (at one end: the node's own
   * patterns in the order given, then the shorter ones along its failure links).
   */
  scan(text: string, found: Occurrences): void {
    if (this.values.length === 0) return;
    const rootNext = this.rootNext;
    const edgeFrom = this.edgeFrom;
    const edgeEnd = this.edgeEnd;
    const edgeUnit = this.edgeUnit;
    const edgeNode = this.edgeNode;
    const outFrom = this.outFrom;
    const outPattern = this.outPattern;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = -1;
      if (node !== 0) {
        // node's moves, sorted: binary search down to a few, then look at each
        let lo = edgeFrom[node] as number;
        let hi = edgeEnd[node] as number;
        while (hi - lo > 8) {
          const mid = (lo + hi) >>> 1;
          if ((edgeUnit[mid] as number) <= c) lo = mid;
          else hi = mid;
        }
        for (; lo < hi; lo++) {
          if (edgeUnit[lo] === c) {
            to = edgeNode[lo] as number;
            break;
          }
        }
      }
      node = to >= 0 ? to : (rootNext[c] as number);
      const from = outFrom[node] as number;
      const end = outFrom[node + 1] as number;
      for (let k = from; k < end; k++) found.add(outPattern[k] as number, i + 1);
    }
  }

  /** Every occurrence, as half-open [start, end) in the text, in order of end position. */
  find(text: string): Array<PatternHit<T>> {
    const found = new Occurrences();
    this.scan(text, found);
    const hits: Array<PatternHit<T>> = [];
    for (let i = 0; i < found.count; i++) {
      const p = found.pattern(i);
      hits.push({ start: found.end(i) - (this.lengths[p] as number), end: found.end(i), value: this.values[p] as T });
    }
    return hits;
  }
}
