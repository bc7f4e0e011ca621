/**
 * Reads the rule data under rules/ once, at load. Each file is checked by rules-schema.ts;
 * a bad file throws with its path and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  parseContext,
  parseCooccurrence,
  parseLexicon,
  type ContextRule,
  type CooccurrenceRule,
  type LexiconFile,
} from './rules-schema.ts';

/** The rules/ folder of this package. */
export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

export interface RuleSet {
  lexicons: Array<LexiconFile & { file: string }>;
  cooccurrence: CooccurrenceRule[];
  context: ContextRule[];
}

export function loadRuleSet(dir: string = RULES_DIR): RuleSet {
  const lexDir = join(dir, 'lexicon');
  const lexicons = readdirSync(lexDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ ...parseLexicon(`rules/lexicon/${f}`, readYaml(join(lexDir, f))), file: f.replace(/\.yaml$/, '') }));
  const cooccurrence = parseCooccurrence('rules/cooccurrence.yaml', readYaml(join(dir, 'cooccurrence.yaml')));
  const context = parseContext('rules/context.yaml', readYaml(join(dir, 'context.yaml')));
  return { lexicons, cooccurrence, context };
}
