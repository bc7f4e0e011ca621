import { z } from 'zod';
import { RAID_ACTIONS } from '../../../actors/raid-status.ts';
import { HttpError } from '../../errors.ts';
import { defineRoute } from '../../route.ts';
import { acceptText, identifier } from '../../schemas.ts';
import { raidDetailSchema } from './getRaid.ts';

export const actOnRaid = defineRoute({
  method: 'POST',
  url: '/v1/raids/:id/action',
  tag: 'people',
  summary: 'Act on every account of a raid at once: hold-all, suspend-all or dismiss',
  description:
    '`hold-all`: every member’s messages are held for review, in any channel. `suspend-all`: every member is suspended (recorded per account). ' +
    '`dismiss`: a false alarm — the shield is lifted and the sanctions this raid imposed are lifted. detected → held | suspended | dismissed; ' +
    'held → suspended | dismissed; suspended → dismissed. Repeating the current state is 409 `already_in_state`.',
  roles: ['moderator'],
  params: z.strictObject({ id: identifier }),
  body: z.strictObject({ action: z.enum(RAID_ACTIONS), reason: z.string().min(1).max(2000).optional().describe('Why; kept with the action.') }),
  responses: { 200: { description: 'The raid after the action.', schema: raidDetailSchema } },
  async handler({ params, body, principal }, ctx) {
    const raid = await ctx.people.raidAction(params.id, body.action, { actor: principal!.keyId, reason: body.reason ? acceptText(body.reason, 2000, 'reason') : body.action });
    if (!raid) throw new HttpError('not_found', `no raid ${params.id}`, 'id');
    return raid;
  },
});
