import { z } from 'zod';
import { HttpError } from '../../errors.ts';
import { accountSchema } from '../../people-schemas.ts';
import { defineRoute } from '../../route.ts';
import { acceptText, identifier } from '../../schemas.ts';

export const liftSanction = defineRoute({
  method: 'POST',
  url: '/v1/accounts/:id/lift',
  tag: 'people',
  summary: 'A moderator lifts one active sanction (`sanctionId`) or all of them; recorded with who and why',
  description: 'Strikes before the lift no longer count towards the next sanction. 409 `already_in_state` when nothing is active.',
  roles: ['moderator'],
  params: z.strictObject({ id: identifier }),
  body: z.strictObject({
    sanctionId: identifier.optional().describe('The sanction to lift; all active ones when absent.'),
    reason: z.string().min(1).max(2000).describe('Why; kept with the lift.'),
  }),
  responses: { 200: { description: 'The account after the lift.', schema: accountSchema } },
  async handler({ params, body, principal }, ctx) {
    await ctx.people.lift(params.id, {
      actor: principal!.keyId,
      reason: acceptText(body.reason, 2000, 'reason'),
      ...(body.sanctionId !== undefined ? { sanctionId: body.sanctionId } : {}),
    });
    const account = await ctx.people.account(params.id);
    if (!account) throw new HttpError('not_found', `Haven knows nothing about account ${params.id}`, 'id');
    return account;
  },
});
