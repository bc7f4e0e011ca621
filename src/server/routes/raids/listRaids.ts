import { z } from 'zod';
import { RAID_STATUSES } from '../../../actors/raid-status.ts';
import { listRaids as queryRaids } from '../../../store/raids.ts';
import { raidSchema } from '../../people-schemas.ts';
import { defineRoute } from '../../route.ts';
import { identifier, pageLimit } from '../../schemas.ts';

export const listRaids = defineRoute({
  method: 'GET',
  url: '/v1/raids',
  tag: 'people',
  summary: 'Detected raids, newest first, with member counts and the channel shield',
  roles: ['moderator'],
  query: z.strictObject({ status: z.enum(RAID_STATUSES).optional(), channel: identifier.optional(), cursor: identifier.optional(), limit: pageLimit(50, 500) }),
  responses: { 200: { description: 'A page of raids.', schema: z.object({ raids: z.array(raidSchema), nextCursor: z.string().nullable() }) } },
  async handler({ query }, ctx) {
    return queryRaids(
      ctx.db,
      {
        limit: query.limit,
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.channel !== undefined ? { channel: query.channel } : {}),
        ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
      },
      Date.now(),
    );
  },
});
