import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { exportEvidence, verifyEvidenceChain } from '../../store/evidence.ts';
import { openStore } from '../../store/index.ts';

export function registerEvidence(program: Command): void {
  const evidence = program.command('evidence').description('The hash-chained evidence log');

  evidence
    .command('verify')
    .description('Walk the evidence chain and report the first broken link (exit code 1 when broken)')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .option('--json', 'print the verification as JSON')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const store = await openStore(config.database);
      try {
        const result = await verifyEvidenceChain(store.db);
        if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
        else if (result.ok) {
          process.stdout.write(`evidence chain intact: ${result.entries} entries${result.head ? `, head #${result.head.seq} ${result.head.hash}` : ''}\n`);
        } else {
          process.stdout.write(`evidence chain BROKEN at entry #${result.broken!.seq}: ${result.broken!.reason}\n`);
          process.stdout.write(`${result.entries} entries before it verify${result.head ? ` (last good: #${result.head.seq} ${result.head.hash})` : ''}\n`);
        }
        if (!result.ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });

  evidence
    .command('export')
    .description('Write an evidence bundle (JSON, with the hash chain) for a subject, or for everything')
    .option('-s, --subject <sender>', 'only entries about this sender')
    .option('--channel <channel>', 'only entries in this channel')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .action(async (opts: { subject?: string; channel?: string; out?: string; config?: string }) => {
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const store = await openStore(config.database);
      try {
        const bundle = await exportEvidence(store.db, {
          ...(opts.subject ? { subject: opts.subject } : {}),
          ...(opts.channel ? { channel: opts.channel } : {}),
          limit: Number.MAX_SAFE_INTEGER,
        });
        const json = JSON.stringify(bundle, null, 2) + '\n';
        if (opts.out) writeFileSync(opts.out, json);
        else process.stdout.write(json);
      } finally {
        await store.close();
      }
    });
}
