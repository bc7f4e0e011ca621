import { Command } from 'commander';
import { commands } from './commands/index.ts';

const program = new Command();
program
  .name('haven')
  .description('Haven trust-and-safety: screen text, run the service, train and evaluate models.')
  .version('0.1.0');

for (const register of commands) register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`haven: ${message}\n`);
  process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
});
