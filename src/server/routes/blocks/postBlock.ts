import { z } from 'zod';
import { defineRoute } from '../../route.ts';
import { identifier } from '../../schemas.ts';
import { HttpError } from '../../errors.ts';
import { messageTime } from '../../people.ts';

export const postBlock = defineRoute({
  method: 'POST',
  url: '/v1/blocks',
  tag: 'people',
  summary: 'Record that a user blocked another; the blocked account’s messages to them are no longer delivered',
  description:
    'From then on `POST /v1/messages` from `blocked` (or an account linked to it as its evasion) to `blocker` gets verdict `block`, ' +
    'label `blocked_contact`. Idempotent: blocking again returns 200 with `created: false`.',
  roles: ['service'],
  body: z.strictObject({
    blocker: identifier,
    blocked: identifier,
    at: z.iso.datetime({ offset: true }).optional().describe('When the user blocked (ISO 8601); used when at most 7 days old, else the arrival time.'),
  }),
  responses: {
    201: { description: 'Recorded.', schema: z.object({ blocker: z.string(), blocked: z.string(), created: z.literal(true) }) },
    200: { description: 'Already recorded.', schema: z.object({ blocker: z.string(), blocked: z.string(), created: z.literal(false) }) },
  },
  async handler({ body, reply }, ctx) {
    if (body.blocker === body.blocked) throw new HttpError('invalid_request', 'blocked: an account cannot block itself', 'blocked');
    const now = new Date().toISOString();
    const created = await ctx.people.block(body.blocker, body.blocked, messageTime(body.at ? new Date(body.at).toISOString() : null, now));
    reply.code(created ? 201 : 200);
    return { blocker: body.blocker, blocked: body.blocked, created };
  },
});
