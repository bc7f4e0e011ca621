#!/usr/bin/env node
// Entry point of the `haven` command. It runs the pre-built bundle in dist/cli (scripts/build-cli.mjs, run by
// `npm ci`, `npm run build:cli` and `npm run bench`) when that bundle matches the sources: every file it was
// built from still has the size and modification time recorded in dist/cli/stamp.json. Otherwise (no build
// yet, or anything under src/ edited since) it loads the TypeScript CLI through tsx, exactly as before the
// bundle existed: slower to start (≈ 0.4 s), never stale. HAVEN_NO_BUNDLE=1 forces the sources.
import { freshBundle } from './fresh-bundle.js';

const bundle = process.env.HAVEN_NO_BUNDLE ? null : freshBundle(new URL('../', import.meta.url), new URL('../dist/cli/', import.meta.url));
if (bundle) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
