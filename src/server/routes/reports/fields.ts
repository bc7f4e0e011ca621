/** Request pieces shared by the reporter-facing endpoints (intake and receipt). Not an endpoint. */
import { z } from 'zod';
import { ATTACHMENT_TYPES } from '../../../cases/attachments.ts';
import { RECEIPT_FIELD } from '../../../cases/receipt-access.ts';
import type { Config } from '../../../config/index.ts';
import type { FastifyRequest } from 'fastify';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

/** A person named in a report: an employee id or a name as the reporter knows it. */
export const personRef = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');

export const attachmentSchema = z.strictObject({
  filename: z
    .string()
    .min(1)
    .max(255)
    .refine((s) => !CONTROL.test(s) && !/[\\/]/.test(s), 'must be a plain file name (no slashes or control characters)'),
  contentType: z.enum(ATTACHMENT_TYPES),
  data: z.base64().describe('The file, base64-encoded (at most `reporting.attachmentBytes` decoded, default 1 MiB).'),
});

/** Intake and receipt routes: no API key; a per-address rate limit; a body large enough for the attachments. */
export function reporterLimits(config: Config) {
  const r = config.reporting;
  return {
    rateLimit: r.rateLimit,
    bodyBytes: Math.max(config.limits.bodyBytes, Math.ceil((r.attachmentBytes * r.maxAttachments * 4) / 3) + 2 * config.limits.textChars * 4 + 64 * 1024),
  };
}

/** The receipt, from its header only (never the URL: URLs end up in logs). */
export function receiptHeader(request: FastifyRequest): string | undefined {
  const value = request.headers[RECEIPT_FIELD.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export const receiptViewSchema = z.object({
  caseId: z.string(),
  status: z.string(),
  category: z.string(),
  createdAt: z.string(),
  acknowledged: z.boolean(),
  policeReportPrompt: z.boolean(),
  policeReportAdvice: z.string().optional(),
  decision: z.object({ outcome: z.string(), text: z.string(), at: z.string() }).nullable(),
  messages: z.array(z.object({ from: z.enum(['reporter', 'investigator', 'haven']), text: z.string(), at: z.string() })),
});
