/**
 * Encryption at rest for case content (report text, messages, notes, decisions, attachments): AES-256-GCM
 * with a random 96-bit IV per value. A sealed value is text:
 *
 *   hv1.<keyId>.<iv>.<tag>.<ciphertext>        (base64url parts; keyId = first 16 hex of SHA-256(key))
 *
 * The key comes from `HAVEN_KEY` (base64 or hex of 32 bytes; several comma-separated, newest first, during a
 * rotation) or from a key file created on first start (mode 0600; one base64 key per line, newest first).
 * Older keys only decrypt; `haven keys rotate` re-encrypts everything under a new key and drops them.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const PREFIX = 'hv1';

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Decodes one key (base64, base64url or 64 hex digits) to 32 bytes. */
export function decodeKey(text: string, source: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (bytes.length !== 32) throw new KeyringError(`${source}: a key must be 32 bytes (base64 or 64 hex digits); got ${bytes.length} bytes`);
  return bytes;
}

export function generateKeyText(): string {
  return randomBytes(32).toString('base64');
}

/** The keys content is sealed with: the first encrypts, all decrypt. */
export class Keyring {
  readonly #keys: Map<string, Buffer>;
  readonly #currentId: string;

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new KeyringError('a keyring needs at least one key');
    this.#keys = new Map(keys.map((k) => [keyIdOf(k), k]));
    this.#currentId = keyIdOf(keys[0]!);
  }

  get currentKeyId(): string {
    return this.#currentId;
  }

  has(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  seal(plain: string | Buffer): string {
    const key = this.#keys.get(this.#currentId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return [PREFIX, this.#currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  openBytes(sealed: string): Buffer {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== PREFIX) throw new KeyringError('not a sealed value');
    const [, keyId, iv, tag, ct] = parts as [string, string, string, string, string];
    const key = this.#keys.get(keyId);
    if (!key) throw new KeyringError(`sealed under key ${keyId}, which this keyring does not hold (was the key rotated or replaced?)`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
    } catch {
      throw new KeyringError('sealed value failed authentication (edited, or the wrong key)');
    }
  }

  open(sealed: string): string {
    return this.openBytes(sealed).toString('utf8');
  }

  /** Key id a sealed value was made with (null when it is not one). */
  static keyIdOfSealed(sealed: string): string | null {
    const parts = sealed.split('.');
    return parts.length === 5 && parts[0] === PREFIX ? parts[1]! : null;
  }
}

export interface KeySource {
  /** `HAVEN_KEY`: one key or several, comma-separated, newest first. */
  key?: string | undefined;
  /** Used when `key` is absent; created (0600) on first start. */
  keyFile: string;
}

/** Where the keys came from, so a running service can re-read a rotated key file. */
export interface LoadedKeyring {
  keyring: Keyring;
  source: 'env' | 'file';
  /** True when the key file was just created. */
  created: boolean;
}

export function loadKeyring(source: KeySource, options: { create?: boolean } = {}): LoadedKeyring {
  if (source.key) {
    const keys = source.key
      .split(',')
      .filter((k) => k.trim() !== '')
      .map((k, i) => decodeKey(k, `HAVEN_KEY (key ${i + 1})`));
    return { keyring: new Keyring(keys), source: 'env', created: false };
  }
  if (!existsSync(source.keyFile)) {
    if (options.create === false) throw new KeyringError(`key file ${source.keyFile} does not exist (start the service once, or set HAVEN_KEY)`);
    writeKeyFile(source.keyFile, [generateKeyText()]);
    return { keyring: readKeyFile(source.keyFile), source: 'file', created: true };
  }
  return { keyring: readKeyFile(source.keyFile), source: 'file', created: false };
}

export function readKeyFile(path: string): Keyring {
  const lines = readKeyFileLines(path);
  if (lines.length === 0) throw new KeyringError(`key file ${path} holds no key`);
  return new Keyring(lines.map((l, i) => decodeKey(l, `key file ${path} line ${i + 1}`)));
}

export function readKeyFileLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Writes keys (newest first) atomically, readable by the owner only. */
export function writeKeyFile(path: string, keys: readonly string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const text = '# Haven case-content keys (AES-256-GCM), newest first. Keep secret; back up with the database.\n' + keys.join('\n') + '\n';
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * The keyring a running service uses: when it meets a value sealed under a key it does not hold and its keys
 * came from a file, it re-reads the file once (`haven keys rotate` may have run beside it).
 */
export class CaseCipher {
  #loaded: LoadedKeyring;
  #mtime = 0;
  constructor(private readonly source: KeySource) {
    this.#loaded = loadKeyring(source);
    if (this.#loaded.source === 'file') this.#mtime = statSync(source.keyFile).mtimeMs;
  }

  /** The key file in use (null when the keys come from HAVEN_KEY). */
  get keyFile(): string | null {
    return this.#loaded.source === 'file' ? this.source.keyFile : null;
  }

  /** True when the key file was created by this start. */
  get createdKeyFile(): boolean {
    return this.#loaded.created;
  }

  seal(plain: string | Buffer): string {
    this.#reloadIfRotated();
    return this.#loaded.keyring.seal(plain);
  }

  /** A rotation rewrites the key file: seal under its newest key from then on. */
  #reloadIfRotated(): void {
    if (this.#loaded.source !== 'file') return;
    let mtime: number;
    try {
      mtime = statSync(this.source.keyFile).mtimeMs;
    } catch {
      return;
    }
    if (mtime !== this.#mtime) {
      this.#loaded = loadKeyring(this.source, { create: false });
      this.#mtime = mtime;
    }
  }

  open(sealed: string): string {
    return this.openBytes(sealed).toString('utf8');
  }

  openBytes(sealed: string): Buffer {
    const keyId = Keyring.keyIdOfSealed(sealed);
    if (keyId && !this.#loaded.keyring.has(keyId) && this.#loaded.source === 'file') {
      this.#loaded = loadKeyring(this.source, { create: false });
    }
    return this.#loaded.keyring.openBytes(sealed);
  }
}
