import { actOnCase } from '../../../cases/actions.ts';
import { defineRoute } from '../../route.ts';
import { acceptText } from '../../schemas.ts';
import { CASE_ROLES, caseParams, caseTextBody, caseViewSchema, viewerOf } from './fields.ts';

export const messageReporter = defineRoute({
  method: 'POST',
  url: '/v1/cases/:caseId/messages',
  tag: 'cases',
  summary: 'A message to the reporter (shown on the receipt page, without the investigator\'s name)',
  roles: CASE_ROLES,
  params: caseParams,
  body: caseTextBody,
  responses: { 200: { description: 'The case with the message.', schema: caseViewSchema } },
  async handler({ params, body, principal }, ctx) {
    const text = acceptText(body.text, ctx.config.limits.textChars, 'text');
    return actOnCase(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId, { kind: 'message', text });
  },
});
