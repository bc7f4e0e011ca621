/**
 * The benchmark corpus: COLD test + Davidson texts from ../shared/datasets when present (a realistic mix of
 * Chinese and English chat), else the repository's own fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnIndex, parseCsv } from '../src/classifier/csv.ts';

function csvColumn(path: string, column: string): string[] {
  const table = parseCsv(readFileSync(path, 'utf8'));
  const idx = columnIndex(table, column, path);
  return table.rows.map((r) => r[idx] ?? '').filter((t) => t.length > 0);
}

export interface Corpus {
  name: string;
  texts: string[];
}

export function loadCorpus(dataDir = process.env.HAVEN_DATA ?? join(process.cwd(), '..', 'shared', 'datasets')): Corpus {
  const cold = join(dataDir, 'cold', 'COLDataset', 'test.csv');
  const davidson = join(dataDir, 'davidson', 'data', 'labeled_data.csv');
  if (existsSync(cold) && existsSync(davidson)) {
    const zh = csvColumn(cold, 'TEXT');
    const en = csvColumn(davidson, 'tweet').slice(0, zh.length);
    const texts: string[] = [];
    for (let i = 0; i < Math.max(zh.length, en.length); i++) {
      if (zh[i]) texts.push(zh[i] as string);
      if (en[i]) texts.push(en[i] as string);
    }
    return { name: `COLD test (${zh.length}) + Davidson (${en.length}) from ${dataDir}`, texts };
  }
  const dir = new URL('../test/fixtures/', import.meta.url).pathname;
  const texts: string[] = [];
  for (const f of ['harmful.jsonl', 'must-not-flag.jsonl']) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  return { name: `repository fixtures (${texts.length}); ../shared/datasets not found`, texts };
}
