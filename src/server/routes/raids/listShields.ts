import { z } from 'zod';
import { listShields as queryShields } from '../../../store/raids.ts';
import { shieldSchema } from '../../people-schemas.ts';
import { defineRoute } from '../../route.ts';

export const listShields = defineRoute({
  method: 'GET',
  url: '/v1/shields',
  tag: 'people',
  summary: 'Channel shields, most recently raised first (`up`: holding messages now)',
  roles: ['moderator'],
  responses: { 200: { description: 'The shields.', schema: z.object({ shields: z.array(shieldSchema) }) } },
  async handler(_input, ctx) {
    return { shields: await queryShields(ctx.db, Date.now()) };
  },
});
