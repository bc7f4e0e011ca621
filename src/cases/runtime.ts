/**
 * The reporting channel as the service runs it: its dependencies (store, clock, cipher, settings) and its
 * deadline scheduler, built once by `buildApp` from the validated config.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config/index.ts';
import type { Database } from '../store/schema/index.ts';
import { systemClock, type Clock } from './clock.ts';
import { CaseCipher } from './crypto.ts';
import type { WebhookPost } from './outbox.ts';
import { CaseScheduler } from './scheduler.ts';
import { caseKeySource, type CaseDeps } from './settings.ts';

export interface CaseRuntime {
  deps: CaseDeps;
  scheduler: CaseScheduler;
}

export interface CaseRuntimeOptions {
  config: Config;
  db: Kysely<Database>;
  clock?: Clock;
  onError?: (err: unknown) => void;
  post?: WebhookPost;
}

export function createCaseRuntime(options: CaseRuntimeOptions): CaseRuntime {
  const { config, db } = options;
  const deps: CaseDeps = { db, clock: options.clock ?? systemClock, cipher: new CaseCipher(caseKeySource(config)), settings: config.reporting };
  const scheduler = new CaseScheduler(deps, {
    pollMs: config.reporting.schedulerPollMs,
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.post ? { post: options.post } : {}),
  });
  deps.onOutbox = () => scheduler.kick();
  return { deps, scheduler };
}
