/**
 * The public screening entry point: normalize → detect → policy → verdict.
 * Pure and synchronous once built; imports nothing from server, store or cli.
 */
import { createDefaultEngine } from './default-engine.ts';
import { cooccurrenceDetector } from './detect/cooccurrence.ts';
import { detectLang } from './detect/lang.ts';
import { lexiconDetector } from './detect/lexicon.ts';
import { redact } from './detect/pii/index.ts';
import { TermCatalog, TermIndex } from './detect/matcher/term-index.ts';
import { loadRuleSet, type RuleSet } from './detect/rule-files.ts';
import type { Detector, Finding, ScreenDoc, Severity } from './detect/types.ts';
import { isAlnum, isHan } from './normalize/chars.ts';
import { normalize } from './normalize/pipeline.ts';
import type { NormalizedText } from './normalize/types.ts';
import { ContextRules, type ContextHit } from './policy/context.ts';
import { compileSentenceWords, inReach, layout, sentenceReach, type SentencePatterns, type Span, type TextLayout } from './policy/sentences.ts';
import { defaultPolicy, labelVerdict, lessSevere, moreSevere, type Policy } from './policy/policy.ts';
import {
  LABELS,
  LANGS,
  SURFACES,
  TEXT_KINDS,
  type Evidence,
  type Label,
  type Mitigation,
  type ScreenInput,
  type ScreenResult,
  type Verdict,
} from './types.ts';

/** Scores from a learned model, for the labels it covers. */
export type ModelScorer = (compactText: string) => Partial<Record<Label, number>>;

export interface EngineOptions {
  policy?: Policy;
  rules?: RuleSet;
  /** Extra detectors (PII, doxxing…) run after the rule detectors. */
  detectors?: Detector[];
  /** The learned classifier; `null` for rules only. */
  model?: ModelScorer | null;
}

export interface Engine {
  screen(input: ScreenInput, views?: ScreenViews): ScreenResult;
  readonly policy: Policy;
}

/**
 * What the engine computed on the way to a result, for a caller that needs it too (the server's text signature
 * reads the skeleton view): pass an object and `screen` fills it. Not part of the result, which stays the same.
 */
export interface ScreenViews {
  /** `normalize(input.text)`, as the detectors saw it. */
  normalized?: NormalizedText;
}

export class ScreenInputError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'ScreenInputError';
  }
}

function checkInput(input: ScreenInput): void {
  if (typeof input !== 'object' || input === null) throw new ScreenInputError('(input)', 'must be an object');
  if (typeof input.text !== 'string') throw new ScreenInputError('text', 'must be a string');
  if (input.kind !== undefined && !TEXT_KINDS.includes(input.kind)) throw new ScreenInputError('kind', `must be one of ${TEXT_KINDS.join(', ')}`);
  if (input.surface !== undefined && !SURFACES.includes(input.surface)) throw new ScreenInputError('surface', `must be one of ${SURFACES.join(', ')}`);
  if (input.lang !== undefined && !LANGS.includes(input.lang)) throw new ScreenInputError('lang', `must be one of ${LANGS.join(', ')}`);
}

const SEVERITY_VERDICT: Record<Severity, Verdict> = { block: 'block', hold: 'hold', allow: 'allow' };
const MODEL_LABELS: readonly Label[] = ['insult', 'hate', 'sexual_harassment'];

/** Words in a (lower-cased) view, for the model's minimum: runs of Latin letters or digits, and each Han character. */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isAlnum(c)) {
      if (!inWord) words++;
      inWord = true;
      continue;
    }
    inWord = false;
    if (isHan(c)) words++;
  }
  return words;
}

/** The operator's custom block terms (policy.blockTerms) as a detector; null when there are none. */
export function operatorTermsDetector(policy: Policy): Detector | null {
  if (policy.blockTerms.length === 0) return null;
  const index = new TermIndex(
    policy.blockTerms.map((t) => ({ term: t.term, value: t })),
    'policy.blockTerms',
  );
  return {
    id: 'operator',
    detect: (doc) =>
      index.find(doc.normalized).map((hit) => ({
        label: hit.value.label,
        rule: `operator:${hit.value.term}`,
        start: hit.start,
        end: hit.end,
        score: 1,
        severity: hit.value.verdict,
      })),
  };
}

/**
 * Context lowers findings, not whole labels (round 25): each finding keeps its own verdict, and a context rule
 * lowers those of its labels that its cues reach — anywhere for `reach: message`, else the cue's sentence, the
 * next one after a colon, and quoted spans (src/policy/sentences.ts). A label's verdict is then its strongest
 * finding's, so a report word in one sentence no longer excuses a fresh insult in the next. A rule is listed
 * under `mitigations` with the labels whose verdict it brought down.
 */
function lowerByContext(
  hits: ContextHit[],
  findings: Finding[],
  byRules: ReadonlySet<Label>,
  verdicts: Map<Label, Verdict>,
  mitigations: Mitigation[],
  /** Each finding's verdict before context, in the order of `findings` (screen computed them already). */
  own: readonly Verdict[],
  text: string,
  /** rules/sentences.yaml's patterns: where a `reach: sentence` cue stops. */
  sentenceWords: SentencePatterns,
): void {
  const lowered = [...own];
  // where a finding lies: the co-occurrence findings of one rule (one per group) count as one span
  const cooc = new Map<string, { start: number; end: number }>();
  for (const f of findings) {
    if (!f.rule.startsWith('cooc:')) continue;
    const u = cooc.get(f.rule);
    cooc.set(f.rule, u ? { start: Math.min(u.start, f.start), end: Math.max(u.end, f.end) } : { start: f.start, end: f.end });
  }
  let textLayout: TextLayout | undefined;
  const touchedBy: Array<Set<Label>> = [];
  for (const hit of hits) {
    const touched = new Set<Label>();
    touchedBy.push(touched);
    if (hit.rule.unless?.some((l) => verdicts.has(l) && !hit.rule.lowers.includes(l))) continue;
    let reach: Span[] | null = null; // null: the whole message
    if ((hit.rule.reach ?? 'sentence') === 'sentence') {
      const l = (textLayout ??= layout(text));
      reach = hit.cues.flatMap((c) => sentenceReach(l, c.start, text, sentenceWords));
    }
    findings.forEach((f, i) => {
      if (!hit.rule.lowers.includes(f.label) || (hit.rule.scope === 'model' && byRules.has(f.label))) return;
      const at = cooc.get(f.rule) ?? f;
      if (reach && textLayout && !inReach(reach, textLayout.quotes, at.start, at.end)) return;
      const v = lessSevere(lowered[i] ?? 'allow', hit.rule.to);
      if (v === lowered[i]) return;
      lowered[i] = v;
      touched.add(f.label);
    });
  }
  const before = new Map(verdicts);
  verdicts.clear();
  findings.forEach((f, i) => verdicts.set(f.label, moreSevere(verdicts.get(f.label) ?? 'allow', lowered[i] ?? 'allow')));
  hits.forEach((hit, k) => {
    const labels = LABELS.filter((l) => touchedBy[k]?.has(l) && verdicts.get(l) !== before.get(l));
    if (labels.length > 0) mitigations.push({ rule: `context:${hit.rule.id}`, reason: hit.rule.reason, labels });
  });
}

/** Build an engine: rules and policy compiled once; `screen()` is then pure and synchronous. */
export function createEngine(options: EngineOptions = {}): Engine {
  const policy = options.policy ?? defaultPolicy();
  const rules = options.rules ?? loadRuleSet();
  // lexicons, co-occurrence groups and context terms share one set of matchers: one pass over each view
  const terms = new TermCatalog();
  const detectors: Detector[] = [lexiconDetector(rules.lexicons, terms), cooccurrenceDetector(rules.cooccurrence, terms)];
  const operator = operatorTermsDetector(policy);
  if (operator) detectors.push(operator);
  detectors.push(...(options.detectors ?? []));
  const context = new ContextRules(rules.context, terms);
  const sentenceWords = compileSentenceWords(rules.sentences);
  terms.seal();
  const allowIndex =
    policy.allowTerms.length > 0 ? new TermIndex(policy.allowTerms.map((t) => ({ term: t, value: t, match: 'substring' as const })), 'policy.allowTerms') : null;
  const model = options.model ?? null;

  function screen(input: ScreenInput, views?: ScreenViews): ScreenResult {
    checkInput(input);
    const text = input.text;
    const normalized = normalize(text);
    if (views) views.normalized = normalized;
    const lang = input.lang ?? detectLang(normalized.fold.text);
    const doc: ScreenDoc = { original: text, normalized, lang, kind: input.kind ?? 'message', ...(input.surface ? { surface: input.surface } : {}) };

    let findings: Finding[] = [];
    for (const d of detectors) for (const f of d.detect(doc)) findings.push(f);

    if (allowIndex) {
      const allowed = allowIndex.find(normalized);
      findings = findings.filter((f) => !allowed.some((a) => a.start <= f.start && f.end <= a.end));
    }

    const scores: Partial<Record<Label, number>> = {};
    let words: number | undefined;
    if (model) {
      const modelScores = model(normalized.compact.text);
      const ruleFindings = findings.length;
      const byRule = (l: Label): boolean => {
        for (let i = 0; i < ruleFindings; i++) if (findings[i]!.label === l) return true;
        return false;
      };
      for (const label of MODEL_LABELS) {
        const p = modelScores[label];
        if (p === undefined) continue;
        scores[label] = p;
        if (
          p >= policy.model.hold &&
          !byRule(label) &&
          !policy.model.yieldTo[label]?.some(byRule) &&
          text.length > 0 &&
          (words ??= countWords(normalized.compact.text)) >= policy.model.minWords
        ) {
          findings.push({ label, rule: 'model', start: 0, end: text.length, score: p, severity: p >= policy.model.block && policy.model.block < 1 ? 'block' : 'hold' });
        }
      }
    }

    // per-label verdict: the policy's verdict for the label, lowered to the strongest finding's severity
    const verdicts = new Map<Label, Verdict>();
    const own: Verdict[] = [];
    for (const f of findings) {
      scores[f.label] = Math.max(f.score, scores[f.label] ?? 0);
      const v = lessSevere(labelVerdict(policy, f.label, doc.surface), SEVERITY_VERDICT[f.severity]);
      own.push(v);
      verdicts.set(f.label, moreSevere(verdicts.get(f.label) ?? 'allow', v));
    }

    let labels = LABELS.filter((l) => verdicts.has(l));
    const byRules = new Set(findings.filter((f) => f.rule !== 'model').map((f) => f.label));
    const mitigations: Mitigation[] = [];
    const hits = context.find(normalized);
    if (hits.length > 0) {
      lowerByContext(hits, findings, byRules, verdicts, mitigations, own, text, sentenceWords);
      // a label that context lowered to allow is not what the text is: it stays in `mitigations` and `evidence`
      labels = labels.filter((l) => verdicts.get(l) !== 'allow' || !mitigations.some((m) => m.labels.includes(l)));
    }

    let verdict: Verdict = 'allow';
    for (const v of verdicts.values()) verdict = moreSevere(verdict, v);
    for (const combo of policy.combinations) {
      if (combo.when.every((l) => verdicts.has(l) && verdicts.get(l) !== 'allow')) verdict = moreSevere(verdict, combo.verdict);
    }

    const evidence: Evidence[] = findings
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((f) => ({ label: f.label, rule: f.rule, start: f.start, end: f.end, excerpt: text.slice(f.start, f.end), score: f.score }));

    const result: ScreenResult = { verdict, labels, scores, evidence, lang };
    if (mitigations.length > 0) result.mitigations = mitigations;
    const pii = findings.filter((f) => f.label === 'pii');
    if (pii.length > 0) result.redacted = redact(text, pii);
    return result;
  }

  return { screen, policy };
}

export { redact };

let defaultEngine: Engine | undefined;

/**
 * Screen one text with the default rules, policy, PII/doxxing detectors and learned model
 * (see default-engine.ts; built on first call).
 *
 * @example
 * screen({ text: '你个s.b', surface: 'livestream' })
 * // → { verdict: 'hold', labels: ['insult'], evidence: [{ label: 'insult', start: 2, end: 5, excerpt: 's.b', … }], … }
 */
export function screen(input: ScreenInput, views?: ScreenViews): ScreenResult {
  defaultEngine ??= createDefaultEngine();
  return defaultEngine.screen(input, views);
}
