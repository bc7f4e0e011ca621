/**
 * The one small interface every detector implements (STYLE.md convention 3).
 * A detector reads a normalized document and returns findings with half-open spans
 * [start, end) in the ORIGINAL text. Detectors are pure, synchronous and deterministic.
 */
import type { Label, Lang, Surface, TextKind } from '../types.ts';
import type { NormalizedText } from '../normalize/types.ts';

/** How strongly a finding argues for its label: `block` is unambiguous, `hold` is mild or ambiguous. */
export type Severity = 'block' | 'hold' | 'allow';

export interface Finding {
  label: Label;
  /** Stable id of the rule that fired, e.g. `lexicon:insult.zh:傻逼`, `pii:cn_id`, `cooc:sexual_minor.child_feet`. */
  rule: string;
  /** Half-open span in the ORIGINAL text. */
  start: number;
  end: number;
  /** 0..1 */
  score: number;
  severity: Severity;
  /** Extra facts for downstream rules (e.g. PII type). */
  detail?: string;
}

export interface ScreenDoc {
  original: string;
  normalized: NormalizedText;
  lang: Lang;
  kind: TextKind;
  surface?: Surface;
}

export interface Detector {
  readonly id: string;
  detect(doc: ScreenDoc): Finding[];
}
