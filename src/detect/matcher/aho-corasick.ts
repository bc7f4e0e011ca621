/**
 * A multi-pattern matcher (Aho–Corasick) over UTF-16 code units: one pass over the text finds every
 * occurrence of every pattern. Built once at load; matching allocates only the result array.
 */
export interface PatternHit<T> {
  start: number;
  end: number;
  value: T;
}

export class AhoCorasick<T> {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly lengths: number[] = [];
  private readonly values: T[] = [];

  constructor(patterns: Iterable<{ text: string; value: T }>) {
    for (const { text, value } of patterns) {
      if (text.length === 0) throw new Error('AhoCorasick: empty pattern');
      let node = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let child = this.next[node]?.get(c);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[node]?.set(c, child);
        }
        node = child;
      }
      this.out[node]?.push(this.values.length);
      this.values.push(value);
      this.lengths.push(text.length);
    }
    // breadth-first: failure links, and outputs merged along them
    const queue: number[] = [];
    for (const child of this.next[0]?.values() ?? []) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi] ?? 0;
      for (const [c, child] of this.next[node] ?? []) {
        queue.push(child);
        let f = this.fail[node] ?? 0;
        while (f !== 0 && !this.next[f]?.has(c)) f = this.fail[f] ?? 0;
        const target = this.next[f]?.get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const inherited = this.out[this.fail[child] ?? 0] ?? [];
        if (inherited.length > 0) this.out[child] = [...(this.out[child] ?? []), ...inherited];
      }
    }
  }

  get size(): number {
    return this.values.length;
  }

  /** Every occurrence, as half-open [start, end) in the text, in order of end position. */
  find(text: string): Array<PatternHit<T>> {
    const hits: Array<PatternHit<T>> = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = this.next[node]?.get(c);
      while (child === undefined && node !== 0) {
        node = this.fail[node] ?? 0;
        child = this.next[node]?.get(c);
      }
      node = child ?? 0;
      const outs = this.out[node];
      if (outs === undefined || outs.length === 0) continue;
      for (const p of outs) {
        const len = this.lengths[p] ?? 0;
        hits.push({ start: i + 1 - len, end: i + 1, value: this.values[p] as T });
      }
    }
    return hits;
  }
}
