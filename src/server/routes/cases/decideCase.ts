import { z } from 'zod';
import { actOnCase } from '../../../cases/actions.ts';
import { OUTCOMES } from '../../../cases/transitions.ts';
import { defineRoute } from '../../route.ts';
import { acceptText } from '../../schemas.ts';
import { CASE_ROLES, caseParams, caseViewSchema, viewerOf } from './fields.ts';

export const decideCase = defineRoute({
  method: 'POST',
  url: '/v1/cases/:caseId/decision',
  tag: 'cases',
  summary: 'Record the written decision (the reporter reads it with the receipt)',
  description: 'From acknowledged or triaged. Schedules retaliation check-ins with the reporter (`reporting.checkinDays`, default 30/60/90).',
  roles: CASE_ROLES,
  params: caseParams,
  body: z.strictObject({
    outcome: z.enum(OUTCOMES),
    text: z.string().refine((s) => s.trim() !== '', 'a decision must be written down').describe('The decision, as the reporter will read it.'),
  }),
  responses: { 200: { description: 'The decided case.', schema: caseViewSchema } },
  async handler({ params, body, principal }, ctx) {
    const text = acceptText(body.text, ctx.config.limits.textChars, 'text');
    return actOnCase(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId, { kind: 'decide', outcome: body.outcome, text });
  },
});
