import { z } from 'zod';
import { HttpError } from '../../errors.ts';
import { raidSchema } from '../../people-schemas.ts';
import { defineRoute } from '../../route.ts';
import { identifier } from '../../schemas.ts';

export const raidDetailSchema = raidSchema.extend({
  members: z.array(z.object({ account: z.string(), messageId: z.string(), joinedAt: z.string() })),
  events: z.array(z.object({ id: z.string(), type: z.string(), previousStatus: z.string().nullable(), status: z.string(), reason: z.string(), actor: z.string(), createdAt: z.string() })),
});

export const getRaid = defineRoute({
  method: 'GET',
  url: '/v1/raids/:id',
  tag: 'people',
  summary: 'One raid with every member account and its history (detection, moderator actions)',
  roles: ['moderator'],
  params: z.strictObject({ id: identifier }),
  responses: { 200: { description: 'The raid.', schema: raidDetailSchema } },
  async handler({ params }, ctx) {
    const raid = await ctx.people.raid(params.id);
    if (!raid) throw new HttpError('not_found', `no raid ${params.id}`, 'id');
    return raid;
  },
});
