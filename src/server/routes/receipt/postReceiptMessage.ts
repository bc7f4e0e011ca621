import { z } from 'zod';
import { acceptAttachments } from '../../../cases/attachments.ts';
import { messageByReceipt } from '../../../cases/receipt-access.ts';
import { defineRoute } from '../../route.ts';
import { acceptText } from '../../schemas.ts';
import { attachmentSchema, receiptHeader, receiptViewSchema, reporterLimits } from '../reports/fields.ts';

export const postReceiptMessage = defineRoute({
  method: 'POST',
  url: '/v1/receipt/messages',
  tag: 'reports',
  summary: 'The reporter adds information or replies to the investigators',
  description: 'No API key: the receipt goes in the `X-Haven-Receipt` header. Optional attachments as in `POST /v1/reports`.',
  roles: 'public',
  limits: reporterLimits,
  body: z.strictObject({
    text: z.string().refine((s) => s.trim() !== '', 'must not be empty'),
    attachments: z.array(attachmentSchema).max(20).optional(),
  }),
  responses: { 201: { description: 'Added; the case as the reporter now sees it.', schema: receiptViewSchema } },
  async handler({ request, reply, body }, ctx) {
    const { deps } = ctx.cases;
    const text = acceptText(body.text, ctx.config.limits.textChars, 'text');
    const attachments = acceptAttachments(body.attachments, deps.settings);
    const view = await messageByReceipt(deps, receiptHeader(request), text, attachments);
    reply.code(201).header('cache-control', 'no-store');
    return view;
  },
});
