import { z } from 'zod';
import { decideQueueItem as recordDecision } from '../../../store/queue.ts';
import { DECISIONS } from '../../../store/schema/index.ts';
import { HttpError } from '../../errors.ts';
import { acceptText, identifier, queueItemSchema } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';

export const decideQueueItem = defineRoute({
  method: 'POST',
  url: '/v1/queue/:itemId/decision',
  tag: 'queue',
  summary: "A moderator's decision on a held item, recorded with who and when",
  description:
    'pending → allowed | blocked; a decided item can be reversed (allowed → blocked, blocked → allowed). ' +
    'Repeating the current state is 409 `already_in_state`. Each decision is also appended to the evidence log.',
  roles: ['moderator'],
  params: z.strictObject({ itemId: identifier }),
  body: z.strictObject({
    decision: z.enum(DECISIONS),
    reason: z.string().min(1).max(2000).describe('Why; kept in the evidence log.'),
  }),
  responses: { 200: { description: 'The item after the decision.', schema: queueItemSchema } },
  async handler({ params, body, principal }, ctx) {
    const item = await recordDecision(ctx.db, {
      itemId: params.itemId,
      decision: body.decision,
      reason: acceptText(body.reason, 2000, 'reason'),
      decidedBy: principal!.keyId,
    });
    if (!item) throw new HttpError('not_found', `no queue item ${params.itemId}`, 'itemId');
    // A held message confirmed as harmful costs its sender a strike (once per message; docs/people.md).
    if (item.status === 'blocked') await ctx.people.confirmHeld(item.message);
    // Reversed (blocked → allowed): the strike goes, and a ladder sanction it alone earned is lifted.
    if (item.status === 'allowed') await ctx.people.reverseConfirmed(item.message, body.reason);
    return item;
  },
});
