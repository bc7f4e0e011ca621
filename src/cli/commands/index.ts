import type { Command } from 'commander';
import { registerAudit } from './audit.ts';
import { registerEval } from './eval.ts';
import { registerEvidence } from './evidence.ts';
import { registerKeys } from './keys.ts';
import { registerOrg } from './org.ts';
import { registerScreen } from './screen.ts';
import { registerServe } from './serve.ts';
import { registerSimulate } from './simulate.ts';
import { registerTrain } from './train.ts';

/** Every `haven` sub-command, in the order `haven --help` lists them. One file per command. */
export const commands: Array<(program: Command) => void> = [registerScreen, registerEval, registerServe, registerSimulate, registerKeys, registerEvidence, registerTrain, registerOrg, registerAudit];
