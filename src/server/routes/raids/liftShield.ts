import { z } from 'zod';
import { listShields } from '../../../store/raids.ts';
import { shieldSchema } from '../../people-schemas.ts';
import { defineRoute } from '../../route.ts';
import { acceptText, identifier } from '../../schemas.ts';

export const liftShield = defineRoute({
  method: 'POST',
  url: '/v1/shields/:channel/lift',
  tag: 'people',
  summary: 'A moderator lifts a channel’s shield before it expires; recorded with who and why',
  description: '409 `already_in_state` when no shield is up on the channel. The raid itself stays as it is (see `POST /v1/raids/{id}/action`).',
  roles: ['moderator'],
  params: z.strictObject({ channel: identifier }),
  body: z.strictObject({ reason: z.string().min(1).max(2000).describe('Why; kept with the lift.') }),
  responses: { 200: { description: 'The channel’s shield after the lift.', schema: shieldSchema } },
  async handler({ params, body, principal }, ctx) {
    await ctx.people.liftShield(params.channel, { actor: principal!.keyId, reason: acceptText(body.reason, 2000, 'reason') });
    const shields = await listShields(ctx.db, Date.now());
    return shields.find((s) => s.channel === params.channel);
  },
});
