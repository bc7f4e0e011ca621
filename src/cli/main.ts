import { Command } from 'commander';
import { commands } from './commands/index.ts';

const program = new Command();
program
  .name('haven')
  .description('Haven trust-and-safety: screen text, run the service, train and evaluate models.')
  .version('0.1.0');

// Load only the command being run; anything else (--help, help, an unknown name) loads them all.
const named = commands.filter((c) => c.name === process.argv[2]);
for (const entry of named.length > 0 ? named : commands) (await entry.load())(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`haven: ${message}\n`);
  process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
});
