import { z } from 'zod';
import { acceptText, screenFields, screenResultSchema } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';

export const screenText = defineRoute({
  method: 'POST',
  url: '/v1/screen',
  tag: 'screen',
  summary: 'Screen a text with the engine; stores nothing',
  roles: ['service', 'moderator'],
  body: z.strictObject(screenFields),
  responses: { 200: { description: 'The engine result.', schema: screenResultSchema } },
  handler({ body }, ctx) {
    const text = acceptText(body.text, ctx.config.limits.textChars);
    const result = ctx.screen({ text, kind: body.kind ?? 'message', ...(body.surface ? { surface: body.surface } : {}), ...(body.lang ? { lang: body.lang } : {}) });
    ctx.metrics.countVerdict('screen', result);
    return result;
  },
});
