/**
 * Vocabulary shared by the engine, the service and the console.
 * Words are the product's words (see ../shared/docs/PRODUCT.md).
 */

/** Every label a text can carry, in order of severity (most severe first). */
export const LABELS = [
  'sexual_minor',
  'threat',
  'sexual_harassment',
  'hate',
  'prohibited_listing',
  'doxxing',
  'contact_offplatform',
  'insult',
  'pii',
] as const;
export type Label = (typeof LABELS)[number];

/**
 * Labels about the sender or the conversation rather than the text, set by the service (src/actors) and never
 * by the engine, so the engine's `Label` stays as it is: `blocked_contact` (the recipient blocked the sender),
 * `sanctioned` (the sender is muted or suspended), `ban_evasion` (linked to an earlier account), `raid`
 * (held by a channel's raid shield).
 */
export const ACCOUNT_LABELS = ['blocked_contact', 'sanctioned', 'ban_evasion', 'raid'] as const;
export type AccountLabel = (typeof ACCOUNT_LABELS)[number];
/** A label as stored with a message: the engine's or the service's. */
export const MESSAGE_LABELS = [...LABELS, ...ACCOUNT_LABELS] as const;
export type MessageLabel = (typeof MESSAGE_LABELS)[number];

export const VERDICTS = ['block', 'hold', 'allow'] as const;
/** `block`: do not deliver/publish. `hold`: keep for human review. `allow`: deliver. */
export type Verdict = (typeof VERDICTS)[number];

export const SURFACES = ['marketplace', 'livestream', 'workplace'] as const;
export type Surface = (typeof SURFACES)[number];

export const TEXT_KINDS = ['message', 'listing'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export const LANGS = ['zh', 'en', 'mixed'] as const;
export type Lang = (typeof LANGS)[number];

export interface ScreenInput {
  text: string;
  kind?: TextKind;
  surface?: Surface;
  lang?: Lang;
}

/** One reason for a label: which rule (or `model`) fired on which half-open span [start, end) of the ORIGINAL text. */
export interface Evidence {
  label: Label;
  rule: string;
  start: number;
  end: number;
  excerpt: string;
  score: number;
}

/** A context rule that lowered a verdict, with the reason it gives. */
export interface Mitigation {
  rule: string;
  reason: string;
  labels: Label[];
}

export interface ScreenResult {
  verdict: Verdict;
  labels: Label[];
  scores: Partial<Record<Label, number>>;
  evidence: Evidence[];
  lang: Lang;
  /** The text with PII replaced by placeholders; present when the text contains PII. */
  redacted?: string;
  /** Context rules that lowered the verdict (quoting to report, news, medical…). */
  mitigations?: Mitigation[];
}

/** A screening result as stored with a message: the engine's, plus the service's account labels. */
export type MessageResult = Omit<ScreenResult, 'labels'> & { labels: MessageLabel[] };
