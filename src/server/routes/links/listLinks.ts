import { z } from 'zod';
import { listLinks as queryLinks } from '../../../store/people.ts';
import { linkSchema } from '../../people-schemas.ts';
import { defineRoute } from '../../route.ts';
import { identifier, pageLimit } from '../../schemas.ts';

export const listLinks = defineRoute({
  method: 'GET',
  url: '/v1/links',
  tag: 'people',
  summary: 'Ban/block evasion links for review: the new account, the earlier one it is treated as, the score and its reasons',
  description: 'Newest first. `account` narrows to links from or to that account.',
  roles: ['moderator'],
  query: z.strictObject({ account: identifier.optional(), cursor: identifier.optional(), limit: pageLimit(50, 500) }),
  responses: { 200: { description: 'A page of links.', schema: z.object({ links: z.array(linkSchema), nextCursor: z.string().nullable() }) } },
  async handler({ query }, ctx) {
    return queryLinks(ctx.db, {
      limit: query.limit,
      ...(query.account !== undefined ? { account: query.account } : {}),
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    });
  },
});
