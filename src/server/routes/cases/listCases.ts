import { z } from 'zod';
import { listCases as listVisible } from '../../../cases/listing.ts';
import { CASE_STATUSES } from '../../../cases/transitions.ts';
import { defineRoute } from '../../route.ts';
import { identifier, pageLimit } from '../../schemas.ts';
import { CASE_ROLES, viewerOf } from './fields.ts';

export const listCases = defineRoute({
  method: 'GET',
  url: '/v1/cases',
  tag: 'cases',
  summary: "The cases the caller's employee may see, with their next deadline",
  description: 'Never a case whose conflict set holds the employee (the accused, their management chain, …), whatever the key\'s role. Audited.',
  roles: CASE_ROLES,
  query: z.strictObject({ status: z.enum(CASE_STATUSES).optional(), after: identifier.optional(), limit: pageLimit(50, 500) }),
  responses: {
    200: {
      description: 'Visible cases, oldest first; `next` is the cursor for `after`.',
      schema: z.object({
        cases: z.array(z.object({ id: z.string(), status: z.string(), tier: z.number().int(), category: z.string(), assignee: z.string().nullable(), createdAt: z.string(), nextDeadline: z.object({ kind: z.string(), dueAt: z.string() }).nullable() })),
        next: z.string().nullable(),
      }),
    },
  },
  async handler({ query, principal }, ctx) {
    return listVisible(ctx.cases.deps, await viewerOf(principal, ctx), query);
  },
});
