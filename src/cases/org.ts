/**
 * The organisation chart: employees, who manages whom, and who investigates at which tier. Pure: parsing
 * (CSV or JSON), validation with errors that name the row and field, and walking management chains.
 *
 *   const org = validateOrg(parseOrgFile(text, 'org.csv'), { tiers: 3 });
 *   managementChain(org, 'e42') // → ['e7', 'e3', 'e1'], nearest manager first
 */
import { z } from 'zod';

/** The org role that makes an employee an investigator (with a tier). */
export const INVESTIGATOR_ROLE = 'investigator';

export interface Employee {
  id: string;
  name: string;
  email: string | null;
  managerId: string | null;
  unit: string;
  role: string | null;
  /** Investigators only: 1 = HR case handler, 2 = senior ethics, 3 = board-level committee (or as configured). */
  tier: number | null;
}

/** Employees by id, validated: unique ids, managers exist, no management cycles, investigators have a tier. */
export interface OrgChart {
  readonly byId: ReadonlyMap<string, Employee>;
}

/** An org file or body that cannot be accepted; `field` names where (`3.managerId`). */
export class OrgError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'OrgError';
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;
const cleanString = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');

/** One employee as accepted by `PUT /v1/org` and `haven org import` (CSV cells arrive as strings). */
export const employeeInputSchema = z.strictObject({
  id: cleanString(128),
  name: cleanString(200),
  email: z.email().max(320).nullish(),
  managerId: cleanString(128).nullish(),
  unit: cleanString(200),
  role: cleanString(64).nullish(),
  tier: z.number().int().min(1).max(9).nullish(),
});
export type EmployeeInput = z.input<typeof employeeInputSchema>;

export const orgInputSchema = z.array(employeeInputSchema).max(200_000);

export interface OrgOptions {
  /** How many investigator tiers exist; a tier above it is refused. */
  tiers: number;
}

/** Checks a parsed org (already shaped by `orgInputSchema`) for consistency; throws `OrgError`. */
export function validateOrg(input: readonly z.output<typeof employeeInputSchema>[], options: OrgOptions): OrgChart {
  const byId = new Map<string, Employee>();
  input.forEach((e, i) => {
    if (byId.has(e.id)) throw new OrgError(`employee ${i}: duplicate id ${JSON.stringify(e.id)}`, `${i}.id`);
    const isInvestigator = e.role === INVESTIGATOR_ROLE;
    if (isInvestigator && (e.tier === undefined || e.tier === null)) {
      throw new OrgError(`employee ${i} (${e.id}): an investigator needs a tier (1–${options.tiers})`, `${i}.tier`);
    }
    if (!isInvestigator && e.tier !== undefined && e.tier !== null) {
      throw new OrgError(`employee ${i} (${e.id}): only an employee with role "investigator" has a tier`, `${i}.tier`);
    }
    if (e.tier != null && e.tier > options.tiers) {
      throw new OrgError(`employee ${i} (${e.id}): tier ${e.tier} is above the top tier ${options.tiers}`, `${i}.tier`);
    }
    if (e.managerId === e.id) throw new OrgError(`employee ${i} (${e.id}): cannot manage themself`, `${i}.managerId`);
    byId.set(e.id, {
      id: e.id,
      name: e.name,
      email: e.email ?? null,
      managerId: e.managerId ?? null,
      unit: e.unit,
      role: e.role ?? null,
      tier: e.tier ?? null,
    });
  });
  input.forEach((e, i) => {
    if (e.managerId && !byId.has(e.managerId)) {
      throw new OrgError(`employee ${i} (${e.id}): manager ${JSON.stringify(e.managerId)} is not in the org`, `${i}.managerId`);
    }
  });
  // Cycle check: walk up from each employee, colouring finished nodes.
  const done = new Set<string>();
  for (const start of byId.keys()) {
    const path = new Set<string>();
    let id: string | null = start;
    while (id && !done.has(id)) {
      if (path.has(id)) {
        const index = input.findIndex((e) => e.id === id);
        throw new OrgError(`employee ${index} (${id}): the management chain loops back to ${id}`, `${index}.managerId`);
      }
      path.add(id);
      id = byId.get(id)!.managerId;
    }
    for (const p of path) done.add(p);
  }
  return { byId };
}

/** Everyone above `employeeId` in the reporting line, nearest first (empty for an unknown id). */
export function managementChain(org: OrgChart, employeeId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([employeeId]);
  let id = org.byId.get(employeeId)?.managerId ?? null;
  while (id && !seen.has(id)) {
    chain.push(id);
    seen.add(id);
    id = org.byId.get(id)?.managerId ?? null;
  }
  return chain;
}

export function isInvestigator(e: Employee | undefined): e is Employee & { tier: number } {
  return !!e && e.role === INVESTIGATOR_ROLE && e.tier !== null;
}

/**
 * Finds people named in a report, as reporters actually write them: an exact employee id; an e-mail address
 * (alone, or inside the text: "Zhang Wei <wei.zhang@corp.example>"); a name compared case-, width-, spacing-
 * and punctuation-insensitively, in either order ("Zhang Wei" = "wei zhang" = "Zhang, Wei"). Every namesake
 * when ambiguous: a conflict set errs on the side of exclusion. An unresolved reference gives [] (the report
 * keeps the free text; see docs/reporting.md on routing).
 */
export function resolvePerson(org: OrgChart, reference: string): string[] {
  const ref = reference.trim();
  if (org.byId.has(ref)) return [ref];
  const emails = new Set((ref.match(EMAIL_IN_TEXT) ?? []).map((m) => m.toLowerCase()));
  const key = nameKey(ref);
  const tokens = nameTokens(ref);
  const out: string[] = [];
  for (const e of org.byId.values()) {
    if (e.email !== null && emails.has(e.email.toLowerCase())) out.push(e.id);
    else if (nameKey(e.name) === key) out.push(e.id);
    else if (tokens.length > 1 && sameTokens(nameTokens(e.name), tokens)) out.push(e.id);
  }
  if (out.length > 0 || emails.size === 0) return out;
  // "Zhang Wei <wei.zhang@…>" where the address is unknown: the name part alone
  return resolvePerson(org, ref.replace(EMAIL_IN_TEXT, ' ').replace(/[<>()[\]]/g, ' '));
}

const EMAIL_IN_TEXT = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+\.[^\s<>()[\],;:"']+/g;

/** A name's words, lower case, punctuation dropped, sorted: "Zhang, Wei" and "wei zhang" give the same. */
function nameTokens(name: string): string[] {
  return nameKey(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .sort();
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads an org file: a JSON array, or CSV with a header row naming the columns (id,name,email,managerId,unit,role,tier). */
export function parseOrgFile(text: string, filename = ''): unknown[] {
  const body = text.replace(/^\uFEFF/, '');
  const looksJson = filename.toLowerCase().endsWith('.json') || /^\s*\[/.test(body);
  if (looksJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      throw new OrgError(`org file is not valid JSON: ${(err as Error).message}`, 'file');
    }
    if (!Array.isArray(parsed)) throw new OrgError('org file must hold a JSON array of employees', 'file');
    return parsed;
  }
  return parseOrgCsv(body);
}

const CSV_COLUMNS = ['id', 'name', 'email', 'managerId', 'unit', 'role', 'tier'] as const;

/** CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) → employee objects; empty cells are absent. */
export function parseOrgCsv(text: string): Array<Record<string, unknown>> {
  const rows = csvRows(text).filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw new OrgError('org CSV is empty (expected a header row)', 'file');
  const header = rows[0]!.map((h) => h.trim());
  for (const [i, h] of header.entries()) {
    if (!(CSV_COLUMNS as readonly string[]).includes(h)) {
      throw new OrgError(`org CSV: unknown column ${JSON.stringify(h)} (column ${i + 1}); expected ${CSV_COLUMNS.join(', ')}`, `header.${h}`);
    }
  }
  return rows.slice(1).map((cells, r) => {
    if (cells.length !== header.length) {
      throw new OrgError(`org CSV line ${r + 2}: ${cells.length} cells, header has ${header.length}`, `${r}`);
    }
    const out: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const cell = cells[i]!.trim();
      if (cell === '') return;
      if (h === 'tier') {
        out.tier = /^\d+$/.test(cell) ? Number(cell) : cell;
      } else out[h] = cell;
    });
    return out;
  });
}

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new OrgError('org CSV: a quoted field is never closed', 'file');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
