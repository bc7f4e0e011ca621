import { z } from 'zod';
import { readByReceipt } from '../../../cases/receipt-access.ts';
import { defineRoute } from '../../route.ts';
import { receiptHeader, receiptViewSchema, reporterLimits } from '../reports/fields.ts';

export const getReceipt = defineRoute({
  method: 'GET',
  url: '/v1/receipt',
  tag: 'reports',
  summary: "The reporter's view of their case: status, the decision, and the conversation",
  description: 'No API key: the receipt goes in the `X-Haven-Receipt` header (never the URL). A wrong receipt is 401; rate-limited per client address.',
  roles: 'public',
  limits: reporterLimits,
  query: z.strictObject({}),
  responses: { 200: { description: 'The case as the reporter sees it.', schema: receiptViewSchema } },
  async handler({ request, reply }, ctx) {
    reply.header('cache-control', 'no-store');
    return readByReceipt(ctx.cases.deps, receiptHeader(request));
  },
});
