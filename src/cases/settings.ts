/**
 * What the reporting channel needs at run time, wired once from the validated config (src/config) — nothing
 * in src/cases reads the environment.
 */
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config/index.ts';
import type { Database } from '../store/schema/index.ts';
import type { Clock } from './clock.ts';
import type { CaseCipher } from './crypto.ts';

export type CaseSettings = Config['reporting'];

export interface CaseDeps {
  db: Kysely<Database>;
  clock: Clock;
  cipher: CaseCipher;
  settings: CaseSettings;
  /** Called after a commit that wrote outbox rows (the scheduler delivers them). */
  onOutbox?: () => void;
}

/** Where the case-content key comes from: `HAVEN_KEY`, else the key file (default: beside the SQLite file). */
export function caseKeySource(config: Config): { key?: string; keyFile: string } {
  const { path, url } = config.database;
  const keyFile = config.reporting.keyFile ?? (url || path === ':memory:' ? './data/haven.key' : join(dirname(path), 'haven.key'));
  return { ...(config.reporting.key ? { key: config.reporting.key } : {}), keyFile };
}
