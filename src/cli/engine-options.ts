/** Shared CLI wiring: build the engine from --policy and --no-model options. */
import { Option, type Command } from 'commander';
import { createDefaultEngine, type Engine } from '../default-engine.ts';
import { loadPolicyFile } from '../policy/policy.ts';

export interface EngineFlags {
  policy?: string;
  model?: boolean;
}

export function addEngineOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--policy <file>', 'operator policy file (JSON or YAML): overrides, custom block/allow terms'))
    .addOption(new Option('--no-model', 'screen with rules only, without the learned classifier'));
}

export function engineFromFlags(flags: EngineFlags): Engine {
  return createDefaultEngine({
    ...(flags.policy ? { policy: loadPolicyFile(flags.policy) } : {}),
    model: flags.model !== false,
  });
}
