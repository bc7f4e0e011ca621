import type { Command } from 'commander';
import { registerScreen } from './screen.ts';

/** Every `haven` sub-command, in the order `haven --help` lists them. One file per command. */
export const commands: Array<(program: Command) => void> = [registerScreen];
