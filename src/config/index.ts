/**
 * The service's configuration, read ONCE at start in three stages (nothing else reads `process.env`):
 *
 *   1. raw:       environment variables and an optional config file (YAML or JSON), untouched;
 *   2. validated: defaults < file < environment < command-line overrides, checked by one zod schema,
 *                 every error naming the bad setting (its file key and its environment variable);
 *   3. wiring:    `openStore(config.database)`, `buildApp({ config, db })` take the validated object.
 *
 * Secrets (`bootstrapKey`, passwords inside `database.url`) are accepted from the file for automation,
 * but the environment is the recommended place for them (see docs/service.md).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '../cases/duration.ts';

/** Every setting: its path in the config file, its environment variable, and how to parse the variable. */
export const SETTINGS = [
  { path: 'port', env: 'PORT', parse: 'int' },
  { path: 'host', env: 'HOST', parse: 'string' },
  { path: 'database.path', env: 'HAVEN_DB', parse: 'string' },
  { path: 'database.url', env: 'DATABASE_URL', parse: 'string' },
  { path: 'database.schema', env: 'HAVEN_PG_SCHEMA', parse: 'string' },
  { path: 'database.sqliteSynchronous', env: 'HAVEN_SQLITE_SYNCHRONOUS', parse: 'string' },
  { path: 'database.poolSize', env: 'HAVEN_PG_POOL_SIZE', parse: 'int' },
  { path: 'bootstrapKey', env: 'HAVEN_BOOTSTRAP_KEY', parse: 'string' },
  { path: 'limits.textChars', env: 'HAVEN_MAX_TEXT_CHARS', parse: 'int' },
  { path: 'limits.bodyBytes', env: 'HAVEN_MAX_BODY_BYTES', parse: 'int' },
  { path: 'rateLimit.max', env: 'HAVEN_RATE_LIMIT_MAX', parse: 'int' },
  { path: 'rateLimit.windowMs', env: 'HAVEN_RATE_LIMIT_WINDOW_MS', parse: 'int' },
  { path: 'redactStoredText', env: 'HAVEN_REDACT', parse: 'bool' },
  { path: 'metricsPublic', env: 'HAVEN_METRICS_PUBLIC', parse: 'bool' },
  { path: 'logLevel', env: 'HAVEN_LOG_LEVEL', parse: 'string' },
  { path: 'webDir', env: 'HAVEN_WEB_DIR', parse: 'string' },
  { path: 'writeBatchMax', env: 'HAVEN_WRITE_BATCH_MAX', parse: 'int' },
  { path: 'reporting.ackDeadline', env: 'HAVEN_ACK_DEADLINE', parse: 'string' },
  { path: 'reporting.triageDeadline', env: 'HAVEN_TRIAGE_DEADLINE', parse: 'string' },
  { path: 'reporting.decisionDeadline', env: 'HAVEN_DECISION_DEADLINE', parse: 'string' },
  { path: 'reporting.oversightAlertInterval', env: 'HAVEN_OVERSIGHT_ALERT_INTERVAL', parse: 'string' },
  { path: 'reporting.oversightContacts', env: 'HAVEN_OVERSIGHT_CONTACTS', parse: 'string' },
  { path: 'reporting.checkinDays', env: 'HAVEN_CHECKIN_DAYS', parse: 'string' },
  { path: 'reporting.tiers', env: 'HAVEN_REPORT_TIERS', parse: 'int' },
  { path: 'reporting.webhookUrl', env: 'HAVEN_NOTIFY_WEBHOOK', parse: 'string' },
  { path: 'reporting.schedulerPollMs', env: 'HAVEN_SCHEDULER_POLL_MS', parse: 'int' },
  { path: 'reporting.key', env: 'HAVEN_KEY', parse: 'string' },
  { path: 'reporting.keyFile', env: 'HAVEN_KEY_FILE', parse: 'string' },
  { path: 'reporting.rateLimit.max', env: 'HAVEN_REPORT_RATE_LIMIT_MAX', parse: 'int' },
  { path: 'reporting.rateLimit.windowMs', env: 'HAVEN_REPORT_RATE_LIMIT_WINDOW_MS', parse: 'int' },
  { path: 'reporting.attachmentBytes', env: 'HAVEN_MAX_ATTACHMENT_BYTES', parse: 'int' },
  { path: 'reporting.maxAttachments', env: 'HAVEN_MAX_ATTACHMENTS', parse: 'int' },
] as const;

export type SettingPath = (typeof SETTINGS)[number]['path'];

const port = z.number().int().min(0).max(65535);
const positiveInt = z.number().int().positive();

/** An ISO-8601 duration (`PT24H`, `P30D`, `PT5S`), validated here and carried as milliseconds. */
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === null) {
        ctx.addIssue({ code: 'custom', message: `must be an ISO-8601 duration such as PT24H, P30D or PT5S (no years or months); got ${JSON.stringify(text)}` });
        return z.NEVER;
      }
      return ms;
    });

/** A comma-separated list (from the environment) or an array (from a file). */
const commaList = z.union([z.array(z.string()), z.string().transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))]);
const contactList = commaList.pipe(z.array(z.string().min(1).max(320)));
const dayList = z.unknown().transform((value, ctx) => {
  const days = typeof value === 'string' ? value.split(',').map((x) => x.trim()).filter((x) => x !== '') : value;
  const ok = Array.isArray(days) && days.every((d) => /^\d{1,4}$/.test(String(d)) && Number(d) >= 1);
  if (!ok) {
    ctx.addIssue({ code: 'custom', message: `must be whole days, comma-separated (e.g. 30,60,90); got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return (days as unknown[]).map(Number);
});

const reportingSchema = z.strictObject({
  /** Time to acknowledge a new case before it escalates one tier. */
  ackDeadline: duration('PT24H'),
  /** Time from the report to triage. */
  triageDeadline: duration('PT72H'),
  /** Time from the report to a written decision. */
  decisionDeadline: duration('P30D'),
  /** How often oversight contacts are alerted about a top-tier case that missed a deadline, until someone acts. */
  oversightAlertInterval: duration('P1D'),
  /** Who is alerted when a top-tier case misses a deadline (emails or employee ids). */
  oversightContacts: contactList.default([]),
  /** Retaliation check-ins with the reporter, in days after the decision. */
  checkinDays: dayList.default([30, 60, 90]),
  /** Investigator tiers (1 = HR case handler … top = board-level committee). */
  tiers: positiveInt.max(9).default(3),
  /** Optional: every outbox notification is POSTed here as JSON after commit. */
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** How often the deadline scheduler looks for due deadlines. */
  schedulerPollMs: positiveInt.max(60_000).default(1000),
  /** The case-content key(s), base64 or hex of 32 bytes, comma-separated newest first. A secret: prefer the environment. */
  key: z.string().min(1).optional(),
  /** Key file used when `key` is unset; created (mode 0600) on first start. Default: `haven.key` beside the SQLite file, else `./data/haven.key`. */
  keyFile: z.string().min(1).optional(),
  /** Intake and receipt requests per client address per window. */
  rateLimit: z
    .strictObject({
      max: positiveInt.default(10),
      windowMs: positiveInt.default(60_000),
    })
    .prefault({}),
  /** Largest attachment, in bytes (decoded). */
  attachmentBytes: positiveInt.max(10 * 1024 * 1024).default(1024 * 1024),
  /** Most attachments on one report or message. */
  maxAttachments: z.number().int().min(0).max(20).default(5),
});

const configSchema = z.strictObject({
  port: port.default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  database: z
    .strictObject({
      /** SQLite file; created with its folder on first start. Ignored when `url` is set. */
      path: z.string().min(1).default('./data/haven.db'),
      /** `postgres://…` switches the store to PostgreSQL. */
      url: z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
        .optional(),
      /** PostgreSQL schema to use (created if missing); default: the server's search_path. */
      schema: z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
        .optional(),
      /** SQLite `synchronous` pragma: `full` (default) makes every acknowledged write survive power loss. */
      sqliteSynchronous: z.enum(['full', 'normal']).default('full'),
      poolSize: positiveInt.max(100).default(10),
    })
    .prefault({}),
  /** Sets the first admin key of a NEW database (at least 32 characters); otherwise one is generated and printed. */
  bootstrapKey: z.string().min(32, 'must be at least 32 characters').optional(),
  limits: z
    .strictObject({
      /** Longest accepted `text`, in characters (UTF-16 code units). */
      textChars: positiveInt.default(10_000),
      /** Largest accepted request body, in bytes. */
      bodyBytes: positiveInt.max(16 * 1024 * 1024).default(64 * 1024),
    })
    .prefault({}),
  rateLimit: z
    .strictObject({
      /** Requests per API key (or per client address without a key) per window. High so benchmarks run. */
      max: positiveInt.default(1_000_000),
      windowMs: positiveInt.default(60_000),
    })
    .prefault({}),
  /** Store messages with PII replaced (the engine's `redacted` text) rather than as sent. */
  redactStoredText: z.boolean().default(true),
  /** GET /metrics without a key (for a scraper on a private network); by default it needs a service or moderator key. */
  metricsPublic: z.boolean().default(false),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built web console (served at `/`); a placeholder page is served when it is missing. */
  webDir: z.string().min(1).default('./web/dist'),
  /** Most messages committed in one group-commit transaction. */
  writeBatchMax: positiveInt.max(10_000).default(256),
  /** The confidential reporting channel (docs/reporting.md). */
  reporting: reportingSchema.prefault({}),
});

/** The validated configuration. */
export type Config = z.output<typeof configSchema>;
export type DatabaseConfig = Config['database'];
/** What a config file or an override may contain (every field optional). */
export type ConfigInput = z.input<typeof configSchema>;

/** A setting that is missing, unknown or invalid; the message names it. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** The environment to read (default: `process.env`). */
  env?: Record<string, string | undefined>;
  /** A YAML or JSON config file. */
  file?: string;
  /** Highest-precedence values, e.g. from command-line flags or tests. */
  overrides?: ConfigInput;
}

/** Stage 1 + 2: read the file and the environment, merge, validate. Throws `ConfigError` naming the setting. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const fromFile = options.file ? readConfigFile(options.file) : {};
  const fromEnv = readEnv(env);
  const merged = deepMerge(deepMerge(fromFile, fromEnv), (options.overrides ?? {}) as Record<string, unknown>);
  return validateConfig(merged, options.file);
}

/** Stage 2 alone: validate an object shaped like the config file. */
export function validateConfig(raw: unknown, source?: string): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  let path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    path = path ? `${path}.${key}` : key;
    throw new ConfigError(`config: unknown setting \`${path}\`${source ? ` in ${source}` : ''}`, path);
  }
  const setting = SETTINGS.find((s) => s.path === path);
  const where = setting ? ` (environment variable ${setting.env})` : '';
  throw new ConfigError(`config: setting \`${path}\`${where}: ${issue.message}`, path);
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`config: cannot read config file ${file}: ${(err as Error).message}`, '--config');
  }
  let parsed: unknown;
  try {
    parsed = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ConfigError(`config: config file ${file} is not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`, '--config');
  }
  if (parsed == null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`config: config file ${file} must hold an object of settings`, '--config');
  }
  return parsed as Record<string, unknown>;
}

function readEnv(env: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const raw = env[setting.env];
    if (raw === undefined || raw === '') continue;
    setPath(out, setting.path, parseEnvValue(raw, setting.parse, setting.env, setting.path));
  }
  return out;
}

function parseEnvValue(raw: string, kind: 'int' | 'string' | 'bool', name: string, path: string): unknown {
  if (kind === 'string') return raw;
  if (kind === 'int') {
    if (!/^\s*-?\d+\s*$/.test(raw)) {
      throw new ConfigError(`config: setting \`${path}\` (environment variable ${name}): expected an integer, got ${JSON.stringify(raw)}`, path);
    }
    return Number(raw);
  }
  const lower = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  throw new ConfigError(`config: setting \`${path}\` (environment variable ${name}): expected true or false, got ${JSON.stringify(raw)}`, path);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function deepMerge(base: Record<string, unknown>, top: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(top)) {
    if (value === undefined) continue;
    const prev = out[key];
    const bothObjects =
      typeof value === 'object' && value !== null && !Array.isArray(value) && typeof prev === 'object' && prev !== null && !Array.isArray(prev);
    out[key] = bothObjects ? deepMerge(prev as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}
