/**
 * Request pieces shared by several endpoints, and the response shapes (used for the OpenAPI document only;
 * responses are not validated at run time).
 */
import { z } from 'zod';
import { LABELS, LANGS, MESSAGE_LABELS, SURFACES, TEXT_KINDS, VERDICTS } from '../types.ts';
import { QUEUE_STATUSES, DECISIONS } from '../store/schema/index.ts';
import { HttpError } from './errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

/** An identifier from the platform (user, channel, message id): 1–256 characters, no control characters. */
export const identifier = z
  .string()
  .min(1)
  .max(256)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters')
  .refine((s) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (no lone surrogates)');

/**
 * The text of a message or listing. Its length is checked against `limits.textChars` by `acceptText`
 * (the limit is configuration, the schema is static).
 */
export const text = z.string().describe('The text to screen (at most `limits.textChars` characters, default 10,000).');

export const screenFields = {
  text,
  kind: z.enum(TEXT_KINDS).optional().describe('`message` (default) or `listing`.'),
  surface: z.enum(SURFACES).optional(),
  lang: z.enum(LANGS).optional().describe('Language hint; detected when absent.'),
};

/**
 * Applies the text limit (413 `text_too_long`) and makes the text storable without moving any offset:
 * lone surrogates and NUL become U+FFFD (one UTF-16 unit each, so evidence spans stay valid).
 */
export function acceptText(value: string, maxChars: number, field = 'text'): string {
  if (value.length > maxChars) {
    throw new HttpError('text_too_long', `${field}: longer than ${maxChars} characters (${value.length})`, field);
  }
  // eslint-disable-next-line no-control-regex
  return value.replace(/\u0000/g, '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/** `limit` query parameter: 1–max, default `fallback`. */
export function pageLimit(fallback: number, max: number) {
  return z.coerce.number().int().min(1).max(max).default(fallback);
}

// ---- response shapes (documentation) ----

export const evidenceSchema = z.object({
  label: z.enum(LABELS),
  rule: z.string(),
  start: z.number().int().describe('Start offset (UTF-16 units) in the ORIGINAL text, inclusive.'),
  end: z.number().int().describe('End offset, exclusive.'),
  excerpt: z.string(),
  score: z.number(),
});

export const screenResultSchema = z.object({
  verdict: z.enum(VERDICTS),
  labels: z.array(z.enum(LABELS)),
  scores: z.record(z.string(), z.number()),
  evidence: z.array(evidenceSchema),
  lang: z.enum(LANGS),
  redacted: z.string().optional(),
  mitigations: z.array(z.object({ rule: z.string(), reason: z.string(), labels: z.array(z.enum(LABELS)) })).optional(),
});

export const storedMessageSchema = z.object({
  id: z.string(),
  sender: z.string(),
  recipient: z.string().nullable(),
  channel: z.string().nullable(),
  kind: z.enum(TEXT_KINDS),
  surface: z.enum(SURFACES).nullable(),
  lang: z.enum(LANGS),
  text: z.string().describe('As stored: PII replaced when `redactStoredText` is on.'),
  textRedacted: z.boolean(),
  verdict: z.enum(VERDICTS),
  labels: z.array(z.enum(MESSAGE_LABELS)).describe('The engine\'s labels, plus the service\'s account labels (`blocked_contact`, `sanctioned`, `ban_evasion`, `raid`).'),
  scores: z.record(z.string(), z.number()),
  evidence: z.array(evidenceSchema),
  sentAt: z.string().nullable(),
  receivedAt: z.string(),
  queueItemId: z.string().nullable(),
});

export const decisionSchema = z.object({
  id: z.string(),
  decision: z.enum(DECISIONS),
  reason: z.string(),
  decidedBy: z.string().describe('Id of the API key that decided.'),
  decidedAt: z.string(),
  previousStatus: z.enum(QUEUE_STATUSES),
});

export const queueItemSchema = z.object({
  id: z.string(),
  status: z.enum(QUEUE_STATUSES),
  createdAt: z.string(),
  message: storedMessageSchema,
  decision: decisionSchema.nullable(),
});

export const evidenceRecordSchema = z.object({
  seq: z.number().int(),
  prevHash: z.string(),
  hash: z.string(),
  entry: z.string().describe('Canonical JSON, exactly as hashed.'),
  data: z.record(z.string(), z.unknown()).describe('`entry`, parsed.'),
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
