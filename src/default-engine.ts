/**
 * The engine as Haven ships it: rules, PII and doxxing detectors, and the committed learned model.
 * Loading reads rule files and the model file once; screening is then pure and synchronous.
 */
import { defaultClassifier } from './classifier/index.ts';
import { doxxingDetector } from './detect/doxxing/index.ts';
import { piiDetector } from './detect/pii/index.ts';
import { createEngine, type Engine, type ModelScorer } from './engine.ts';
import type { Policy } from './policy/policy.ts';

export type { Engine } from './engine.ts';

export interface DefaultEngineOptions {
  policy?: Policy;
  /** Use the learned classifier (default true); falls back to rules with one warning if it cannot load. */
  model?: boolean;
}

export function createDefaultEngine(options: DefaultEngineOptions = {}): Engine {
  let model: ModelScorer | null = null;
  if (options.model !== false) {
    const classifier = defaultClassifier();
    if (classifier) model = (text) => classifier.score(text);
  }
  return createEngine({
    ...(options.policy ? { policy: options.policy } : {}),
    detectors: [piiDetector, doxxingDetector],
    model,
  });
}
