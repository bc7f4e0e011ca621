/**
 * The service's response shapes as the console reads them. The engine's vocabulary comes straight from
 * src/types.ts; these mirror src/server/schemas.ts and the route files of the areas the console shows.
 */
import { LABELS, type Evidence, type Lang, type Surface, type TextKind, type Verdict } from '../../src/types.ts';

/**
 * Labels about the sender rather than the text, set by the service's people module (issue 6): the recipient
 * blocked the sender, the sender is sanctioned, ban evasion, held by a raid shield.
 */
export const ACCOUNT_LABELS = ['blocked_contact', 'sanctioned', 'ban_evasion', 'raid'] as const;
/** Every label a stored message can carry: the engine's and the account labels. */
export const MESSAGE_LABELS = [...LABELS, ...ACCOUNT_LABELS] as const;
export type MessageLabel = (typeof MESSAGE_LABELS)[number];

export interface StoredMessage {
  id: string;
  sender: string;
  recipient: string | null;
  channel: string | null;
  kind: TextKind;
  surface: Surface | null;
  lang: Lang;
  text: string;
  textRedacted: boolean;
  verdict: Verdict;
  labels: MessageLabel[];
  scores: Partial<Record<string, number>>;
  evidence: Evidence[];
  sentAt: string | null;
  receivedAt: string;
  queueItemId: string | null;
}

export interface QueueDecision {
  id: string;
  decision: 'allow' | 'block';
  reason: string;
  decidedBy: string;
  decidedAt: string;
  previousStatus: string;
}

export interface QueueItem {
  id: string;
  status: 'pending' | 'allowed' | 'blocked';
  createdAt: string;
  message: StoredMessage;
  decision: QueueDecision | null;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

// ---- people (issue 6: src/server/people-schemas.ts) ----

export type RaidStatus = 'detected' | 'held' | 'suspended' | 'dismissed';
export type RaidAction = 'hold-all' | 'suspend-all' | 'dismiss';

/** Mirrors src/actors/raid-status.ts: which actions each status allows. */
export const RAID_TRANSITIONS: Record<RaidStatus, RaidAction[]> = {
  detected: ['hold-all', 'suspend-all', 'dismiss'],
  held: ['suspend-all', 'dismiss'],
  suspended: ['dismiss'],
  dismissed: [],
};

export interface Raid {
  id: string;
  channel: string;
  status: RaidStatus;
  detectedAt: string;
  newShare: number;
  sample: string;
  memberCount: number;
  shield: { up: boolean; until: string; liftedAt: string | null } | null;
  updatedAt: string;
}

export interface RaidDetail extends Raid {
  members: Array<{ account: string; messageId: string; joinedAt: string }>;
  events: Array<{ id: string; type: string; previousStatus: string | null; status: string; reason: string; actor: string; createdAt: string }>;
}

export interface Shield {
  channel: string;
  raidId: string;
  raisedAt: string;
  until: string;
  up: boolean;
  liftedAt: string | null;
}

export interface Link {
  id: string;
  account: string;
  linkedTo: string;
  score: number;
  reasons: Array<{ kind: string; weight: number; detail: string }>;
  messageId: string;
  recipient: string | null;
  createdAt: string;
}

export interface Block {
  blocker: string;
  blocked: string;
  source: 'user' | 'link';
  linkId: string | null;
  createdAt: string;
}

export interface Account {
  id: string;
  createdAt: string | null;
  verified: boolean | null;
  firstSeenAt: string | null;
  strikes: { total: number; counting: number; items: Array<Record<string, unknown>> };
  sanctions: Array<{ id: string; level: 'warn' | 'mute' | 'suspend'; since: string; until: string | null; source: string }>;
  sanctionHistory: Array<{ id: string; type: 'impose' | 'lift'; sanctionId: string; level: string; until: string | null; source: string; reason: string; actor: string; createdAt: string }>;
  blocks: { blocking: Block[]; blockedBy: Block[] };
  links: { linkedTo: Link[]; linkedFrom: Link[] };
  raids: Array<{ id: string; channel: string; status: RaidStatus }>;
}

// ---- the reporting channel (issue 7: src/cases/views.ts, src/cases/intake.ts) ----

export const CATEGORIES = ['sexual_harassment', 'sexual_assault', 'coerced_drinking', 'retaliation', 'discrimination', 'other'] as const;
export const OUTCOMES = ['substantiated', 'partly_substantiated', 'unsubstantiated', 'inconclusive', 'referred'] as const;
export type CaseStatus = 'new' | 'acknowledged' | 'triaged' | 'decided' | 'closed';

export interface ReportReceipt {
  caseId: string;
  /** Shown once; only its hash is kept. */
  receipt: string;
  policeReportPrompt: boolean;
}

export interface ReceiptView {
  caseId: string;
  status: CaseStatus;
  category: string;
  createdAt: string;
  acknowledged: boolean;
  policeReportPrompt: boolean;
  policeReportAdvice?: string;
  decision: { outcome: string; text: string; at: string } | null;
  messages: Array<{ from: 'reporter' | 'investigator' | 'haven'; text: string; at: string }>;
}

export interface CaseSummary {
  id: string;
  status: CaseStatus;
  tier: number;
  category: string;
  assignee: string | null;
  createdAt: string;
  nextDeadline: { kind: string; dueAt: string } | null;
  escalations?: number;
}

export interface CaseEventView {
  seq: number;
  type: string;
  at: string;
  by: string;
  text?: string;
  [field: string]: unknown;
}

export interface CaseView {
  id: string;
  status: CaseStatus;
  tier: number;
  category: string;
  assignee: { id: string; name: string | null } | null;
  anonymous: boolean;
  reporter: { id: string; name: string | null } | null;
  unit: string;
  policeReportPrompt: boolean;
  createdAt: string;
  updatedAt: string;
  report: { text: string; accused: string[]; witnesses: string[]; occurredAt: string | null; location: string | null };
  attachments: Array<{ id: string; eventSeq: number; filename: string; contentType: string; size: number }>;
  deadlines: Array<{ kind: string; dueAt: string; state: string; tier: number; resolvedAt: string | null; afterDays?: number }>;
  events: CaseEventView[];
}
