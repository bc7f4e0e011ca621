import type { Command } from 'commander';
import { verifyAuditChain } from '../../cases/audit.ts';
import { registerVerifyChain } from './verify-chain.ts';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit log of the reporting channel');

  registerVerifyChain(audit, {
    name: 'audit',
    description: 'Walk the case audit chain; name the first edited, deleted or inserted entry (exit code 1 when broken)',
    verify: verifyAuditChain,
  });
}
