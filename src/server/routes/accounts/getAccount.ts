import { z } from 'zod';
import { HttpError } from '../../errors.ts';
import { accountSchema } from '../../people-schemas.ts';
import { defineRoute } from '../../route.ts';
import { identifier } from '../../schemas.ts';

export const getAccount = defineRoute({
  method: 'GET',
  url: '/v1/accounts/:id',
  tag: 'people',
  summary: 'An account’s strikes, sanctions (active and history), blocks, evasion links and raids',
  roles: ['moderator'],
  params: z.strictObject({ id: identifier }),
  responses: { 200: { description: 'The account.', schema: accountSchema } },
  async handler({ params }, ctx) {
    const account = await ctx.people.account(params.id);
    if (!account) throw new HttpError('not_found', `Haven knows nothing about account ${params.id}`, 'id');
    return account;
  },
});
