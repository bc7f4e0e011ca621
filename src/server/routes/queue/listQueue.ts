import { z } from 'zod';
import { listQueue as readQueue } from '../../../store/queue.ts';
import { QUEUE_STATUSES } from '../../../store/schema/index.ts';
import { MESSAGE_LABELS, SURFACES } from '../../../types.ts';
import { identifier, pageLimit, queueItemSchema } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';

export const listQueue = defineRoute({
  method: 'GET',
  url: '/v1/queue',
  tag: 'queue',
  summary: 'The review queue, oldest first, filtered and paged',
  roles: ['moderator'],
  query: z.strictObject({
    status: z.enum(QUEUE_STATUSES).default('pending'),
    label: z.enum(MESSAGE_LABELS).optional(),
    surface: z.enum(SURFACES).optional(),
    channel: identifier.optional(),
    cursor: identifier.optional().describe('`nextCursor` of the previous page.'),
    limit: pageLimit(50, 500),
  }),
  responses: {
    200: { description: 'One page of items.', schema: z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() }) },
  },
  async handler({ query }, ctx) {
    return readQueue(ctx.db, {
      status: query.status,
      limit: query.limit,
      ...(query.label ? { label: query.label } : {}),
      ...(query.surface ? { surface: query.surface } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
  },
});
