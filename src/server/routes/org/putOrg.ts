import { z } from 'zod';
import { appendAudit } from '../../../cases/audit.ts';
import { iso } from '../../../cases/clock.ts';
import { replaceOrg } from '../../../cases/org-store.ts';
import { orgInputSchema, OrgError, validateOrg } from '../../../cases/org.ts';
import { HttpError } from '../../errors.ts';
import { defineRoute } from '../../route.ts';

export const putOrg = defineRoute({
  method: 'PUT',
  url: '/v1/org',
  tag: 'org',
  summary: 'Replace the organisation chart (employees, managers, units, investigators and their tiers)',
  description:
    'The whole chart, as a JSON array of `{id, name, email?, managerId?, unit, role?, tier?}`; investigators have ' +
    '`role: "investigator"` and a tier (1 … `reporting.tiers`). Checked whole before anything is stored: unique ids, ' +
    'managers that exist, no management cycles. The same as `haven org import FILE`.',
  roles: ['admin'],
  limits: (config) => ({ bodyBytes: Math.max(config.limits.bodyBytes, 16 * 1024 * 1024) }),
  body: orgInputSchema,
  responses: { 200: { description: 'Imported.', schema: z.object({ employees: z.number().int(), investigators: z.number().int() }) } },
  async handler({ body, principal }, ctx) {
    const { deps } = ctx.cases;
    let org;
    try {
      org = validateOrg(body, { tiers: deps.settings.tiers });
    } catch (err) {
      if (err instanceof OrgError) throw new HttpError('invalid_request', err.message, err.field);
      throw err;
    }
    const at = iso(deps.clock.now());
    const investigators = [...org.byId.values()].filter((e) => e.role === 'investigator').length;
    await ctx.db.transaction().execute(async (trx) => {
      await replaceOrg(trx, org, at);
      await appendAudit(trx, [{ caseId: null, action: 'org.imported', actor: `key:${principal!.keyId}`, at, keyId: principal!.keyId, details: { employees: org.byId.size, investigators } }]);
    });
    return { employees: org.byId.size, investigators };
  },
});
