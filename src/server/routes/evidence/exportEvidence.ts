import { z } from 'zod';
import { exportEvidence as buildBundle } from '../../../store/evidence.ts';
import { evidenceRecordSchema, identifier, pageLimit } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';

export const exportEvidence = defineRoute({
  method: 'GET',
  url: '/v1/evidence/export',
  tag: 'evidence',
  summary: 'An evidence bundle (JSON) with the hash chain, fit to hand to the police',
  description:
    'Entries matching the filters, every chain link between the first and last of them (so the chain can be ' +
    're-verified without other people\'s content), the chain head, and the server\'s own verification. ' +
    'Verify: for each link, hash = sha256_hex(prevHash + sha256_hex(entry)) and prevHash = the previous hash.',
  roles: ['admin'],
  query: z.strictObject({
    subject: identifier.optional(),
    recipient: identifier.optional(),
    channel: identifier.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: pageLimit(10_000, 100_000),
  }),
  responses: {
    200: {
      description: 'The bundle (served as an attachment).',
      schema: z.object({
        format: z.literal('haven-evidence-bundle/1'),
        generatedAt: z.string(),
        hashing: z.string(),
        filter: z.record(z.string(), z.string()),
        entries: z.array(evidenceRecordSchema),
        links: z.array(z.object({ seq: z.number(), prevHash: z.string(), bodyHash: z.string(), hash: z.string() })),
        head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
        verification: z.object({ ok: z.boolean(), entries: z.number(), broken: z.object({ seq: z.number(), reason: z.string() }).optional() }),
        truncated: z.boolean(),
      }),
    },
  },
  async handler({ query, reply }, ctx) {
    const iso = (s: string | undefined) => (s ? new Date(s).toISOString() : undefined);
    const filter = {
      subject: query.subject,
      recipient: query.recipient,
      channel: query.channel,
      from: iso(query.from),
      to: iso(query.to),
    };
    const defined = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const bundle = await buildBundle(ctx.db, { ...defined, limit: query.limit, ...(query.after !== undefined ? { after: query.after } : {}) });
    reply.header('content-disposition', `attachment; filename="haven-evidence-${bundle.generatedAt.replace(/[:.]/g, '-')}.json"`);
    return bundle;
  },
});
