import { z } from 'zod';
import type { ScreenViews } from '../../../engine.ts';
import { newId } from '../../../store/ids.ts';
import { acceptText, identifier, screenFields, storedMessageSchema } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';
import { messageTime } from '../../people.ts';
import { senderFacts, senderSchema } from '../../people-schemas.ts';

export const postMessage = defineRoute({
  method: 'POST',
  url: '/v1/messages',
  tag: 'messages',
  summary: 'Screen a message in context and store it; held messages enter the review queue',
  description:
    'Idempotent on `id`: sending an id again returns the stored message (200, `duplicate: true`) and stores nothing. ' +
    'The response is sent only after the message is committed. Blocked and held messages are appended to the evidence log. ' +
    'Screened in context: blocks, sanctions, ban-evasion links and a raided channel\'s shield can raise the verdict (labels `blocked_contact`, `sanctioned`, `ban_evasion`, `raid`; see docs/people.md).',
  roles: ['service'],
  body: z.strictObject({
    id: identifier.optional().describe('Your id for the message; generated when absent. Makes retries safe.'),
    sender: senderSchema,
    recipient: identifier.optional(),
    channel: identifier.optional(),
    ...screenFields,
    sentAt: z.iso.datetime({ offset: true }).optional().describe('When the user sent it (ISO 8601).'),
  }),
  responses: {
    201: { description: 'Stored.', schema: storedMessageSchema.extend({ duplicate: z.literal(false) }) },
    200: { description: 'Already stored under this id; the stored message.', schema: storedMessageSchema.extend({ duplicate: z.literal(true) }) },
  },
  async handler({ body, principal, reply }, ctx) {
    const text = acceptText(body.text, ctx.config.limits.textChars);
    const kind = body.kind ?? 'message';
    const views: ScreenViews = {};
    const screened = ctx.screen({ text, kind, ...(body.surface ? { surface: body.surface } : {}), ...(body.lang ? { lang: body.lang } : {}) }, views);
    const id = body.id ?? newId('msg');
    const receivedAt = new Date().toISOString();
    const sentAt = body.sentAt ? new Date(body.sentAt).toISOString() : null;
    const inContext = { messageId: id, sender: senderFacts(body.sender), recipient: body.recipient ?? null, channel: body.channel ?? null, text, ...(views.normalized ? { skeleton: views.normalized.skeleton.text } : {}), at: messageTime(sentAt, receivedAt), screened };
    const assessed = await ctx.people.assess(inContext);
    const result = assessed.result;
    const { message, created } = await ctx.writer.write({
      id,
      sender: inContext.sender.id,
      recipient: body.recipient ?? null,
      channel: body.channel ?? null,
      kind,
      surface: body.surface ?? null,
      text,
      result,
      redact: ctx.config.redactStoredText,
      sentAt,
      receivedAt,
      submittedBy: principal!.keyId,
    }, ctx.people.onStored(inContext, assessed));
    if (created) ctx.metrics.countVerdict('messages', result);
    if (created) await ctx.people.afterStored(inContext, assessed);
    reply.code(created ? 201 : 200);
    return { ...message, duplicate: !created };
  },
});
