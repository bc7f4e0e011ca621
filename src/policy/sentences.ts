/**
 * Where a context cue reaches (rules/context.yaml `reach`): the sentences of a text and its quoted spans, in
 * ORIGINAL offsets, half-open [start, end). Pure and cheap (one pass); used only when a text has a context cue.
 *
 * A sentence ends after a run of 。！？!?；;．｡ or a line break, or after a "." followed by white space or the end
 * ("3.5", "e.g" and "k.i.l.l" do not split). A quoted span is never split: "He wrote: 'You bitch. I will kill
 * you.'" is one sentence, so the cue before the quote reaches all of it.
 *
 * Which later sentences a cue reaches is decided with the word lists of rules/sentences.yaml (the logic is here,
 * the words are data): `compileSentenceWords` builds their patterns once per engine.
 */
import { escapeRegExp as escape } from '../detect/regexp.ts';
import { loadSentenceWords } from '../detect/rule-files.ts';
import type { SentenceTerm, SentenceWordList, SentenceWords } from '../detect/rules-schema.ts';

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

/** The patterns built from rules/sentences.yaml (`compileSentenceWords`), once per engine. */
export interface SentencePatterns {
  /** A colon that introduces words (not a time "8:30" nor "https://"). */
  speechColon: RegExp;
  /** A sentence that ends with a colon: a header. */
  header: RegExp;
  reader: RegExp;
  third: RegExp;
  first: RegExp;
  speechVerb: RegExp;
  ownWords: RegExp;
}

/** One of the words, as a group ("(?!)", never, for none). */
function anyOf(words: readonly string[]): string {
  return words.length === 0 ? '(?!)' : `(?:${words.map(escape).join('|')})`;
}

/** Chinese terms, matched anywhere, each not before its `notBefore` strings. */
function anyTerm(terms: readonly SentenceTerm[]): string {
  if (terms.length === 0) return '(?!)';
  return `(?:${terms.map((t) => escape(t.term) + (t.notBefore ? `(?!${t.notBefore.map(escape).join('|')})` : '')).join('|')})`;
}

/**
 * A list's Latin words as whole words — after `left` (a character that is not a letter: the list starts there) and
 * not before a letter or `right` — or its Chinese terms anywhere.
 */
function wordPattern(list: SentenceWordList, left: string, right: string): RegExp {
  return new RegExp(String.raw`(?:^|[^\p{L}${left}])${anyOf(list.en)}(?![\p{L}${right}])|${anyTerm(list.zh)}`, 'iu');
}

/** Build the patterns of rules/sentences.yaml (see its comments for what each list is for). */
export function compileSentenceWords(w: SentenceWords): SentencePatterns {
  const colon = anyOf(w.colons);
  const { opening, verdict, groupCommand } = w.ownWords;
  const optional = (words: readonly string[], space: string): string => `(?:${anyOf(words)}${space})?`;
  const ownWords = [
    // a greeting or an imperative opening the sentence, after discourse words
    String.raw`^[\s\p{P}\p{S}]*(?:${anyOf(opening.discourse)}[\s,.!]+)*(?:${anyOf(opening.en)}(?![\p{L}])|${anyTerm(opening.zh)})`,
    // a verdict on a third person
    String.raw`(?:^|[^\p{L}])${anyOf(verdict.en.subjects)}(?:${anyOf(verdict.en.contractions)}|\s+${anyOf(verdict.en.verbs)})\s+` +
      String.raw`${optional(verdict.en.intensifiers, String.raw`\s+`)}${anyOf(verdict.en.words)}(?![\p{L}])`,
    ...verdict.zh.map((f) => `${anyOf(f.subjects)}${optional(f.adverbs, '')}${anyOf(f.copulas)}${f.measures ? anyOf(f.measures) : ''}`),
    // a command to a group
    `${anyOf(groupCommand.zh.leads)}${optional(groupCommand.zh.between, '')}${anyOf(groupCommand.zh.commands)}|${anyOf(groupCommand.zh.alone)}`,
    String.raw`(?:^|[^\p{L}])${anyOf(groupCommand.en.leads)}\s+${optional(groupCommand.en.between, String.raw`\s+`)}${anyOf(groupCommand.en.commands)}(?![\p{L}])`,
  ];
  return {
    speechColon: new RegExp(String.raw`(?<![0-9])${colon}(?![0-9]|\/\/)\s*\S`),
    header: new RegExp(String.raw`${colon}\s*$`),
    // "you" not after an apostrophe
    reader: wordPattern(w.reader, "'", ''),
    third: wordPattern(w.third, '', ''),
    // "we" not before an apostrophe: "we're" is not the writer
    first: wordPattern(w.first, '', "'"),
    speechVerb: wordPattern(w.speechVerbs, '', ''),
    ownWords: new RegExp(ownWords.join('|'), 'iu'),
  };
}

let shipped: SentencePatterns | undefined;

/** The shipped words, for a caller with no engine (an engine passes the patterns of its own rule set). */
function shippedPatterns(): SentencePatterns {
  return (shipped ??= compileSentenceWords(loadSentenceWords()));
}

/**
 * A bare epithet (round 31): a sentence of at most three Latin words or four hanzi and nothing else, after a cue
 * ("Reported him. Stupid cunt.", "举报了。傻逼。") — the writer's own exclamation; a report brings the words it
 * quotes in with quotes, a colon or a verb of speech.
 */
const FRAGMENT = /^[\s\p{P}\p{S}]*(?:[\p{Script=Latin}0-9'’*]+[\s\p{P}\p{S}]*){1,3}$|^[\s\p{P}\p{S}]*\p{Script=Han}{1,4}[\s\p{P}\p{S}]*$/u;

/**
 * Is a later sentence the writer's own fresh words rather than a telling of what someone did? It is when, outside
 * quotes and without a colon bringing in speech:
 * - it turns on the reader (you/你) and no third person acts before the "you" with the writer out of it ("你也是个
 *   傻逼", "I know where you live" — but "骗子会让你加微信私下转账" tells what scammers do);
 * - or it is a bare epithet (`FRAGMENT`) with no verb of speech, third person or first person;
 * - or, with no verb of speech (said, wrote, called, 说, 骂…), it greets or commands, passes a verdict on a third
 *   person or commands a group (`own_words` in rules/sentences.yaml).
 * The words are rules/sentences.yaml's; `p` defaults to the shipped ones.
 */
export function ownWords(body: string, p: SentencePatterns = shippedPatterns()): boolean {
  if (p.speechColon.test(body)) return false;
  if (FRAGMENT.test(body) && !p.speechVerb.test(body) && !p.third.test(body) && !p.first.test(body)) return true;
  const reader = p.reader.exec(body);
  if (reader) {
    const third = p.third.exec(body);
    return !(third && third.index < reader.index && !p.first.test(body));
  }
  return !p.speechVerb.test(body) && p.ownWords.test(body);
}

/**
 * The spans a cue at [start, end) reaches with `reach: sentence`:
 * - its own sentence and those before it (a report word after what it frames looks back: "… I reported him.");
 * - the sentences after it that tell rather than are the writer's own fresh words (`ownWords`): not one that
 *   turns on the reader ("I reported him yesterday. You're a worthless piece of shit", "举报了，他骂我傻逼。你也是个
 *   傻逼"), nor, since round 30, one that greets, commands or passes a verdict with no verb of speech ("He called
 *   me an idiot? Well he's a fucking cunt", "I went to the clinic today. Hey sexy, send nudes tonight") — unless
 *   it follows a cue sentence that ends with a colon (a header);
 * - every quoted span: in a message that reports, what is quoted is the abuse reported.
 */
export function sentenceReach(l: TextLayout, start: number, text: string, p: SentencePatterns = shippedPatterns()): Span[] {
  const spans: Span[] = [...l.quotes];
  const i = l.sentences.findIndex((s) => start >= s.start && start < s.end);
  if (i < 0) return spans;
  const own = l.sentences[i] as Span;
  const header = p.header.test(text.slice(own.start, own.end));
  l.sentences.forEach((s, k) => {
    if (k <= i || (k === i + 1 && header)) return void spans.push(s);
    if (!ownWords(unquoted(l, s, text), p)) spans.push(s);
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
