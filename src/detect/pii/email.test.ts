import { describe, expect, it } from 'vitest';
import { findEmails } from './email.ts';

describe('findEmails gates (each a condition every match meets)', () => {
  it('still finds plain and spelled-out addresses', () => {
    const text = 'mail me: bob (at) gmail (dot) com or a@b.co, x at y dot cn';
    expect(findEmails(text).map((m) => text.slice(m.start, m.end)).sort()).toEqual(['a@b.co', 'bob (at) gmail (dot) com', 'x at y dot cn']);
    expect(findEmails('li.lei@qq.com').length).toBe(1);
  });

  it('skips @mentions and an "at" with no dot-and-TLD after it', () => {
    expect(findEmails('RT @someone: look at this')).toEqual([]);
    expect(findEmails('name@host and nothing else')).toEqual([]);
    expect(findEmails('meet me (at) noon, bring the (dot) plan')).toEqual([]);
  });
});
