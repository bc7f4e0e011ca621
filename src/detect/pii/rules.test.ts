import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ADDRESS_CN, ADDRESS_EN, NUMBER_CONTEXT, alternation, loadRuleFile } from './rules.ts';

describe('rules/pii', () => {
  it('loads the shipped files', () => {
    expect(ADDRESS_CN.regions).toContain('上海');
    expect(ADDRESS_EN.usStates).toContain('CA');
    expect(NUMBER_CONTEXT.notPersonal.length).toBeGreaterThan(0);
  });
  it('throws at load naming the file and the bad field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-pii-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ usStates: ['ca'] }));
    writeFileSync(join(dir, 'broken.json'), '{');
    const url = pathToFileURL(dir + '/');
    const schema = z.object({ usStates: z.array(z.string().regex(/^[A-Z]{2}$/)) });
    expect(() => loadRuleFile('bad.json', schema, url)).toThrow(/bad\.json: usStates\.0/);
    expect(() => loadRuleFile('broken.json', schema, url)).toThrow(/broken\.json: cannot read JSON/);
  });
  it('alternation puts longer words first', () => {
    expect(alternation(['号', '号楼', 'a.b'])).toBe('a\\.b|号楼|号');
  });
});
