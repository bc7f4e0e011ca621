/**
 * Where a context cue reaches (rules/context.yaml `reach`): the sentences of a text and its quoted spans, in
 * ORIGINAL offsets, half-open [start, end). Pure and cheap (one pass); used only when a text has a context cue.
 *
 * A sentence ends after a run of 。！？!?；;．｡ or a line break, or after a "." followed by white space or the end
 * ("3.5", "e.g" and "k.i.l.l" do not split). A quoted span is never split: "He wrote: 'You bitch. I will kill
 * you.'" is one sentence, so the cue before the quote reaches all of it.
 */

export interface Span {
  start: number;
  end: number;
}

export interface TextLayout {
  sentences: Span[];
  /** Quoted spans, quote marks included. */
  quotes: Span[];
}

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '«': '»', '《': '》', '"': '"', '＂': '＂' };
const ENDS = new Set(['。', '！', '？', '!', '?', '；', ';', '．', '｡', '\n', '\r']);

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Quoted spans: curly, CJK and straight double quotes in pairs; a straight ' only as a quote, not an apostrophe. */
export function quotedSpans(text: string): Span[] {
  const quotes: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    let close: string | undefined = PAIRS[c];
    // ' opens a quote only at a word's start ("he wrote 'kill yourself'", not "I'll")
    if (close === undefined && c === "'" && !isWordChar(text[i - 1]) && isWordChar(text[i + 1])) close = "'";
    if (close === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < text.length; j++) {
      if (text[j] !== close) continue;
      if (close === "'" && isWordChar(text[j + 1])) continue; // an apostrophe inside the quote ("'I'll rape you'")
      break;
    }
    if (j >= text.length) {
      i++; // unmatched: an ordinary character
      continue;
    }
    quotes.push({ start: i, end: j + 1 });
    i = j + 1;
  }
  return quotes;
}

/** Sentences (and the quotes, which sentences never split). */
export function layout(text: string): TextLayout {
  const quotes = quotedSpans(text);
  const sentences: Span[] = [];
  let start = 0;
  let q = 0;
  let i = 0;
  while (i < text.length) {
    const quote = quotes[q];
    if (quote && i === quote.start) {
      i = quote.end;
      q++;
      continue;
    }
    const c = text[i] as string;
    const ends = ENDS.has(c) || (c === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1] as string)));
    i++;
    if (!ends) continue;
    while (i < text.length && (ENDS.has(text[i] as string) || text[i] === '.' || text[i] === ' ')) i++; // "?!", "。\n", ". "
    sentences.push({ start, end: i });
    start = i;
  }
  if (start < text.length || sentences.length === 0) sentences.push({ start, end: text.length });
  return { sentences, quotes };
}

/** A colon that introduces words (not a time "8:30" nor "https://"). */
const SPEECH_COLON = /(?<![0-9])[:：](?![0-9]|\/\/)\s*\S/;
/** Words that turn a sentence on the reader. */
const READER = /(?:^|[^\p{L}'])(?:you|your|yours|yourself|youre|ur|u|ya|y'all)(?![\p{L}])|[你妳您]/iu;

/**
 * The spans a cue at [start, end) reaches with `reach: sentence`:
 * - its own sentence and those before it (a report word after what it frames looks back: "… I reported him.");
 * - the sentences after it that tell rather than turn on the reader: a later sentence that says "you"/你
 *   outside quotes is the writer's own fresh words ("I reported him yesterday. You're a worthless piece of
 *   shit", "举报了，他骂我傻逼。你也是个傻逼") — unless it introduces speech with a colon ("He wrote: you
 *   stupid bitch", "他说：我知道你住哪"), or follows a cue sentence that ends with a colon (a header);
 * - every quoted span: in a message that reports, what is quoted is the abuse reported.
 */
export function sentenceReach(l: TextLayout, start: number, text: string): Span[] {
  const spans: Span[] = [...l.quotes];
  const i = l.sentences.findIndex((s) => start >= s.start && start < s.end);
  if (i < 0) return spans;
  const own = l.sentences[i] as Span;
  const header = /[:：]\s*$/.test(text.slice(own.start, own.end));
  l.sentences.forEach((s, k) => {
    if (k <= i || (k === i + 1 && header)) return void spans.push(s);
    const body = unquoted(l, s, text);
    if (SPEECH_COLON.test(body) || !READER.test(body)) spans.push(s);
  });
  return spans;
}

/** A sentence's text with its quoted spans blanked. */
function unquoted(l: TextLayout, s: Span, text: string): string {
  let out = '';
  let at = s.start;
  for (const q of l.quotes) {
    if (q.end <= s.start || q.start >= s.end) continue;
    out += text.slice(at, Math.max(at, q.start)) + ' ';
    at = Math.max(at, q.end);
  }
  return out + text.slice(at, s.end);
}

/** Does a finding at [start, end) fall in the reach? Overlapping a sentence counts; a quote must hold all of it. */
export function inReach(reach: readonly Span[], quotes: readonly Span[], start: number, end: number): boolean {
  for (const s of reach) {
    if (quotes.includes(s)) {
      if (start >= s.start && end <= s.end) return true;
    } else if (start < s.end && end > s.start) return true;
  }
  return false;
}
