import { z } from 'zod';
import { assignmentCandidates } from '../../../cases/actions.ts';
import { defineRoute } from '../../route.ts';
import { CASE_ROLES, caseParams, viewerOf } from './fields.ts';

export const listAssignees = defineRoute({
  method: 'GET',
  url: '/v1/cases/:caseId/assignees',
  tag: 'cases',
  summary: 'Who the case may be reassigned to: conflict-free investigators of its tier or above',
  roles: CASE_ROLES,
  params: caseParams,
  responses: { 200: { description: 'Candidates, lowest tier first.', schema: z.object({ candidates: z.array(z.object({ id: z.string(), name: z.string(), tier: z.number().int() })) }) } },
  async handler({ params, principal }, ctx) {
    return { candidates: await assignmentCandidates(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId) };
  },
});
