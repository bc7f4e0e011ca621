import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';

describe('co-occurrence windows are counted in the skeleton view', () => {
  const engine = createEngine({ model: null });
  it('stretched letters do not push the terms apart (regression: "you\'re sooooo stuuuupid" was allowed)', () => {
    expect(engine.screen({ text: "you're so stupid" }).labels).toContain('insult');
    expect(engine.screen({ text: "you're sooooo stuuuupid" }).labels).toContain('insult');
  });
});
