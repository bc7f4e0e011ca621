/**
 * Synthetic traffic for `haven simulate`: ordinary chat and marketplace talk from many legitimate users, raid
 * bots posting altered copies of one template, and harassers who come back on new accounts. Seeded, so a run
 * is the same for the same seed. The alterations are the evasions of PRODUCT.md: leetspeak, homoglyphs,
 * zero-width characters, spacing, stretched letters, emoji, casing, and a random tail.
 */
import { seededRandom } from '../../classifier/random.ts';

export type Random = () => number;

export function rng(seed: number): Random {
  return seededRandom(seed);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// ---- ordinary livestream chat ----

const OPENERS = ['', '', '', 'lol ', 'omg ', 'ok ', 'wait ', 'honestly ', 'bro ', 'yo ', 'hey ', 'haha '];
const CHAT = [
  'that play was amazing',
  'anyone know when the next stream is',
  'hello everyone, first time here',
  'what game is this',
  'that was so funny',
  'gg well played',
  'can you turn the music down a bit',
  'which keyboard are you using',
  'greetings from {place}',
  'how long have you been playing this',
  'the boss fight is next i think',
  'you should try the other route',
  'my cat is watching the stream with me',
  'is there a discord for this community',
  'love the new overlay',
  'what rank are you now',
  'that jump was insane',
  'good morning chat',
  'just got home from work, what did i miss',
  'the audio is a bit out of sync',
  'can we get a replay of that',
  'this soundtrack is so good',
  'are you doing a giveaway this week',
  'i have been stuck on this level for days',
  'try the left door this time',
  'he is so good at this game',
  'first time catching the stream live',
  'what settings do you use',
  'no way that worked',
  'happy birthday to the mod team',
  '这局打得太好了',
  '主播今天几点下播',
  '第一次来，大家好',
  '这个游戏叫什么名字',
  '哈哈哈笑死我了',
];
const PLACES = ['berlin', 'toronto', 'shanghai', 'sao paulo', 'manila', 'lagos', 'madrid', 'sydney', 'seoul', 'chicago'];
const TAILS = ['', '', '', '', ' lol', ' haha', '!', '!!', ' :)', ' 😂', ' 🔥', '?', ' gg', ' xD'];

export function chatLine(random: Random): string {
  const line = pick(random, CHAT).replace('{place}', pick(random, PLACES));
  return pick(random, OPENERS) + line + pick(random, TAILS);
}

// ---- raid templates and their alterations ----

export const RAID_TEMPLATES = [
  'this streamer is a total fraud, everyone unfollow and report the channel right now',
  'get out of this stream nobody wants your kind here, go back where you came from',
  'free followers and free subs at follow-boost dot net, limited offer, click now',
  'everyone spam the chat, this channel is dead and the streamer is a clown',
];

const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7', l: '1', g: '9' };
const HOMOGLYPHS: Record<string, string> = { a: 'а', e: 'е', o: 'о', c: 'с', p: 'р', x: 'х', i: 'і', y: 'у', k: 'к', h: 'һ' };
const EMOJI = ['🔥', '💀', '😂', '👉', '🤡', '🚨', '💯', '👀'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

/** One altered copy of a template: each character may be swapped or padded; words may drop; emoji and a random tail are added. */
export function mutate(random: Random, template: string): string {
  const words = template.split(' ').filter((w) => !(w.length > 3 && random() < 0.06));
  const style = random();
  let out = '';
  for (const ch of words.join(' ')) {
    const r = random();
    const lower = ch.toLowerCase();
    if (r < 0.1 && LEET[lower]) out += LEET[lower];
    else if (r < 0.2 && HOMOGLYPHS[lower]) out += HOMOGLYPHS[lower];
    else if (r < 0.24) out += ch + pick(random, ZERO_WIDTH);
    else if (r < 0.26 && ch !== ' ') out += ch + ' ';
    else if (r < 0.28 && ch !== ' ') out += ch + ch + ch;
    else if (r < 0.3 && ch === ' ') out += '   ';
    else out += style < 0.2 ? ch.toUpperCase() : ch;
  }
  if (random() < 0.6) out = `${pick(random, EMOJI)} ${out}`;
  if (random() < 0.6) out = `${out} ${pick(random, EMOJI)}${pick(random, EMOJI)}`;
  if (random() < 0.5) out = `${out} ${Math.floor(random() * 36 ** 4).toString(36)}`;
  return out;
}

// ---- marketplace talk (the evasion scenario) ----

const BUYER_LINES = [
  'hi, is the {item} still available?',
  'would you take {price} for the {item}?',
  'can you ship the {item} to {place}?',
  'hello! what condition is the {item} in, any scratches?',
  'is the price of the {item} negotiable at all?',
  'could i pick up the {item} this weekend?',
  'does the {item} come with the original box and charger?',
  'thanks for the quick reply, i will think about it',
  'how old is the {item} and why are you selling it?',
  'can you send a few more photos of the {item} please?',
];
const ITEMS = ['bike', 'camera', 'sofa', 'guitar', 'laptop', 'stroller', 'desk', 'jacket', 'phone', 'lamp'];

export function buyerLine(random: Random, item: string): string {
  return pick(random, BUYER_LINES)
    .replaceAll('{item}', item)
    .replace('{price}', String(int(random, 20, 400)))
    .replace('{place}', pick(random, PLACES));
}

export function itemFor(random: Random): string {
  return pick(random, ITEMS);
}

/** What a harasser sends a seller: a personal fixation, repeated in their own words across accounts. */
const HARASSER_OPENERS = [
  'why are you ignoring me, answer my messages about the {item} right now',
  'i know you are online, you cannot keep blocking me forever',
  'you think you are so special with your stupid {item} listing',
  'answer me or i will keep coming back, i always find you',
  'i saw you at the market again, you looked scared, why is that',
  'you owe me a reply, nobody ignores me like that',
];

export function harasserLines(random: Random, item: string, n: number): string[] {
  const chosen: string[] = [];
  const pool = [...HARASSER_OPENERS];
  for (let i = 0; i < n && pool.length > 0; i++) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!.replaceAll('{item}', item));
  return chosen;
}

/** A harasser back on a new account: their old phrases, lightly altered, or (sometimes) new words. */
export function returningLine(random: Random, own: readonly string[], item: string, freshWording: boolean): string {
  if (freshWording) return pick(random, HARASSER_OPENERS).replaceAll('{item}', item);
  return mutate(random, pick(random, own));
}

export function hash(random: Random, prefix: string): string {
  return `${prefix}_${Math.floor(random() * 2 ** 32).toString(16)}${Math.floor(random() * 2 ** 32).toString(16)}`;
}
