import type { Command } from 'commander';
import { rotateCaseKey } from '../../cases/rotation.ts';
import { caseKeySource } from '../../cases/settings.ts';
import { loadConfig } from '../../config/index.ts';
import { openStore } from '../../store/index.ts';

/** `haven keys rotate`: a new case-content key (AES-256-GCM), everything sealed re-encrypted under it. */
export function registerKeysRotate(keys: Command): void {
  keys
    .command('rotate')
    .description('Rotate the case-content encryption key (HAVEN_KEY or the key file) and re-encrypt every report, message and attachment')
    .option('-c, --config <file>', 'config file (YAML or JSON)')
    .action(async (opts: { config?: string }) => {
      const config = loadConfig(opts.config ? { file: opts.config } : {});
      const source = caseKeySource(config);
      const store = await openStore(config.database);
      try {
        const result = await rotateCaseKey(store.db, source, new Date().toISOString());
        process.stdout.write(`re-encrypted ${result.reencrypted} values under key ${result.keyId} (was ${result.previousKeyIds.join(', ')})\n`);
        if (result.newKey) {
          process.stdout.write(`The key came from HAVEN_KEY. Set it to the new key now (shown once), then restart the service:\n  HAVEN_KEY=${result.newKey}\n`);
        } else process.stdout.write(`key file ${source.keyFile} now holds only the new key; back it up with the database\n`);
      } finally {
        await store.close();
      }
    });
}
