/**
 * Reads the rule data under rules/ once, at load. Each file is checked by rules-schema.ts;
 * a bad file throws with its path and field.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CACHE_DIR, packagePath } from '../paths.ts';
import {
  parseContext,
  parseCooccurrence,
  parseLexicon,
  parseSentences,
  type ContextRule,
  type CooccurrenceRule,
  type LexiconFile,
  type SentenceWords,
} from './rules-schema.ts';

/** The rules/ folder of this package. */
export const RULES_DIR = `${packagePath('rules')}${sep}`;

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

/** rules/sentences.yaml alone, checked (for callers of src/policy/sentences.ts that build no engine). */
export function loadSentenceWords(dir: string = RULES_DIR): SentenceWords {
  return parseSentences('rules/sentences.yaml', readYaml(join(dir, 'sentences.yaml')));
}

export interface RuleSet {
  lexicons: Array<LexiconFile & { file: string }>;
  cooccurrence: CooccurrenceRule[];
  context: ContextRule[];
  /** rules/sentences.yaml: the words that decide how far a `reach: sentence` context cue reaches. */
  sentences: SentenceWords;
}

function parseAll(dir: string, lexFiles: string[], read: (path: string) => string): RuleSet {
  const lexDir = join(dir, 'lexicon');
  const yaml = (path: string): unknown => parseYaml(read(path));
  const lexicons = lexFiles.map((f) => ({ ...parseLexicon(`rules/lexicon/${f}`, yaml(join(lexDir, f))), file: f.replace(/\.yaml$/, '') }));
  const cooccurrence = parseCooccurrence('rules/cooccurrence.yaml', yaml(join(dir, 'cooccurrence.yaml')));
  const context = parseContext('rules/context.yaml', yaml(join(dir, 'context.yaml')));
  const sentences = parseSentences('rules/sentences.yaml', yaml(join(dir, 'sentences.yaml')));
  return { lexicons, cooccurrence, context, sentences };
}

/** Where parsed rule sets are cached: parsing YAML is the slowest part of start-up (~0.3 s), JSON takes ~1 ms. */
const SCHEMA_SOURCE = packagePath('src', 'detect', 'rules-schema.ts');

/**
 * Load and check every rule file. The checked result is cached as JSON under node_modules/.cache/haven,
 * keyed by a hash of every rule file and of the schema code, so an edit to either is always re-checked;
 * a cache that cannot be read or written is ignored.
 */
export function loadRuleSet(dir: string = RULES_DIR, options: { cache?: boolean } = {}): RuleSet {
  const lexFiles = readdirSync(join(dir, 'lexicon'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const paths = [...lexFiles.map((f) => join(dir, 'lexicon', f)), join(dir, 'cooccurrence.yaml'), join(dir, 'context.yaml'), join(dir, 'sentences.yaml')];
  const contents = new Map(paths.map((p) => [p, readFileSync(p, 'utf8')]));
  const read = (p: string): string => contents.get(p) ?? readFileSync(p, 'utf8');
  if (options.cache === false) return parseAll(dir, lexFiles, read);
  const hash = createHash('sha256');
  for (const [p, text] of contents) hash.update(p.slice(dir.length)).update('\0').update(text).update('\0');
  try {
    hash.update(readFileSync(SCHEMA_SOURCE, 'utf8'));
  } catch {
    return parseAll(dir, lexFiles, read);
  }
  const file = join(CACHE_DIR, `rules-${hash.digest('hex').slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RuleSet;
  } catch {
    // not cached yet (or unreadable): parse and check, then cache
  }
  const rules = parseAll(dir, lexFiles, read);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(rules));
    renameSync(tmp, file);
  } catch {
    // a read-only install: no cache, parse every time
  }
  return rules;
}
