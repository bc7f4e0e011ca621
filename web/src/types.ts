/**
 * The service's response shapes as the console reads them. The engine's vocabulary comes straight from
 * src/types.ts; these mirror src/server/schemas.ts and the route files of the areas the console shows.
 */
import type { Evidence, Lang, MessageLabel, Surface, TextKind, Verdict } from '../../src/types.ts';

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
