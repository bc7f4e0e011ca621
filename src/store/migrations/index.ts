/**
 * Every migration, in order — ONE set for SQLite and PostgreSQL. To change the schema, add a file named
 * `<UTC timestamp>-<what>.ts` exporting a Kysely `Migration` (portable DDL; branch on `dialectOf(db)` from
 * ../dialect.ts only where the databases truly differ) and append one line below. Never edit a shipped one.
 */
import type { Migration } from 'kysely';
import { service } from './2026-11-25T1700-service.ts';
import { reporting } from './2026-11-25T1800-reporting.ts';
import { people } from './2026-11-26T0900-people.ts';
import { linkDecisions } from './2026-11-26T1000-link-decisions.ts';
import { dropMessagesChannel } from './2026-11-26T1200-drop-messages-channel.ts';

export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['2026-11-25T1700-service', service],
  ['2026-11-25T1800-reporting', reporting],
  ['2026-11-26T0900-people', people],
  ['2026-11-26T1000-link-decisions', linkDecisions],
  ['2026-11-26T1200-drop-messages-channel', dropMessagesChannel],
];
