/**
 * The actor policy: strike points by label, the sanction ladder, evasion-link weights, raid thresholds and the
 * shield (rules/actors.yaml). Validated once, when loaded; a bad value throws `ActorPolicyError` naming its
 * field, never later while messages are screened.
 *
 *   const policy = defaultActorPolicy();                       // rules/actors.yaml
 *   const strict = resolveActorPolicy({ raids: { minAccounts: 5 } }); // defaults < overrides
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { packagePath } from '../paths.ts';
import { LABELS, type Label } from '../types.ts';

/** `90s`, `10m`, `24h`, `7d` → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${JSON.stringify(text)} (write e.g. 90s, 10m, 24h, 7d)`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}

const duration = z.union([z.string(), z.number().int().nonnegative()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  try {
    return parseDuration(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});
const share = z.number().min(0).max(1);
const weight = z.number().min(0).max(1);

export const SANCTION_ACTIONS = ['warn', 'mute', 'suspend'] as const;
/** `warn`: recorded, no effect on delivery. `mute`: messages blocked until it ends. `suspend`: blocked until lifted. */
export type SanctionLevel = (typeof SANCTION_ACTIONS)[number];

const rung = z
  .strictObject({ at: z.number().int().positive(), action: z.enum(SANCTION_ACTIONS), for: duration.optional() })
  .refine((r) => r.action !== 'mute' || r.for !== undefined, { message: 'a mute needs `for` (its duration)', path: ['for'] });

const actorPolicySchema = z.strictObject({
  strikes: z.strictObject({
    points: z.partialRecord(z.enum(LABELS), z.number().int().min(0).max(100)),
    window: duration,
  }),
  sanctions: z
    .array(rung)
    .min(1)
    .refine((rungs) => rungs.every((r, i) => i === 0 || r.at > rungs[i - 1]!.at), { message: 'rungs must be in increasing `at` order' })
    .refine((rungs) => rungs.every((r, i) => i === 0 || SANCTION_ACTIONS.indexOf(r.action) >= SANCTION_ACTIONS.indexOf(rungs[i - 1]!.action)), {
      message: 'a higher rung may not be a milder action',
    }),
  evasion: z.strictObject({
    newAccountAge: duration,
    threshold: z.number().positive().max(5),
    weights: z.strictObject({ device: weight, payment: weight, network: weight, wording: weight, sameChannel: weight, timing: weight }),
    wording: z.strictObject({ minSimilarity: share, minChars: z.number().int().min(1) }),
    timingWithin: duration,
    maxCandidates: z.number().int().min(1).max(1000),
  }),
  raids: z.strictObject({
    window: duration,
    windowMessages: z.number().int().min(10).max(1_000_000),
    channels: z.number().int().min(1).max(10_000_000),
    similarity: share,
    minChars: z.number().int().min(1),
    minAccounts: z.number().int().min(2),
    minNewShare: share,
    newAccountAge: duration,
    unverifiedWeight: share,
  }),
  shield: z.strictObject({
    duration: duration.refine((d) => d > 0, 'must be longer than 0'),
    holdYoungerThan: duration,
    holdUnverifiedYoungerThan: duration,
    matchSimilarity: share,
    representatives: z.number().int().min(1).max(1000),
  }),
});

/** The validated policy; durations in milliseconds. */
export type ActorPolicy = z.output<typeof actorPolicySchema>;
/** What a policy file (or an override) may contain. */
export type ActorPolicyInput = z.input<typeof actorPolicySchema>;
export type SanctionRung = ActorPolicy['sanctions'][number];

export class ActorPolicyError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${source}: ${field}: ${problem}`);
    this.name = 'ActorPolicyError';
  }
}

/** Validates a whole policy object. Throws `ActorPolicyError` naming the first bad field. */
export function validateActorPolicy(raw: unknown, source = 'actor policy'): ActorPolicy {
  const parsed = actorPolicySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  let field = issue.path.map(String).join('.') || '(root)';
  if (issue.code === 'unrecognized_keys') field = field === '(root)' ? issue.keys[0]! : `${field}.${issue.keys[0]}`;
  throw new ActorPolicyError(source, field, issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message);
}

const DEFAULT_FILE = packagePath('rules', 'actors.yaml');
let defaults: { raw: Record<string, unknown>; policy: ActorPolicy } | undefined;

function loadDefaults(): { raw: Record<string, unknown>; policy: ActorPolicy } {
  if (!defaults) {
    const raw = parseYaml(readFileSync(DEFAULT_FILE, 'utf8')) as Record<string, unknown>;
    defaults = { raw, policy: validateActorPolicy(raw, 'rules/actors.yaml') };
  }
  return defaults;
}

/** The policy of rules/actors.yaml. */
export function defaultActorPolicy(): ActorPolicy {
  return loadDefaults().policy;
}

/** The defaults with `overrides` merged in (objects merged per key; arrays replaced), validated. */
export function resolveActorPolicy(overrides: unknown, source = 'actor policy'): ActorPolicy {
  if (overrides === undefined || overrides === null) return defaultActorPolicy();
  if (typeof overrides !== 'object' || Array.isArray(overrides)) throw new ActorPolicyError(source, '(root)', 'must be an object');
  return validateActorPolicy(merge(loadDefaults().raw, overrides as Record<string, unknown>), source);
}

/** Reads an operator's policy file (YAML or JSON) over the defaults. */
export function loadActorPolicyFile(path: string): ActorPolicy {
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ActorPolicyError(path, '(file)', (err as Error).message);
  }
  return resolveActorPolicy(raw ?? {}, path);
}

function merge(base: Record<string, unknown>, top: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(top)) {
    const prev = out[key];
    const objects = isPlainObject(value) && isPlainObject(prev);
    out[key] = objects ? merge(prev as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The points a label is worth (0 when the policy does not list it). */
export function labelPoints(policy: ActorPolicy, label: Label): number {
  return policy.strikes.points[label] ?? 0;
}
