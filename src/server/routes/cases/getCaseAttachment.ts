import { z } from 'zod';
import { readAttachment } from '../../../cases/actions.ts';
import { defineRoute } from '../../route.ts';
import { identifier } from '../../schemas.ts';
import { CASE_ROLES, viewerOf } from './fields.ts';

export const getCaseAttachment = defineRoute({
  method: 'GET',
  url: '/v1/cases/:caseId/attachments/:attachmentId',
  tag: 'cases',
  summary: 'Download one attachment (decrypted; audited)',
  roles: CASE_ROLES,
  params: z.strictObject({ caseId: identifier, attachmentId: identifier }),
  responses: { 200: { description: 'The file, with its content type.' } },
  async handler({ params, principal, reply }, ctx) {
    const file = await readAttachment(ctx.cases.deps, await viewerOf(principal, ctx), params.caseId, params.attachmentId);
    const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff');
    return file.bytes;
  },
});
