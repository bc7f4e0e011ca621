/**
 * API keys: `hvn_` + 43 characters of base64url (256 random bits). Only the SHA-256 is stored; a key is
 * shown once, when created.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { lockForTransaction } from './dialect.ts';
import { sha256Hex } from './hash-chain.ts';
import { newId } from './ids.ts';
import type { ApiKeyRow, Database, Role } from './schema/index.ts';

export const KEY_PREFIX = 'hvn_';

/** Hex SHA-256 of a presented key — what `api_keys.hash` holds (one-shot where Node has it: no Hash object per request). */
export function hashKey(key: string): string {
  return sha256Hex(key);
}

export function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export interface CreatedKey {
  id: string;
  role: Role;
  name: string | null;
  /** The key itself: show it once, it cannot be recovered. */
  key: string;
}

export async function createKey(db: Kysely<Database>, role: Role, options: { name?: string; key?: string } = {}): Promise<CreatedKey> {
  const key = options.key ?? generateKey();
  const id = newId('key');
  const name = options.name ?? null;
  await db
    .insertInto('api_keys')
    .values({ id, hash: hashKey(key), role, name, created_at: new Date().toISOString(), revoked_at: null })
    .execute();
  return { id, role, name, key };
}

/** The valid (not revoked) key whose hash matches, if any. */
export async function findKeyByHash(db: Kysely<Database>, hash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function listKeys(db: Kysely<Database>): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().orderBy('id').execute();
}

/** Marks a key revoked; returns false when no valid key has that id. */
export async function revokeKey(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * On a database with no keys at all, creates the first admin key — `bootstrapKey` when given, else a random
 * one — and returns it so the caller can print it. Returns null when keys already exist. Two nodes starting on
 * the same new database at once create one key between them: the check and the insert run under a lock.
 */
export async function ensureBootstrapKey(db: Kysely<Database>, bootstrapKey?: string): Promise<CreatedKey | null> {
  return db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, 'bootstrap');
    const existing = await trx.selectFrom('api_keys').select('id').limit(1).executeTakeFirst();
    if (existing) return null;
    return createKey(trx, 'admin', { name: 'bootstrap', ...(bootstrapKey ? { key: bootstrapKey } : {}) });
  });
}
