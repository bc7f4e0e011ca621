import { z } from 'zod';
import { viewerFor } from '../../../cases/access.ts';
import { readStats } from '../../../cases/listing.ts';
import { defineRoute } from '../../route.ts';
import { CASE_ROLES } from './fields.ts';

const cell = z.object({ value: z.number().nullable(), suppressed: z.boolean() });

export const getCaseStats = defineRoute({
  method: 'GET',
  url: '/v1/cases/stats',
  tag: 'cases',
  summary: 'Aggregate statistics for leadership, with every cell under 5 suppressed',
  description: 'Counts by category and unit, median hours to acknowledge and to decide, share escalated. A cell computed from fewer than 5 cases is `{value: null, suppressed: true}`.',
  roles: CASE_ROLES,
  query: z.strictObject({}),
  responses: {
    200: {
      description: 'The figures.',
      schema: z.object({ minCell: z.number().int(), total: cell, byCategory: z.record(z.string(), cell), byUnit: z.record(z.string(), cell), medianHoursToAcknowledge: cell, medianHoursToDecide: cell, shareEscalated: cell }),
    },
  },
  async handler({ principal }, ctx) {
    return readStats(ctx.cases.deps, await viewerFor(ctx.db, principal!.keyId, principal!.role));
  },
});
