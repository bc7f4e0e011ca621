import { z } from 'zod';
import { iso } from '../../../cases/clock.ts';
import { bindKeyToEmployee } from '../../../cases/org-store.ts';
import { defineRoute } from '../../route.ts';
import { identifier } from '../../schemas.ts';

export const bindOrgKey = defineRoute({
  method: 'PUT',
  url: '/v1/org/keys/:keyId',
  tag: 'org',
  summary: 'Bind an API key to the employee it acts as on cases',
  description:
    'Case endpoints decide access by the EMPLOYEE behind a key (tier, conflict set), not by its role. ' +
    'The same as `haven keys create --role investigator --employee ID` for an existing key.',
  roles: ['admin'],
  params: z.strictObject({ keyId: identifier }),
  body: z.strictObject({ employeeId: identifier }),
  responses: { 200: { description: 'Bound.', schema: z.object({ keyId: z.string(), employeeId: z.string() }) } },
  async handler({ params, body }, ctx) {
    await bindKeyToEmployee(ctx.db, params.keyId, body.employeeId, iso(ctx.cases.deps.clock.now()));
    return { keyId: params.keyId, employeeId: body.employeeId };
  },
});
