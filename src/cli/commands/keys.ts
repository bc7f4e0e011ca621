import type { Command } from 'commander';
import { createKey, listKeys, revokeKey } from '../../store/keys.ts';
import { bindKeyToEmployee } from '../../cases/org-store.ts';
import { registerKeysRotate } from './keys-rotate.ts';
import { ROLES, type Role } from '../../store/schema/index.ts';
import { withStore } from '../store.ts';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('Manage API keys (stored hashed; a key is shown once)');

  keys
    .command('create')
    .description('Create an API key and print it once')
    .requiredOption('-r, --role <role>', `role: ${ROLES.join(' | ')}`)
    .option('-n, --name <name>', 'a name to recognise the key by')
    .option('-e, --employee <id>', 'the employee the key acts as on cases (investigators; see docs/reporting.md)')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .option('--json', 'print {id, role, name, key} as JSON')
    .action(async (opts: { role: string; name?: string; employee?: string; config?: string; json?: boolean }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new Error(`--role must be one of ${ROLES.join(', ')} (got ${JSON.stringify(opts.role)})`);
      const created = await withStore(opts.config, (store) =>
        store.db.transaction().execute(async (trx) => {
          const key = await createKey(trx, opts.role as Role, opts.name ? { name: opts.name } : {});
          if (opts.employee) await bindKeyToEmployee(trx, key.id, opts.employee, new Date().toISOString());
          return key;
        }),
      );
      if (opts.json) process.stdout.write(JSON.stringify(created) + '\n');
      else process.stdout.write(`${created.key}\n# ${created.id} (${created.role}) — shown once; store it now\n`);
    });

  keys
    .command('list')
    .description('List keys (ids, roles, names; never the keys)')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .action(async (opts: { config?: string }) => {
      const listed = await withStore(opts.config, (store) => listKeys(store.db));
      for (const k of listed) {
        process.stdout.write(`${k.id}\t${k.role}\t${k.revoked_at ? `revoked ${k.revoked_at}` : 'active'}\t${k.created_at}\t${k.name ?? ''}\n`);
      }
    });

  keys
    .command('revoke <id>')
    .description('Revoke a key by id (takes effect within 5 seconds on running servers)')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .action(async (id: string, opts: { config?: string }) => {
      const revoked = await withStore(opts.config, (store) => revokeKey(store.db, id));
      if (!revoked) throw new Error(`no active key ${id}`);
      process.stdout.write(`revoked ${id}\n`);
    });

  registerKeysRotate(keys);
}
