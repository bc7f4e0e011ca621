import type { Command } from 'commander';
import { verifyAuditChain } from '../../cases/audit.ts';
import { loadConfig } from '../../config/index.ts';
import { openStore } from '../../store/index.ts';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit log of the reporting channel');

  audit
    .command('verify')
    .description('Walk the case audit chain; name the first edited, deleted or inserted entry (exit code 1 when broken)')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .option('--json', 'print the verification as JSON')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const store = await openStore(config.database);
      try {
        const result = await verifyAuditChain(store.db);
        if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
        else if (result.ok) {
          process.stdout.write(`audit chain intact: ${result.entries} entries${result.head ? `, head #${result.head.seq} ${result.head.hash}` : ''}\n`);
        } else {
          process.stdout.write(`audit chain BROKEN at entry #${result.broken!.seq}: ${result.broken!.reason}\n`);
          process.stdout.write(`${result.entries} entries before it verify${result.head ? ` (last good: #${result.head.seq} ${result.head.hash})` : ''}\n`);
        }
        if (!result.ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
