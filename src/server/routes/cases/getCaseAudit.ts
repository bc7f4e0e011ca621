import { z } from 'zod';
import { readCase } from '../../../cases/actions.ts';
import { caseAuditTrail } from '../../../cases/audit.ts';
import { defineRoute } from '../../route.ts';
import { CASE_ROLES, caseParams, viewerOf } from './fields.ts';

export const getCaseAudit = defineRoute({
  method: 'GET',
  url: '/v1/cases/:caseId/audit',
  tag: 'cases',
  summary: "A case's audit trail: every read, assignment, note, message, status change and escalation",
  description: 'Same access as the case itself; reading the trail is itself audited (as a read of the case).',
  roles: CASE_ROLES,
  params: caseParams,
  responses: {
    200: {
      description: 'Entries of the hash-chained audit log about this case, oldest first.',
      schema: z.object({ entries: z.array(z.object({ seq: z.number().int(), action: z.string(), actor: z.string(), at: z.string(), details: z.unknown() })) }),
    },
  },
  async handler({ params, principal }, ctx) {
    await readCase(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId);
    return { entries: await caseAuditTrail(ctx.db, params.caseId) };
  },
});
