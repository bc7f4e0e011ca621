import { actOnCase } from '../../../cases/actions.ts';
import { defineRoute } from '../../route.ts';
import { acceptText } from '../../schemas.ts';
import { CASE_ROLES, caseParams, caseTextBody, caseViewSchema, viewerOf } from './fields.ts';

export const addCaseNote = defineRoute({
  method: 'POST',
  url: '/v1/cases/:caseId/notes',
  tag: 'cases',
  summary: 'An internal note (investigators only; never shown to the reporter)',
  roles: CASE_ROLES,
  params: caseParams,
  body: caseTextBody,
  responses: { 200: { description: 'The case with the note.', schema: caseViewSchema } },
  async handler({ params, body, principal }, ctx) {
    const text = acceptText(body.text, ctx.config.limits.textChars, 'text');
    return actOnCase(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId, { kind: 'note', text });
  },
});
