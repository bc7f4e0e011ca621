/** What every handler gets besides its request: the wiring built once by `buildApp`. */
import type { Kysely } from 'kysely';
import type { CaseRuntime } from '../cases/runtime.ts';
import type { Config } from '../config/index.ts';
import type { Dialect } from '../store/dialect.ts';
import type { MessageWriter } from '../store/message-writer.ts';
import type { Database } from '../store/schema/index.ts';
import type { ScreenViews } from '../engine.ts';
import type { ScreenInput, ScreenResult } from '../types.ts';
import type { ServiceMetrics } from './metrics.ts';
import type { People } from './people.ts';

/** The engine's signature; tests inject a fake to get a chosen verdict (a fake may leave `views` empty). */
export type ScreenFn = (input: ScreenInput, views?: ScreenViews) => ScreenResult;

export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  screen: ScreenFn;
  writer: MessageWriter;
  metrics: ServiceMetrics;
  /** The confidential reporting channel: its dependencies and deadline scheduler (src/cases). */
  cases: CaseRuntime;
  /** Blocks, strikes, sanctions, evasion links, raids and shields (./people.ts). */
  people: People;
}
