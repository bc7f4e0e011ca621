/**
 * rules/sentences.yaml: the word lists that decide how far a `reach: sentence` context cue reaches
 * (src/policy/sentences.ts builds its patterns from them). A bad field throws at load with its name, and the
 * parsed rule set is cached under a key that covers the file.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadRuleSet, RULES_DIR } from '../../src/detect/rule-files.ts';
import { parseSentences } from '../../src/detect/rules-schema.ts';
import { compileSentenceWords, ownWords } from '../../src/policy/sentences.ts';

const FILE = 'rules/sentences.yaml';
const raw = (): Record<string, any> => parseYaml(readFileSync(join(RULES_DIR, 'sentences.yaml'), 'utf8'));

describe('rules/sentences.yaml', () => {
  it('loads with the rule set', () => {
    const words = loadRuleSet().sentences;
    expect(words.reader.zh.map((t) => t.term)).toContain('你');
    expect(words.third.zh.find((t) => t.term === '他')?.notBefore).toContain('妈');
  });

  it.each([
    [(r: any) => delete r.reader, 'rules/sentences.yaml: reader: must be a mapping'],
    [(r: any) => (r.third.en = []), 'rules/sentences.yaml: third.en: must be a non-empty list of strings'],
    [(r: any) => (r.first.en[1] = ' im'), 'rules/sentences.yaml: first.en[1]: must not begin or end with white space'],
    [(r: any) => (r.third.zh[0].not_before = 'x'), 'rules/sentences.yaml: third.zh[0].not_before: must be a non-empty list'],
    [(r: any) => (r.own_words.verdict.zh[1].measure = ['个']), 'rules/sentences.yaml: own_words.verdict.zh[1].measure: unknown field'],
    [(r: any) => (r.speech_verb = r.speech_verbs), 'rules/sentences.yaml: (root).speech_verb: unknown field'],
  ])('a bad field throws with its name (%#)', (edit, message) => {
    const r = raw();
    edit(r);
    expect(() => parseSentences(FILE, r)).toThrow(message);
  });

  it('the patterns are built from the data: a word added to a list takes effect', () => {
    const r = raw();
    const sentence = 'Hola sexy, send nudes';
    expect(ownWords(sentence, compileSentenceWords(parseSentences(FILE, r)))).toBe(false);
    r.own_words.opening.en.push('hola');
    expect(ownWords(sentence, compileSentenceWords(parseSentences(FILE, r)))).toBe(true);
  });

  it('an edited file is not served from a stale cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-rules-'));
    try {
      cpSync(RULES_DIR, dir, { recursive: true });
      expect(loadRuleSet(`${dir}/`).sentences.first.zh.map((t) => t.term)).toEqual(['我']);
      const path = join(dir, 'sentences.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('zh: [我]', 'zh: [我, 俺]'));
      expect(loadRuleSet(`${dir}/`).sentences.first.zh.map((t) => t.term)).toEqual(['我', '俺']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
