/**
 * Policy: label → verdict defaults per surface (rules/policy.yaml), combinations, model thresholds,
 * and the operator's overrides (custom block/allow terms, per-surface verdicts), validated with errors
 * that name the bad field.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { packagePath } from '../paths.ts';
import { LABELS, SURFACES, VERDICTS, type Label, type Surface, type Verdict } from '../types.ts';

const verdict = z.enum(VERDICTS);
const labelVerdicts = z.partialRecord(z.enum(LABELS), verdict);

const policySchema = z
  .object({
    labels: labelVerdicts.optional(),
    surfaces: z.partialRecord(z.enum(SURFACES), labelVerdicts).optional(),
    combinations: z.array(z.object({ when: z.array(z.enum(LABELS)).min(2), verdict }).strict()).optional(),
    model: z
      .object({
        hold: z.number().min(0).max(1),
        block: z.number().min(0).max(1),
        minWords: z.number().int().min(0).max(1000).optional(),
        yieldTo: z.partialRecord(z.enum(LABELS), z.array(z.enum(LABELS))).optional(),
      })
      .strict()
      .optional(),
    redactPii: z.boolean().optional(),
    blockTerms: z
      .array(
        z.union([
          z.string().min(1),
          z.object({ term: z.string().min(1), label: z.enum(LABELS).default('insult'), verdict: verdict.default('block') }).strict(),
        ]),
      )
      .optional(),
    allowTerms: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type PolicyConfig = z.input<typeof policySchema>;

export interface Policy {
  labels: Record<Label, Verdict>;
  surfaces: Partial<Record<Surface, Partial<Record<Label, Verdict>>>>;
  combinations: Array<{ when: Label[]; verdict: Verdict }>;
  /**
   * minWords: the model alone raises nothing on a text of fewer words (a Han character counts as one).
   * yieldTo: the model does not raise a label where a rule already raised one of these (its score still shows).
   */
  model: { hold: number; block: number; minWords: number; yieldTo: Partial<Record<Label, Label[]>> };
  redactPii: boolean;
  blockTerms: Array<{ term: string; label: Label; verdict: Verdict }>;
  allowTerms: string[];
}

export class PolicyError extends Error {
  constructor(source: string, field: string, problem: string) {
    super(`${source}: ${field}: ${problem}`);
    this.name = 'PolicyError';
  }
}

function validate(source: string, raw: unknown): z.output<typeof policySchema> {
  const parsed = policySchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
    const message = issue?.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid');
    throw new PolicyError(source, issue?.code === 'unrecognized_keys' && field === '(root)' ? issue.keys[0] ?? field : field, message);
  }
  return parsed.data;
}

const DEFAULT_FILE = packagePath('rules', 'policy.yaml');

let defaults: Policy | undefined;

/** The default policy of rules/policy.yaml. */
export function defaultPolicy(): Policy {
  if (defaults) return defaults;
  const d = validate('rules/policy.yaml', parseYaml(readFileSync(DEFAULT_FILE, 'utf8')));
  const labels = Object.fromEntries(LABELS.map((l) => [l, d.labels?.[l] ?? 'allow'])) as Record<Label, Verdict>;
  defaults = {
    labels,
    surfaces: d.surfaces ?? {},
    combinations: d.combinations ?? [],
    model: { hold: d.model?.hold ?? 0.75, block: d.model?.block ?? 0.97, minWords: d.model?.minWords ?? 0, yieldTo: d.model?.yieldTo ?? {} },
    redactPii: d.redactPii ?? true,
    blockTerms: [],
    allowTerms: [],
  };
  return defaults;
}

/** Merge an operator's overrides (already parsed JSON/YAML) into the defaults. Throws PolicyError naming the bad field. */
export function resolvePolicy(overrides: unknown, source = 'policy'): Policy {
  const base = defaultPolicy();
  const o = validate(source, overrides);
  const surfaces: Policy['surfaces'] = { ...base.surfaces };
  for (const [s, v] of Object.entries(o.surfaces ?? {})) surfaces[s as Surface] = { ...(surfaces[s as Surface] ?? {}), ...v };
  return {
    labels: { ...base.labels, ...o.labels },
    surfaces,
    combinations: o.combinations ?? base.combinations,
    model: o.model ? { ...base.model, ...o.model, minWords: o.model.minWords ?? base.model.minWords, yieldTo: o.model.yieldTo ?? base.model.yieldTo } : base.model,
    redactPii: o.redactPii ?? base.redactPii,
    blockTerms: (o.blockTerms ?? []).map((t) => (typeof t === 'string' ? { term: t, label: 'insult' as Label, verdict: 'block' as Verdict } : t)),
    allowTerms: o.allowTerms ?? [],
  };
}

/** Read an operator policy file (.json, .yaml or .yml). */
export function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new PolicyError(path, '(file)', `cannot read: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new PolicyError(path, '(syntax)', (err as Error).message);
  }
  return resolvePolicy(raw, path);
}

const RANK: Record<Verdict, number> = { allow: 0, hold: 1, block: 2 };

export function moreSevere(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

export function lessSevere(a: Verdict, b: Verdict): Verdict {
  return RANK[a] <= RANK[b] ? a : b;
}

/** The verdict the policy gives a label on a surface. */
export function labelVerdict(policy: Policy, label: Label, surface?: Surface): Verdict {
  return (surface && policy.surfaces[surface]?.[label]) || policy.labels[label];
}
