import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { appendAudit } from '../../cases/audit.ts';
import { replaceOrg } from '../../cases/org-store.ts';
import { orgInputSchema, OrgError, parseOrgFile, validateOrg } from '../../cases/org.ts';
import { loadConfig } from '../../config/index.ts';
import { openStore } from '../../store/index.ts';

export function registerOrg(program: Command): void {
  const org = program.command('org').description('The organisation chart the reporting channel routes cases by');

  org
    .command('import <file>')
    .description('Replace the org chart from CSV (header: id,name,email,managerId,unit,role,tier) or a JSON array; checked whole first')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .action(async (file: string, opts: { config?: string }) => {
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const raw = parseOrgFile(readFileSync(file, 'utf8'), file);
      const parsed = orgInputSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = issue.path.map(String).join('.');
        throw new OrgError(`${file}: employee ${where}: ${issue.message}`, where);
      }
      const chart = validateOrg(parsed.data, { tiers: config.reporting.tiers });
      const store = await openStore(config.database);
      try {
        const at = new Date().toISOString();
        const investigators = [...chart.byId.values()].filter((e) => e.role === 'investigator').length;
        await store.db.transaction().execute(async (trx) => {
          await replaceOrg(trx, chart, at);
          await appendAudit(trx, [{ caseId: null, action: 'org.imported', actor: 'cli', at, details: { employees: chart.byId.size, investigators } }]);
        });
        process.stdout.write(`imported ${chart.byId.size} employees (${investigators} investigators) into ${store.location}\n`);
      } finally {
        await store.close();
      }
    });
}
