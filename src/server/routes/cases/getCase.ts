import { readCase } from '../../../cases/actions.ts';
import { defineRoute } from '../../route.ts';
import { CASE_ROLES, caseParams, caseViewSchema, viewerOf } from './fields.ts';

export const getCase = defineRoute({
  method: 'GET',
  url: '/v1/cases/:caseId',
  tag: 'cases',
  summary: 'One case: status, tier, assignee, deadlines, the decrypted report and every event',
  description:
    'Only for a key bound to a conflict-free investigator of the case\'s tier or above (or its assignee); to anyone ' +
    'in its conflict set the case does not exist (404), even with an admin key. Every read is audited.',
  roles: CASE_ROLES,
  params: caseParams,
  responses: { 200: { description: 'The case.', schema: caseViewSchema } },
  async handler({ params, principal }, ctx) {
    return readCase(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId);
  },
});
