/** Request pieces and response shapes shared by the case endpoints. Not an endpoint. */
import { z } from 'zod';
import { viewerFor, type Viewer } from '../../../cases/access.ts';
import type { Principal } from '../../auth.ts';
import type { AppContext } from '../../context.ts';
import { identifier } from '../../schemas.ts';

export const caseParams = z.strictObject({ caseId: identifier });

/** Investigators reach case endpoints (an admin key too — but every case is then judged by the key's employee). */
export const CASE_ROLES = ['investigator'] as const;

export function viewerOf(principal: Principal | null, ctx: AppContext): Promise<Viewer> {
  return viewerFor(ctx.db, principal!.keyId, principal!.role);
}

export const caseTextBody = z.strictObject({
  text: z.string().refine((s) => s.trim() !== '', 'must not be empty'),
});

export const caseViewSchema = z.object({
  id: z.string(),
  status: z.string(),
  tier: z.number().int(),
  category: z.string(),
  assignee: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  anonymous: z.boolean(),
  reporter: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  unit: z.string(),
  policeReportPrompt: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  report: z.object({ text: z.string(), accused: z.array(z.string()), witnesses: z.array(z.string()), occurredAt: z.string().nullable(), location: z.string().nullable() }),
  attachments: z.array(z.object({ id: z.string(), eventSeq: z.number().int(), filename: z.string(), contentType: z.string(), size: z.number().int() })),
  deadlines: z.array(z.object({ kind: z.string(), dueAt: z.string(), state: z.string(), tier: z.number().int(), resolvedAt: z.string().nullable(), afterDays: z.number().int().optional() })),
  events: z
    .array(z.object({ seq: z.number().int(), type: z.string(), at: z.string(), by: z.string(), text: z.string().optional() }).catchall(z.unknown()))
    .describe('Everything that happened, oldest first; e.g. `{type: "escalated", fromTier, toTier, at, reason}`.'),
});
