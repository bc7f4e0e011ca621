import { z } from 'zod';
import { ROLES } from '../../../store/schema/index.ts';
import { defineRoute } from '../../route.ts';

export const getWhoami = defineRoute({
  method: 'GET',
  url: '/v1/whoami',
  tag: 'system',
  summary: 'The key the request was made with: its id and role',
  roles: ['service', 'moderator', 'investigator'],
  responses: { 200: { description: 'The calling key.', schema: z.object({ keyId: z.string(), role: z.enum(ROLES) }) } },
  handler({ principal }) {
    return principal;
  },
});
