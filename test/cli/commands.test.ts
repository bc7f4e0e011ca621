import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.ts';

describe('haven sub-commands (loaded lazily, by name)', () => {
  it('each entry loads a file that registers exactly the command it is named for (regression: lazy dispatch by argv name)', async () => {
    for (const entry of commands) {
      const program = new Command();
      (await entry.load())(program);
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
    }
  });

  it('names are unique', () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  });
});
