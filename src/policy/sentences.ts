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
/** A third person as the one acting ("骗子会让你加微信", "he says he knows where you live"); 他妈 is profanity. */
const THIRD = /(?:^|[^\p{L}])(?:he|she|they|someone|somebody|scammers?|this guy|that guy|the guy)(?![\p{L}])|[他她](?!妈|娘|奶奶)|骗子|对方|卖家|买家|有人/iu;
/** The writer in the first person. */
const FIRST = /(?:^|[^\p{L}])(?:i|i'm|i'll|i'd|im|ill|we|we'll|me|my)(?![\p{L}'])|我/iu;
/** Verbs that bring in what someone else said or did (round 30; not the bare form, an imperative: 'send nudes'). */
const SPEECH_VERB =
  /(?:^|[^\p{L}])(?:says|said|saying|writes|wrote|writing|calls|called|calling|told|tells|posts|posted|posting|messages|messaged|messaging|dms|dmed|dm'd|sends|sent|sending|texts|texted|texting|shouts|shouted|yells|yelled|asks|asked|asking|threatens|threatened|comments|commented|replies|replied|keeps|kept|claims|claimed)(?![\p{L}])|[说骂称写问叫]|私信|留言|评论|威胁|发了|发来|发给/iu;
/**
 * The writer's own words with no "you" (round 30): a greeting or a command at the start ("Hey sexy, send nudes
 * tonight"), a verdict on a third person ("Well he's a fucking cunt", 他就是个傻逼) or a command to a group
 * (黑鬼都滚出中国, 'they should all die').
 */
const OWN_WORDS = new RegExp(
  [
    // a greeting or an imperative opening the sentence, after a discourse word
    String.raw`^[\s\p{P}\p{S}]*(?:(?:well|anyway|and|so|also|oh|ok|okay|lol|btw|now)[\s,.!]+)*(?:(?:hey|hi|yo|oi|hello|hiya|send|show|strip|suck|shut up|go die|die)(?![\p{L}])|喂|嘿|给我发|发我|快发|脱)`,
    // a verdict on a third person
    String.raw`(?:^|[^\p{L}])(?:he|she|they|this guy|that guy|the guy)(?:'s|’s|'re|’re|\s+is|\s+are|\s+was|\s+were)\s+(?:such\s+)?(?:a|an|the|one|so|fucking|total|complete|just|nothing but)(?![\p{L}])`,
    String.raw`[他她](?:们)?(?:就|真|真的|简直|纯|纯纯|根本|就是)?是(?:个|一个|条|只|头)|这(?:个)?(?:人|货|家伙|玩意儿?)(?:就|真|简直)?是(?:个|一个|条|只|头)?`,
    // a command to a group
    String.raw`都(?:给我)?(?:滚|去死|该死|得死|下地狱)|滚(?:出|回)|(?:^|[^\p{L}])(?:should|must|deserve to|need to)\s+(?:all\s+)?(?:die|be killed|be shot|be gassed|be deported|go back|get out)(?![\p{L}])`,
  ].join('|'),
  'iu',
);

/**
 * Is a later sentence the writer's own fresh words rather than a telling of what someone did? It is when, outside
 * quotes and without a colon bringing in speech:
 * - it turns on the reader (you/你) and no third person acts before the "you" with the writer out of it ("你也是个
 *   傻逼", "I know where you live" — but "骗子会让你加微信私下转账" tells what scammers do);
 * - or, with no verb of speech (said, wrote, called, 说, 骂…), it greets or commands, passes a verdict on a third
 *   person or commands a group (OWN_WORDS).
 */
/**
 * A bare epithet (round 31): a sentence of at most three Latin words or four hanzi and nothing else, after a cue
 * ("Reported him. Stupid cunt.", "举报了。傻逼。") — the writer's own exclamation; a report brings the words it
 * quotes in with quotes, a colon or a verb of speech.
 */
const FRAGMENT = /^[\s\p{P}\p{S}]*(?:[\p{Script=Latin}0-9'’*]+[\s\p{P}\p{S}]*){1,3}$|^[\s\p{P}\p{S}]*\p{Script=Han}{1,4}[\s\p{P}\p{S}]*$/u;

export function ownWords(body: string): boolean {
  if (SPEECH_COLON.test(body)) return false;
  if (FRAGMENT.test(body) && !SPEECH_VERB.test(body) && !THIRD.test(body) && !FIRST.test(body)) return true;
  const reader = READER.exec(body);
  if (reader) {
    const third = THIRD.exec(body);
    return !(third && third.index < reader.index && !FIRST.test(body));
  }
  return !SPEECH_VERB.test(body) && OWN_WORDS.test(body);
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
export function sentenceReach(l: TextLayout, start: number, text: string): Span[] {
  const spans: Span[] = [...l.quotes];
  const i = l.sentences.findIndex((s) => start >= s.start && start < s.end);
  if (i < 0) return spans;
  const own = l.sentences[i] as Span;
  const header = /[:：]\s*$/.test(text.slice(own.start, own.end));
  l.sentences.forEach((s, k) => {
    if (k <= i || (k === i + 1 && header)) return void spans.push(s);
    if (!ownWords(unquoted(l, s, text))) spans.push(s);
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
