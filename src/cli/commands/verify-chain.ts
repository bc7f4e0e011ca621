/**
 * `haven evidence verify` and `haven audit verify`: walk one hash chain and report it — one line when intact,
 * two naming the first broken entry otherwise (exit code 1). `--head SEQ:HASH` (repeatable) and `--bundle FILE`
 * (an exported bundle's head) also check heads recorded earlier outside the database, which is how deletions from
 * the end of a chain, or a chain rewritten with every hash recomputed, show.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { parseChainHead, type ChainHead, type ChainVerification } from '../../store/hash-chain.ts';
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
  chain: { name: string; description: string; verify: (db: Kysely<Database>, options: { recordedHeads: ChainHead[] }) => Promise<ChainVerification> },
): void {
  const command = parent
    .command('verify')
    .description(chain.description)
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .option('--json', 'print the verification as JSON')
    .option('--head <seq:hash>', 'a head recorded earlier (as printed: "head #SEQ HASH"); it must still be in the chain (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .addHelpText(
      'after',
      `
A walk finds edited, inserted and deleted rows, but not entries deleted from the END of the chain, nor a chain
rewritten with every hash recomputed. Record the head now and then somewhere the database's admins cannot
write (a ticket, a write-once bucket), and pass it back with --head.`,
    );
  if (chain.name === 'evidence') {
    command.option('--bundle <file>', 'an exported evidence bundle: its head must still be in the chain (repeatable)', (v: string, all: string[] = []) => [...all, v]);
  }
  command.action(async (opts: { config?: string; json?: boolean; head?: string[]; bundle?: string[] }) => {
    let recordedHeads: ChainHead[];
    try {
      recordedHeads = [...(opts.head ?? []).map(parseChainHead), ...(opts.bundle ?? []).flatMap(bundleHead)];
    } catch (err) {
      process.stderr.write(`haven ${chain.name} verify: ${(err as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    const result = await withStore(opts.config, (store) => chain.verify(store.db, { recordedHeads }));
    process.stdout.write(formatChainVerification(chain.name, result, opts.json ?? false));
    if (!result.ok) process.exitCode = 1;
  });
}

/** The head an exported evidence bundle recorded (none when the chain was empty then). */
function bundleHead(file: string): ChainHead[] {
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the bundle ${file}: ${(err as Error).message}`);
  }
  const head = (bundle as { head?: unknown } | null)?.head;
  if (head === null) return [];
  if (typeof head !== 'object' || head === undefined) throw new Error(`${file} is not an evidence bundle (no "head")`);
  const { seq, hash } = head as { seq?: unknown; hash?: unknown };
  return [parseChainHead(`${String(seq)}:${String(hash)}`)];
}
