/**
 * Request pieces and response shapes (documentation) for people, not only messages: the `sender` of
 * `POST /v1/messages`, accounts, links, raids and shields.
 */
import { z } from 'zod';
import { LINK_REASONS } from '../actors/evasion.ts';
import { SANCTION_ACTIONS } from '../actors/policy.ts';
import { RAID_STATUSES } from '../actors/raid-status.ts';
import { SANCTION_SOURCES } from '../actors/sanctions.ts';
import type { SenderFacts } from '../store/people.ts';
import { LINK_DECISIONS, LINK_STATUSES } from '../store/schema/index.ts';
import { identifier } from './schemas.ts';

/** An opaque hash from the platform (device, network, payment): Haven never needs raw IPs or card numbers. */
const fingerprintValue = identifier.describe('An opaque hash supplied by the platform.');

export const senderSchema = z
  .union([
    identifier,
    z.strictObject({
      id: identifier,
      createdAt: z.iso.datetime({ offset: true }).optional().describe('When the platform created the account (ISO 8601).'),
      verified: z.boolean().optional().describe('Whether the platform verified the account (phone, ID…).'),
      fingerprint: z
        .strictObject({ device: fingerprintValue.optional(), network: fingerprintValue.optional(), payment: fingerprintValue.optional() })
        .optional()
        .describe('Opaque hashes of the device, network and payment instrument, where the platform has them.'),
    }),
  ], { error: (issue) => (issue.input === undefined ? 'required' : undefined) })
  .describe('The sender: an account id, or the account as the platform describes it.');

/** The `sender` field as facts for the store. */
export function senderFacts(sender: z.output<typeof senderSchema>): SenderFacts {
  if (typeof sender === 'string') return { id: sender };
  return {
    id: sender.id,
    ...(sender.createdAt !== undefined ? { createdAt: sender.createdAt } : {}),
    ...(sender.verified !== undefined ? { verified: sender.verified } : {}),
    ...(sender.fingerprint !== undefined ? { fingerprint: stripUndefined(sender.fingerprint) } : {}),
  };
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export const blockSchema = z.object({ blocker: z.string(), blocked: z.string(), source: z.enum(['user', 'link']), linkId: z.string().nullable(), createdAt: z.string() });

export const linkSchema = z.object({
  id: z.string(),
  account: z.string().describe('The new account.'),
  linkedTo: z.string().describe('The earlier account it is treated as.'),
  score: z.number(),
  reasons: z.array(z.object({ kind: z.enum(LINK_REASONS), weight: z.number(), detail: z.string() })),
  messageId: z.string(),
  recipient: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(LINK_STATUSES).describe('From the latest decision: `pending` until a moderator decides; a rejected link counts nowhere.'),
  decision: z
    .object({ id: z.string(), decision: z.enum(LINK_DECISIONS), reason: z.string(), decidedBy: z.string().describe('Id of the API key that decided.'), decidedAt: z.string(), previousStatus: z.enum(LINK_STATUSES) })
    .nullable()
    .describe('The latest decision, or null.'),
});

const sanctionEventSchema = z.object({
  id: z.string(),
  type: z.enum(['impose', 'lift']),
  sanctionId: z.string(),
  level: z.enum(SANCTION_ACTIONS),
  until: z.string().nullable(),
  source: z.enum(SANCTION_SOURCES),
  ref: z.string().nullable(),
  reason: z.string(),
  actor: z.string(),
  createdAt: z.string(),
});

export const accountSchema = z.object({
  id: z.string(),
  createdAt: z.string().nullable(),
  verified: z.boolean().nullable(),
  firstSeenAt: z.string().nullable(),
  strikes: z.object({ total: z.number(), counting: z.number().describe('Points that count towards a sanction now.'), items: z.array(z.record(z.string(), z.unknown())) }),
  sanctions: z.array(z.object({ id: z.string(), level: z.enum(SANCTION_ACTIONS), since: z.string(), until: z.string().nullable(), source: z.enum(SANCTION_SOURCES) })).describe('Active now, most severe first.'),
  sanctionHistory: z.array(sanctionEventSchema),
  blocks: z.object({ blocking: z.array(blockSchema), blockedBy: z.array(blockSchema) }),
  links: z.object({ linkedTo: z.array(linkSchema), linkedFrom: z.array(linkSchema) }),
  raids: z.array(z.object({ id: z.string(), channel: z.string(), status: z.enum(RAID_STATUSES) })),
});

export const raidSchema = z.object({
  id: z.string(),
  channel: z.string(),
  status: z.enum(RAID_STATUSES),
  detectedAt: z.string(),
  newShare: z.number(),
  sample: z.string().describe('The first message of the cluster, normalized.'),
  memberCount: z.number().int(),
  shield: z.object({ up: z.boolean(), until: z.string(), liftedAt: z.string().nullable() }).nullable(),
  updatedAt: z.string(),
});

export const shieldSchema = z.object({ channel: z.string(), raidId: z.string(), raisedAt: z.string(), until: z.string(), up: z.boolean(), liftedAt: z.string().nullable() });
