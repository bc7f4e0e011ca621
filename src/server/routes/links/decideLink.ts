import { z } from 'zod';
import { LINK_DECISIONS } from '../../../store/schema/index.ts';
import { HttpError } from '../../errors.ts';
import { linkSchema } from '../../people-schemas.ts';
import { defineRoute } from '../../route.ts';
import { acceptText, identifier } from '../../schemas.ts';

export const decideLink = defineRoute({
  method: 'POST',
  url: '/v1/links/:linkId/decision',
  tag: 'people',
  summary: "A moderator's decision on an evasion link: confirm it, or reject it so that it counts nowhere",
  description:
    'pending → confirmed | rejected; confirmed ⇄ rejected. `reject` removes the blocks the new account inherited through ' +
    'the link, lifts the sanctions it inherited through it (a `lift` event, source `link`, with this key and the reason), ' +
    'and the new account is screened as its own account from its next message. `confirm` after a rejection makes the link ' +
    'count again for lookups; removed blocks and lifted sanctions are not re-created. Every decision is kept ' +
    '(append-only). Repeating the current state is 409 `already_in_state`.',
  roles: ['moderator'],
  params: z.strictObject({ linkId: identifier }),
  body: z.strictObject({
    decision: z.enum(LINK_DECISIONS),
    reason: z.string().min(1).max(2000).describe('Why; kept with the decision (and with the sanction lifts a rejection makes).'),
  }),
  responses: { 200: { description: 'The link after the decision.', schema: linkSchema } },
  async handler({ params, body, principal }, ctx) {
    const link = await ctx.people.decideLink(params.linkId, body.decision, { actor: principal!.keyId, reason: acceptText(body.reason, 2000, 'reason') });
    if (!link) throw new HttpError('not_found', `no link ${params.linkId}`, 'linkId');
    return link;
  },
});
