/**
 * Necessary literals of a regular expression: a set of strings such that every match of the pattern contains
 * at least one of them. A text that contains none cannot match, so the pattern need not run (nor be compiled:
 * V8 compiles a pattern on its first run, and the doxxing cue alternations are large).
 *
 * Covers the syntax the cue files use — literals, `\`-escapes, classes `[…]`, groups `(?:…)`, lookarounds
 * `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`, named and plain groups, alternation, `?` `*` `+` `{m,n}` (lazy or not),
 * `.`, `^`, `$`. Anything it does not understand makes it answer "no requirement" (null), which is always
 * safe: the pattern then simply runs. Case-sensitive, like the patterns (the cues match lower-cased views).
 */

/** What one piece of a pattern can match. */
interface Info {
  /** Every string it can match, when that set is small and known; null otherwise. */
  exact: Set<string> | null;
  /** Strings one of which every match contains; null: no requirement known. */
  need: Set<string> | null;
}

const MAX_EXACT = 64;
const MAX_EXACT_LENGTH = 24;
const EMPTY: Info = { exact: new Set(['']), need: null };
const UNKNOWN: Info = { exact: null, need: null };

const shortest = new WeakMap<Set<string>, number>();

function minLength(set: Set<string>): number {
  let n = shortest.get(set);
  if (n === undefined) {
    n = Infinity;
    for (const s of set) if (s.length < n) n = s.length;
    shortest.set(set, n);
  }
  return n;
}

/** The better of two requirements: the one whose shortest string is longer, then the smaller set. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (a === null) return b;
  if (b === null) return a;
  const la = minLength(a);
  const lb = minLength(b);
  if (la !== lb) return la > lb ? a : b;
  return a.size <= b.size ? a : b;
}

/** A requirement from an exact set: usable only when the empty string is not in it. */
function needOf(exact: Set<string> | null): Set<string> | null {
  if (exact === null || exact.size === 0 || exact.has('')) return null;
  return exact;
}

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) {
    if (x.length + y.length > MAX_EXACT_LENGTH) return null;
    out.add(x + y);
  }
  return out;
}

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): Info | null {
    const info = this.alternation();
    return this.at === this.src.length ? info : null;
  }

  private alternation(): Info {
    const branches: Info[] = [this.sequence()];
    while (this.src[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    let exact: Set<string> | null = new Set();
    let need: Set<string> | null = new Set();
    for (const b of branches) {
      if (exact && b.exact) for (const s of b.exact) exact.add(s);
      else exact = null;
      const n = better(b.need, needOf(b.exact));
      if (need && n) for (const s of n) need.add(s);
      else need = null;
    }
    if (exact && exact.size > MAX_EXACT) exact = null;
    return { exact, need };
  }

  /** A run of quantified atoms up to `|`, `)` or the end. */
  private sequence(): Info {
    let exact: Set<string> | null = new Set(['']);
    let run: Set<string> | null = new Set(['']); // the current stretch of consecutive exact atoms
    let need: Set<string> | null = null;
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      const item = this.quantified(this.atom());
      need = better(need, item.need);
      exact = exact && item.exact ? product(exact, item.exact) : null;
      if (item.exact) {
        run = run ? product(run, item.exact) : null;
        if (run === null) run = item.exact; // too many combinations: start a new stretch here
      } else {
        run = new Set(['']);
      }
      need = better(need, needOf(run));
    }
    return { exact, need: better(need, needOf(exact)) };
  }

  private quantified(info: Info): Info {
    const c = this.src[this.at];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
      if (!m) return info; // a literal '{' was already read as an atom; not reached in practice
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return info;
    if (this.src[this.at] === '?') this.at++; // lazy: same strings
    if (min === 1 && max === 1) return info;
    if (min === 0) {
      const exact = max === 1 && info.exact ? new Set([...info.exact, '']) : null;
      return { exact, need: null };
    }
    // at least once: whatever one repetition needs, every match needs
    return { exact: null, need: better(info.need, needOf(info.exact)) };
  }

  private atom(): Info {
    const src = this.src;
    const c = src[this.at]!;
    if (c === '(') {
      this.at++;
      let zeroWidth = false;
      if (src.startsWith('?:', this.at)) this.at += 2;
      else if (src.startsWith('?=', this.at) || src.startsWith('?!', this.at)) {
        this.at += 2;
        zeroWidth = true;
      } else if (src.startsWith('?<=', this.at) || src.startsWith('?<!', this.at)) {
        this.at += 3;
        zeroWidth = true;
      } else if (src.startsWith('?<', this.at)) {
        const close = src.indexOf('>', this.at);
        if (close < 0) throw new Error('bad group');
        this.at = close + 1;
      } else if (src[this.at] === '?') throw new Error('unknown group');
      const inner = this.alternation();
      if (src[this.at] !== ')') throw new Error('unclosed group');
      this.at++;
      return zeroWidth ? EMPTY : inner;
    }
    if (c === '[') {
      // a class: skip to its end (']' right after '[' or '[^' is a literal member)
      let k = this.at + 1;
      if (src[k] === '^') k++;
      if (src[k] === ']') k++;
      while (k < src.length && src[k] !== ']') k += src[k] === '\\' ? 2 : 1;
      if (k >= src.length) throw new Error('unclosed class');
      this.at = k + 1;
      return UNKNOWN;
    }
    if (c === '\\') {
      const e = src[this.at + 1];
      if (e === undefined) throw new Error('trailing backslash');
      this.at += 2;
      if (e === 'b' || e === 'B') return EMPTY;
      if (/[dDsSwW]/.test(e)) return UNKNOWN;
      if (e === 'u' || e === 'x' || e === 'p' || e === 'P' || e === 'k' || e === 'c' || /[0-9]/.test(e)) throw new Error('escape not handled');
      if (/[a-zA-Z]/.test(e)) throw new Error('escape not handled'); // \n, \t, … : not worth the cases
      return { exact: new Set([e]), need: new Set([e]) };
    }
    if (c === '^' || c === '$') {
      this.at++;
      return EMPTY;
    }
    if (c === '.') {
      this.at++;
      return UNKNOWN;
    }
    if (c === '?' || c === '*' || c === '+' || c === '{' || c === ')' || c === '|') throw new Error(`unexpected ${c}`);
    const cp = src.codePointAt(this.at)!;
    const ch = String.fromCodePoint(cp);
    this.at += ch.length;
    return { exact: new Set([ch]), need: new Set([ch]) };
  }
}

/**
 * Strings one of which every match of `source` contains, or null when none can be named (the pattern must
 * always run). Never wrong in the other direction: a text without any of them has no match.
 */
export function necessaryLiterals(source: string): string[] | null {
  let info: Info | null;
  try {
    info = new Parser(source).parse();
  } catch {
    return null;
  }
  if (!info) return null;
  const need = better(info.need, needOf(info.exact));
  return need ? [...need].sort() : null;
}

/**
 * Drops every string that contains a shorter kept one whose bits cover its own: the shorter one is in any
 * text the longer one is in, so the filter answers the same with fewer strings.
 */
export function minimalLiterals(bits: ReadonlyMap<string, number>): Map<string, number> {
  const kept = new Map<string, number>();
  for (const s of [...bits.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    const mine = bits.get(s)!;
    let covered = false;
    for (let i = 0; i < s.length && !covered; i++) {
      for (let j = i + 1; j <= s.length && !covered; j++) {
        if (j - i === s.length) continue;
        const t = kept.get(s.slice(i, j));
        if (t !== undefined && (t & mine) === mine) covered = true;
      }
    }
    if (!covered) kept.set(s, mine);
  }
  return kept;
}
