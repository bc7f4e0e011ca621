import { z } from 'zod';
import { getMessage as readMessage } from '../../../store/messages.ts';
import { HttpError } from '../../errors.ts';
import { identifier, storedMessageSchema } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';

export const getMessage = defineRoute({
  method: 'GET',
  url: '/v1/messages/:messageId',
  tag: 'messages',
  summary: 'Read one stored message and its verdict',
  roles: ['service', 'moderator'],
  params: z.strictObject({ messageId: identifier }),
  responses: { 200: { description: 'The stored message.', schema: storedMessageSchema } },
  async handler({ params }, ctx) {
    const message = await readMessage(ctx.db, params.messageId);
    if (!message) throw new HttpError('not_found', `no message ${params.messageId}`, 'messageId');
    return message;
  },
});
