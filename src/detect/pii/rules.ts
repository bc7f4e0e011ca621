/**
 * The PII vocabulary under rules/pii/, read once at load and checked against a schema.
 * Bad data throws here, when the detector is built, never while screening.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { packagePath } from '../../paths.ts';
import { escapeRegExp } from '../regexp.ts';

const word = z.object({ word: z.string().min(1), note: z.string().optional() });

const addressCnSchema = z.object({
  regions: z.array(z.string().min(2)).min(1),
  adminSuffixes: z.array(word).min(1),
  roadSuffixes: z.array(word).min(1),
  estateSuffixes: z.array(word).min(1),
  unitSuffixes: z.array(word).min(1),
  nameStopChars: z.string().min(1),
});

const lowerWord = z.string().regex(/^[a-z]+$/, 'lower-case ASCII letters only');
const addressEnSchema = z.object({
  usSuffixes: z.array(lowerWord).min(1),
  ukSuffixes: z.array(lowerWord).min(1),
  ukOnlySuffixes: z.array(lowerWord),
  usStates: z.array(z.string().regex(/^[A-Z]{2}$/, 'two upper-case letters')).min(1),
  ukTowns: z.array(lowerWord),
  streetNameStopwords: z.array(z.object({ word: lowerWord, note: z.string().optional() })),
});

const numberContextSchema = z.object({
  notPersonal: z.array(word).min(1),
});

export type AddressCnRules = z.infer<typeof addressCnSchema>;
export type AddressEnRules = z.infer<typeof addressEnSchema>;
export type NumberContextRules = z.infer<typeof numberContextSchema>;

/** Read and validate one JSON rule file under rules/pii/; the error names the file and the bad field. */
export function loadRuleFile<T>(name: string, schema: z.ZodType<T>, dir = pathToFileURL(`${packagePath('rules', 'pii')}/`)): T {
  const url = new URL(name, dir);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (cause) {
    throw new Error(`rules/pii/${name}: cannot read JSON: ${(cause as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`rules/pii/${name}: ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export const ADDRESS_CN: AddressCnRules = loadRuleFile('address-cn.json', addressCnSchema);
export const ADDRESS_EN: AddressEnRules = loadRuleFile('address-en.json', addressEnSchema);
export const NUMBER_CONTEXT: NumberContextRules = loadRuleFile('number-context.json', numberContextSchema);

/** Alternation of literals, longest first so the regex prefers 号楼 over 号. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
