import { sql } from 'kysely';
import { z } from 'zod';
import { HttpError } from '../../errors.ts';
import { defineRoute } from '../../route.ts';

export const getHealth = defineRoute({
  method: 'GET',
  url: '/healthz',
  tag: 'system',
  summary: 'Liveness and database reachability',
  roles: 'public',
  unlimited: true,
  responses: {
    200: { description: 'Serving; the database answers.', schema: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
    503: { description: 'The database does not answer.' },
  },
  async handler(_input, ctx) {
    try {
      await sql`select 1`.execute(ctx.db);
    } catch {
      throw new HttpError('unavailable', 'the database does not answer');
    }
    return { status: 'ok', database: ctx.dialect };
  },
});
