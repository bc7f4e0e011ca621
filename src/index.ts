/**
 * Haven's public library surface: a short, deliberate list.
 *
 * @example
 * ```ts
 * import { screen } from 'haven';
 * const r = screen({ text: '加我vx私聊，便宜出', surface: 'marketplace' });
 * r.verdict;   // 'hold'
 * r.labels;    // ['contact_offplatform']
 * r.evidence;  // [{ label: 'contact_offplatform', rule: 'lexicon:contact_offplatform.zh:vx', start: 2, end: 4, excerpt: 'vx', score: 0.8 }]
 * ```
 */

/** Screen one text with the shipped rules, policy, PII/doxxing detectors and model. */
export { screen, createEngine, redact, ScreenInputError } from './engine.ts';
/** Build an engine with an operator policy, or without the model. */
export { createDefaultEngine } from './default-engine.ts';
/** Operator policy: load a JSON/YAML file or resolve overrides; errors name the bad field. */
export { loadPolicyFile, resolvePolicy, defaultPolicy, PolicyError } from './policy/policy.ts';
/** The normalizer and its views, each with offsets back into the original text. */
export { normalize, toOriginal } from './normalize/index.ts';
export type { Engine, EngineOptions, ModelScorer } from './engine.ts';
export type { Policy, PolicyConfig } from './policy/policy.ts';
export type { Evidence, Label, Lang, Mitigation, ScreenInput, ScreenResult, Surface, TextKind, Verdict } from './types.ts';
export { LABELS, SURFACES, TEXT_KINDS, VERDICTS, LANGS } from './types.ts';
