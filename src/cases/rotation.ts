/**
 * `haven keys rotate`: a new case-content key, and everything sealed re-encrypted under it.
 *
 * With a key file: (1) the new key is written in front of the old ones (every reader can open both, and running
 * services start sealing with the new one — they watch the file); (2) every sealed value is re-encrypted in one
 * transaction, then once more for anything sealed under an old key meanwhile; (3) the old keys are dropped from
 * the file. A crash at any step leaves a file that opens everything. With `HAVEN_KEY`, the new key is returned
 * for the operator to put in its place (stop the service first: it cannot read the variable again).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema/index.ts';
import { appendAudit } from './audit.ts';
import { decodeKey, generateKeyText, Keyring, readKeyFileLines, writeKeyFile, type KeySource } from './crypto.ts';

export interface RotationResult {
  keyId: string;
  previousKeyIds: string[];
  /** Sealed values re-encrypted. */
  reencrypted: number;
  /** Set when the keys came from HAVEN_KEY: the new key, for the operator to store. */
  newKey?: string;
}

export async function rotateCaseKey(db: Kysely<Database>, source: KeySource, at: string): Promise<RotationResult> {
  const fromEnv = !!source.key;
  const oldTexts = fromEnv ? source.key!.split(',').map((k) => k.trim()).filter((k) => k !== '') : readKeyFileLines(source.keyFile);
  if (oldTexts.length === 0) throw new Error(fromEnv ? 'HAVEN_KEY is empty' : `key file ${source.keyFile} holds no key`);
  const oldKeys = oldTexts.map((k, i) => decodeKey(k, fromEnv ? `HAVEN_KEY (key ${i + 1})` : `key file line ${i + 1}`));
  const newText = generateKeyText();
  const both = new Keyring([decodeKey(newText, 'new key'), ...oldKeys]);
  const previousKeyIds = oldKeys.map((k) => new Keyring([k]).currentKeyId);
  if (!fromEnv) writeKeyFile(source.keyFile, [newText, ...oldTexts]);

  let reencrypted = await reencryptAll(db, both, null);
  // Values sealed by a running service under an old key while the transaction above ran.
  reencrypted += await reencryptAll(db, both, both.currentKeyId);
  await db.transaction().execute((trx) =>
    appendAudit(trx, [{ caseId: null, action: 'keys.rotated', actor: 'cli', at, details: { keyId: both.currentKeyId, previousKeyIds, reencrypted } }]),
  );
  if (!fromEnv) writeKeyFile(source.keyFile, [newText]);
  return { keyId: both.currentKeyId, previousKeyIds, reencrypted, ...(fromEnv ? { newKey: newText } : {}) };
}

/** Re-seals every value not already under `skipKeyId` (all when null) with the keyring's current key. */
async function reencryptAll(db: Kysely<Database>, keyring: Keyring, skipKeyId: string | null): Promise<number> {
  const needs = (sealed: string) => skipKeyId === null || Keyring.keyIdOfSealed(sealed) !== skipKeyId;
  return db.transaction().execute(async (trx) => {
    let count = 0;
    const events = await trx.selectFrom('case_events').select(['case_id', 'seq', 'content']).where('content', 'is not', null).execute();
    for (const e of events) {
      if (!needs(e.content!)) continue;
      const content = keyring.seal(keyring.openBytes(e.content!));
      await trx.updateTable('case_events').set({ content }).where('case_id', '=', e.case_id).where('seq', '=', e.seq).execute();
      count += 1;
    }
    const attachments = await trx.selectFrom('case_attachments').select(['id', 'filename', 'content']).execute();
    for (const a of attachments) {
      if (!needs(a.filename) && !needs(a.content)) continue;
      const filename = keyring.seal(keyring.openBytes(a.filename));
      const content = keyring.seal(keyring.openBytes(a.content));
      await trx.updateTable('case_attachments').set({ filename, content }).where('id', '=', a.id).execute();
      count += 2;
    }
    return count;
  });
}
