/**
 * Receipts: how a reporter comes back without an account. A receipt is 28 Crockford-base32 characters shown
 * in groups of four — an 8-character locator (40 bits, finds the case) and a 20-character secret (100 bits).
 * Only the locator and a scrypt hash of the secret are stored; the secret is compared in constant time, and a
 * miss on the locator still runs scrypt, so a wrong receipt costs the same whichever half is wrong.
 *
 *   const r = newReceipt();        // r.code = 'K7QD-3M9X-…' shown once; store r.locator, r.salt, r.hash
 *   await verifySecret(parsed.secret, row.receipt_salt, row.receipt_hash)
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LOCATOR_CHARS = 8;
const SECRET_CHARS = 20;
/** scrypt cost: N = 2^15, r = 8 (32 MiB, tens of milliseconds) — slow for a guesser, fine for a reporter. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const HASH_BYTES = 32;

export interface NewReceipt {
  /** What the reporter is shown, once: `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`. */
  code: string;
  locator: string;
  /** hex */
  salt: string;
  /** hex scrypt(secret, salt) */
  hash: string;
}

export interface ParsedReceipt {
  locator: string;
  secret: string;
}

function randomChars(n: number): string {
  // 256 is a multiple of 32: taking the low 5 bits of a random byte is unbiased.
  return Array.from(randomBytes(n), (b) => ALPHABET[b & 31]).join('');
}

export async function newReceipt(): Promise<NewReceipt> {
  const locator = randomChars(LOCATOR_CHARS);
  const secret = randomChars(SECRET_CHARS);
  const salt = randomBytes(16).toString('hex');
  const hash = (await slowHash(secret, salt)).toString('hex');
  const raw = locator + secret;
  return { code: raw.match(/.{4}/g)!.join('-'), locator, salt, hash };
}

/** Normalizes what a person typed (case, spaces, hyphens, I/L→1, O→0); null when it cannot be a receipt. */
export function parseReceipt(input: string): ParsedReceipt | null {
  if (input.length > 100) return null;
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (raw.length !== LOCATOR_CHARS + SECRET_CHARS) return null;
  for (const c of raw) if (!ALPHABET.includes(c)) return null;
  return { locator: raw.slice(0, LOCATOR_CHARS), secret: raw.slice(LOCATOR_CHARS) };
}

function slowHash(secret: string, saltHex: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, Buffer.from(saltHex, 'hex'), HASH_BYTES, SCRYPT, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const DUMMY_SALT = randomBytes(16).toString('hex');
const DUMMY_HASH = randomBytes(HASH_BYTES).toString('hex');

/**
 * True when `secret` matches. Pass `null` for the stored pair when the locator matched nothing: the same
 * scrypt work is done against a dummy, so timing does not tell a wrong locator from a wrong secret.
 */
export async function verifySecret(secret: string, stored: { salt: string; hash: string } | null): Promise<boolean> {
  const salt = stored?.salt ?? DUMMY_SALT;
  const expected = Buffer.from(stored?.hash ?? DUMMY_HASH, 'hex');
  const actual = await slowHash(secret, salt);
  const same = expected.length === actual.length && timingSafeEqual(expected, actual);
  return same && stored !== null;
}
