import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportEvidence, verifyEvidenceChain } from '../../store/evidence.ts';
import { withStore } from '../store.ts';
import { registerVerifyChain } from './verify-chain.ts';

export function registerEvidence(program: Command): void {
  const evidence = program.command('evidence').description('The hash-chained evidence log');

  registerVerifyChain(evidence, {
    name: 'evidence',
    description: 'Walk the evidence chain and report the first broken link (exit code 1 when broken)',
    verify: verifyEvidenceChain,
  });

  evidence
    .command('export')
    .description('Write an evidence bundle (JSON, with the hash chain) for a subject, or for everything')
    .option('-s, --subject <sender>', 'only entries about this sender')
    .option('--channel <channel>', 'only entries in this channel')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .action(async (opts: { subject?: string; channel?: string; out?: string; config?: string }) => {
      const bundle = await withStore(opts.config, (store) =>
        exportEvidence(store.db, {
          ...(opts.subject ? { subject: opts.subject } : {}),
          ...(opts.channel ? { channel: opts.channel } : {}),
          limit: Number.MAX_SAFE_INTEGER,
        }),
      );
      const json = JSON.stringify(bundle, null, 2) + '\n';
      if (opts.out) writeFileSync(opts.out, json);
      else process.stdout.write(json);
    });
}
