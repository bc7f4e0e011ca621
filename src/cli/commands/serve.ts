import type { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { startServer } from '../../server/server.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the HTTP service (API under /v1, docs at /docs, console at /) on SQLite or PostgreSQL')
    .option('-c, --config <file>', 'config file (YAML or JSON); environment variables override it')
    .option('-p, --port <port>', 'port to listen on (PORT, default 8080)')
    .option('--host <host>', 'address to listen on (HOST, default 127.0.0.1)')
    .action(async (opts: { config?: string; port?: string; host?: string }) => {
      const overrides: Record<string, unknown> = {};
      if (opts.port !== undefined) overrides.port = Number(opts.port);
      if (opts.host !== undefined) overrides.host = opts.host;
      const config = loadConfig({ ...(opts.config ? { file: opts.config } : {}), overrides });
      await startServer({ config, handleSignals: true });
    });
}
