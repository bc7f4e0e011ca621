/**
 * Runs the service: opens (and migrates) the store, creates the first admin key of a new database, listens,
 * prints where, and on SIGTERM/SIGINT stops accepting, drains in-flight requests, commits queued writes
 * and closes the store before exiting.
 */
import type { Config } from '../config/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { ensureBootstrapKey } from '../store/keys.ts';
import { buildApp, type HavenApp } from './app.ts';
import type { ScreenFn } from './context.ts';

export interface RunningServer {
  app: HavenApp;
  store: Store;
  url: string;
  /** Drains and closes; idempotent. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  config: Config;
  screen?: ScreenFn;
  /** Where the banner goes (default stdout). */
  print?: (line: string) => void;
  /** Install SIGTERM/SIGINT handlers that close and exit (default false; `haven serve` sets it). */
  handleSignals?: boolean;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const store = await openStore(config.database);
  let app: HavenApp;
  try {
    const bootstrap = await ensureBootstrapKey(store.db, config.bootstrapKey);
    if (bootstrap && config.bootstrapKey) {
      print(`New database: the admin key is the one set by HAVEN_BOOTSTRAP_KEY (${bootstrap.id}).`);
    } else if (bootstrap) {
      print('New database: first admin key (shown once, store it now):');
      print(`  ${bootstrap.key}`);
      print('Create more with `haven keys create --role service|moderator|admin`.');
    }
    app = await buildApp({ config, db: store.db, ...(options.screen ? { screen: options.screen } : {}) });
    // Load the engine's rules and models now: a bad rule file fails the start, not the first request.
    app.haven.screen({ text: 'warm-up' });
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await store.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  print(`Haven listening on ${url} (${store.dialect}: ${store.location})`);
  if (app.haven.cases.deps.cipher.createdKeyFile) {
    print(`  New case-content key file ${app.haven.cases.deps.cipher.keyFile} (back it up with the database; see docs/reporting.md).`);
  }
  print(`  console  ${url}/`);
  print(`  API      ${url}/v1   docs ${url}/docs`);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      try {
        await app.close();
      } finally {
        await store.close();
      }
    })());

  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) return; // already draining; a second signal does not cut it short
      app.log.info({ signal }, 'draining in-flight requests, then exiting');
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'error while closing');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { app, store, url, close };
}
