import { z } from 'zod';
import { acceptAttachments } from '../../../cases/attachments.ts';
import { submitReport as fileReport } from '../../../cases/intake.ts';
import { CATEGORIES } from '../../../cases/routing.ts';
import { defineRoute } from '../../route.ts';
import { acceptText, identifier } from '../../schemas.ts';
import { attachmentSchema, personRef, reporterLimits } from './fields.ts';

export const submitReport = defineRoute({
  method: 'POST',
  url: '/v1/reports',
  tag: 'reports',
  summary: 'Report harassment or assault, named or anonymous; returns the case id and a receipt shown once',
  description:
    'No API key. An anonymous report stores no IP address, user agent or account. The receipt (28 characters) is the ' +
    'only way back to the case — `GET /v1/receipt` and `POST /v1/receipt/messages` with it in the `X-Haven-Receipt` ' +
    'header — and is stored only as a scrypt hash. Rate-limited per client address (`reporting.rateLimit`).',
  roles: 'public',
  limits: reporterLimits,
  body: z.strictObject({
    anonymous: z.boolean(),
    category: z.enum(CATEGORIES),
    text: z.string().refine((s) => s.trim() !== '', 'must not be empty').describe('What happened (at most `limits.textChars` characters).'),
    accused: z.array(personRef).min(1).max(20).describe('Employee ids or names.'),
    witnesses: z.array(personRef).max(20).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    location: z.string().trim().min(1).max(500).optional(),
    reporterId: identifier.optional().describe('Named reports (`anonymous: false`) only: the reporter\'s employee id.'),
    attachments: z.array(attachmentSchema).max(20).optional(),
  }),
  responses: {
    201: {
      description: 'The case was opened. Show the receipt to the reporter now: it cannot be shown again.',
      schema: z.object({ caseId: z.string(), receipt: z.string(), policeReportPrompt: z.boolean() }),
    },
  },
  async handler({ body, reply }, ctx) {
    const { deps } = ctx.cases;
    const text = acceptText(body.text, ctx.config.limits.textChars, 'text');
    const attachments = acceptAttachments(body.attachments, deps.settings);
    const result = await fileReport(deps, {
      anonymous: body.anonymous,
      category: body.category,
      text,
      accused: body.accused,
      witnesses: body.witnesses ?? [],
      occurredAt: body.occurredAt,
      location: body.location,
      reporterId: body.reporterId,
      attachments,
    });
    reply.code(201).header('cache-control', 'no-store');
    return result;
  },
});
