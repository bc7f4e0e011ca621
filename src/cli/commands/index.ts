import type { Command } from 'commander';

/** A sub-command: its name, and how to load the one file that registers it. */
export interface CommandEntry {
  name: string;
  load: () => Promise<(program: Command) => void>;
}

/**
 * Every `haven` sub-command, in the order `haven --help` lists them. One file per command, imported only
 * when that command runs (or for `haven --help`): `haven screen` never loads the server stack.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'screen', load: async () => (await import('./screen.ts')).registerScreen },
  { name: 'eval', load: async () => (await import('./eval.ts')).registerEval },
  { name: 'serve', load: async () => (await import('./serve.ts')).registerServe },
  { name: 'simulate', load: async () => (await import('./simulate.ts')).registerSimulate },
  { name: 'keys', load: async () => (await import('./keys.ts')).registerKeys },
  { name: 'evidence', load: async () => (await import('./evidence.ts')).registerEvidence },
  { name: 'train', load: async () => (await import('./train.ts')).registerTrain },
  { name: 'org', load: async () => (await import('./org.ts')).registerOrg },
  { name: 'audit', load: async () => (await import('./audit.ts')).registerAudit },
];
