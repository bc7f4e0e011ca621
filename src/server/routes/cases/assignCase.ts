import { z } from 'zod';
import { reassignCase } from '../../../cases/actions.ts';
import { defineRoute } from '../../route.ts';
import { identifier } from '../../schemas.ts';
import { CASE_ROLES, caseParams, caseViewSchema, viewerOf } from './fields.ts';

export const assignCase = defineRoute({
  method: 'POST',
  url: '/v1/cases/:caseId/assignment',
  tag: 'cases',
  summary: 'Reassign the case to a conflict-free investigator of its tier or above',
  description: 'Anyone in the conflict set is refused (400). A higher-tier assignee raises the case\'s tier (an `escalated` event). Deadlines keep running.',
  roles: CASE_ROLES,
  params: caseParams,
  body: z.strictObject({ assigneeId: identifier }),
  responses: { 200: { description: 'The case after reassignment.', schema: caseViewSchema } },
  async handler({ params, body, principal }, ctx) {
    return reassignCase(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId, body.assigneeId);
  },
});
