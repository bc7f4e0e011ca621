/**
 * `haven evidence verify` and `haven audit verify`: walk one hash chain and report it — one line when intact,
 * two naming the first broken entry otherwise (exit code 1).
 */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { ChainVerification } from '../../store/hash-chain.ts';
import type { Database } from '../../store/schema/index.ts';
import { withStore } from '../store.ts';

/** `chain` names the log in the report (`evidence`, `audit`); JSON prints the verification as is. */
export function formatChainVerification(chain: string, result: ChainVerification, json: boolean): string {
  if (json) return JSON.stringify(result) + '\n';
  if (result.ok) return `${chain} chain intact: ${result.entries} entries${result.head ? `, head #${result.head.seq} ${result.head.hash}` : ''}\n`;
  return (
    `${chain} chain BROKEN at entry #${result.broken!.seq}: ${result.broken!.reason}\n` +
    `${result.entries} entries before it verify${result.head ? ` (last good: #${result.head.seq} ${result.head.hash})` : ''}\n`
  );
}

/** Adds `verify` under `parent` for the chain that `verify` walks. */
export function registerVerifyChain(
  parent: Command,
  chain: { name: string; description: string; verify: (db: Kysely<Database>) => Promise<ChainVerification> },
): void {
  parent
    .command('verify')
    .description(chain.description)
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .option('--json', 'print the verification as JSON')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const result = await withStore(opts.config, (store) => chain.verify(store.db));
      process.stdout.write(formatChainVerification(chain.name, result, opts.json ?? false));
      if (!result.ok) process.exitCode = 1;
    });
}
