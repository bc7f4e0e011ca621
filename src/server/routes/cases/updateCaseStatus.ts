import { z } from 'zod';
import { actOnCase } from '../../../cases/actions.ts';
import { defineRoute } from '../../route.ts';
import { CASE_ROLES, caseParams, caseViewSchema, viewerOf } from './fields.ts';

const ACTION = { acknowledged: 'acknowledge', triaged: 'triage', closed: 'close' } as const;

export const updateCaseStatus = defineRoute({
  method: 'POST',
  url: '/v1/cases/:caseId/status',
  tag: 'cases',
  summary: 'Acknowledge, triage or close a case',
  description:
    'new → acknowledged → triaged → (decision, `POST …/decision`) → closed. Closing an undecided case is 409 ' +
    '`decision_required`; repeating the current status is 409 `already_in_state`; any other jump is 409 `illegal_transition`.',
  roles: CASE_ROLES,
  params: caseParams,
  body: z.strictObject({ status: z.enum(['acknowledged', 'triaged', 'closed']) }),
  responses: { 200: { description: 'The case after the change.', schema: caseViewSchema } },
  async handler({ params, body, principal }, ctx) {
    return actOnCase(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId, { kind: ACTION[body.status] });
  },
});
