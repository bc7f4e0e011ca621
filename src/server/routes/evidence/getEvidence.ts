import { z } from 'zod';
import { listEvidence } from '../../../store/evidence.ts';
import { evidenceRecordSchema, identifier, pageLimit } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';

export const getEvidence = defineRoute({
  method: 'GET',
  url: '/v1/evidence/:subject',
  tag: 'evidence',
  summary: 'Evidence-log entries about one sender (blocked and held messages, decisions), oldest first',
  roles: ['moderator'],
  params: z.strictObject({ subject: identifier }),
  query: z.strictObject({
    after: z.coerce.number().int().min(0).optional().describe('Only entries with a greater `seq` (paging).'),
    limit: pageLimit(100, 1000),
  }),
  responses: {
    200: {
      description: 'Entries and the cursor for the next page.',
      schema: z.object({ subject: z.string(), entries: z.array(evidenceRecordSchema), nextAfter: z.number().nullable() }),
    },
  },
  async handler({ params, query }, ctx) {
    const found = await listEvidence(ctx.db, { subject: params.subject, limit: query.limit + 1, ...(query.after !== undefined ? { after: query.after } : {}) });
    const entries = found.slice(0, query.limit);
    return { subject: params.subject, entries, nextAfter: found.length > query.limit ? entries[entries.length - 1]!.seq : null };
  },
});
