import type { Command } from 'commander';

export function registerScreen(program: Command): void {
  program.command('screen [text]').description('Screen one text, or JSON Lines from stdin with --jsonl').action(() => {
    process.stdout.write('not yet\n');
  });
}
