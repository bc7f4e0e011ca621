#!/usr/bin/env node
// Entry point of the `haven` command: loads the TypeScript CLI through tsx so that
// `npx haven` works right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
