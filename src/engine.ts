/**
 * The public screening entry point: normalize → detect → policy → verdict.
 * Pure and synchronous; imports nothing from server, store or cli.
 */
import type { ScreenInput, ScreenResult } from './types.ts';

/** TEMPORARY stub while the pipeline is being built: allows everything. */
export function screen(input: ScreenInput): ScreenResult {
  return { verdict: 'allow', labels: [], scores: {}, evidence: [], lang: input.lang ?? 'en' };
}
