/** The pure parts of the reporting channel: durations, the org chart, routing, transitions, statistics, receipts, sealing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring, decodeKey, generateKeyText } from '../../src/cases/crypto.ts';
import { formatDuration, parseDuration } from '../../src/cases/duration.ts';
import { managementChain, OrgError, parseOrgCsv, resolvePerson, validateOrg, type EmployeeInput } from '../../src/cases/org.ts';
import { newReceipt, parseReceipt } from '../../src/cases/receipt.ts';
import { conflictParties, conflictSet, routeCase } from '../../src/cases/routing.ts';
import { caseStats } from '../../src/cases/stats.ts';
import { CASE_ACTIONS, CASE_STATUSES, CaseTransitionError, nextCaseStatus } from '../../src/cases/transitions.ts';
import { loadConfig } from '../../src/config/index.ts';
import { STORY_ORG } from './helpers.ts';

const org = validateOrg(STORY_ORG.map((e) => ({ email: null, managerId: null, role: null, tier: null, ...e })) as any, { tiers: 3 });

describe('durations', () => {
  it.each([
    ['PT24H', 86_400_000],
    ['PT72H', 259_200_000],
    ['P30D', 2_592_000_000],
    ['PT5S', 5000],
    ['PT0.5S', 500],
    ['P1W', 604_800_000],
    ['P1DT12H', 129_600_000],
    ['pt90m', 5_400_000],
  ])('%s = %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', 'P', 'PT', 'P1M', 'P1Y', '24h', 'PT-1H', 'PT0S', 'P1DT', 'PT1H30'])('refuses %j', (text) => expect(parseDuration(text)).toBeNull());
  it('round-trips through formatDuration', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 * 86_400 }), (s) => parseDuration(formatDuration(s * 1000)) === s * 1000));
  });
  it('config names the bad deadline setting and its variable', () => {
    expect(() => loadConfig({ env: { HAVEN_DECISION_DEADLINE: '30 days' } })).toThrow(/reporting.decisionDeadline.*HAVEN_DECISION_DEADLINE.*ISO-8601/);
    expect(loadConfig({ env: { HAVEN_ACK_DEADLINE: 'PT2S' } }).reporting.ackDeadline).toBe(2000);
  });
});

describe('org chart', () => {
  it('walks management chains, nearest first', () => {
    expect(managementChain(org, 's1')).toEqual(['m1', 'd1', 'c1']);
    expect(managementChain(org, 'c1')).toEqual([]);
    expect(managementChain(org, 'nobody')).toEqual([]);
  });
  it('resolves people by id or by name (all namesakes when ambiguous)', () => {
    expect(resolvePerson(org, 'm1')).toEqual(['m1']);
    expect(resolvePerson(org, '  mark   LEE ')).toEqual(['m1']);
    expect(resolvePerson(org, 'Someone Else')).toEqual([]);
    const twins = validateOrg([{ id: 'a', name: 'Li Na', unit: 'u' }, { id: 'b', name: 'li na', unit: 'v' }], { tiers: 3 });
    expect(resolvePerson(twins, 'Li Na')).toEqual(['a', 'b']);
  });
  it('resolves e-mail addresses and names in any order or punctuation, as reporters write them', () => {
    const staff = validateOrg(
      [
        { id: 'z', name: 'Zhang Wei', email: 'Wei.Zhang@corp.example', unit: 'u' },
        { id: 'k', name: 'Kim Lee', unit: 'u' },
        { id: 'c', name: '陈静', unit: 'u' },
      ],
      { tiers: 3 },
    );
    expect(resolvePerson(staff, 'wei.zhang@corp.example')).toEqual(['z']);
    expect(resolvePerson(staff, 'my manager <WEI.ZHANG@corp.example>')).toEqual(['z']);
    expect(resolvePerson(staff, 'Wei Zhang')).toEqual(['z']);
    expect(resolvePerson(staff, 'Zhang, Wei')).toEqual(['z']);
    expect(resolvePerson(staff, 'Lee Kim (lee.kim@elsewhere.example)')).toEqual(['k']);
    expect(resolvePerson(staff, ' 陈静 ')).toEqual(['c']);
    expect(resolvePerson(staff, 'Wei')).toEqual([]);
    expect(resolvePerson(staff, 'nobody@corp.example')).toEqual([]);
  });
  it('parses CSV with quotes, CRLF and empty cells', () => {
    expect(parseOrgCsv('id,name,unit,tier,role\r\n"x1","Doe, ""JJ""",ops,2,investigator\r\nx2,Ann,ops,,\r\n')).toEqual([
      { id: 'x1', name: 'Doe, "JJ"', unit: 'ops', tier: 2, role: 'investigator' },
      { id: 'x2', name: 'Ann', unit: 'ops' },
    ]);
    expect(() => parseOrgCsv('id,name\n"x,y\n')).toThrow(OrgError);
  });
  it('refuses cycles and unknown managers, naming the row', () => {
    const loop: EmployeeInput[] = [
      { id: 'a', name: 'A', unit: 'u', managerId: 'c' },
      { id: 'b', name: 'B', unit: 'u', managerId: 'a' },
      { id: 'c', name: 'C', unit: 'u', managerId: 'b' },
    ];
    expect(() => validateOrg(loop as any, { tiers: 3 })).toThrow(/loops back/);
  });
});

describe('routing', () => {
  it('a conflict set holds the accused, their chain, witnesses and a named reporter (and, for retaliation, the reporter\'s chain)', () => {
    const parties = conflictParties(org, { category: 'retaliation', accused: ['o2'], witnesses: ['s2'], reporterId: 's1' });
    expect([...new Set(parties.map((p) => p.employeeId))].sort()).toEqual(['c1', 'd1', 'm1', 'o1', 'o2', 's1', 's2']);
    const harassment = conflictParties(org, { category: 'sexual_harassment', accused: ['o2'], witnesses: [], reporterId: 's1' });
    expect(harassment.map((p) => p.employeeId).sort()).toEqual(['c1', 'o1', 'o2', 's1']);
  });
  it('property: never assigns anyone in the conflict set, never below the starting tier', () => {
    const ids = [...org.byId.keys()];
    fc.assert(
      fc.property(fc.subarray(ids, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 }), (accused, fromTier) => {
        const conflicts = conflictSet(org, 'other', conflictParties(org, { category: 'other', accused, witnesses: [], reporterId: null }));
        const r = routeCase({ org, conflicts, fromTier, topTier: 3, load: new Map() });
        if (r.assignee) {
          expect(conflicts.has(r.assignee.id)).toBe(false);
          expect(r.assignee.tier).toBe(r.tier);
        }
        expect(r.tier).toBeGreaterThanOrEqual(fromTier);
      }),
    );
  });
  it('spreads work to the least-loaded investigator', () => {
    const r = routeCase({ org, conflicts: new Set(['m1', 'd1', 'c1']), fromTier: 1, topTier: 3, load: new Map([['h1', 3], ['h2', 1]]) });
    expect(r.assignee!.id).toBe('h2');
  });
});

describe('transitions', () => {
  it('is one table: every (status, action) either moves forward or throws a typed error', () => {
    for (const from of CASE_STATUSES) {
      for (const action of CASE_ACTIONS) {
        try {
          const to = nextCaseStatus(from, action);
          expect(CASE_STATUSES.indexOf(to)).toBeGreaterThan(CASE_STATUSES.indexOf(from));
        } catch (err) {
          expect(err).toBeInstanceOf(CaseTransitionError);
        }
      }
    }
  });
  it('no case closes without a decision', () => {
    for (const from of ['new', 'acknowledged', 'triaged'] as const) {
      expect(() => nextCaseStatus(from, 'close')).toThrow(expect.objectContaining({ reason: 'decision_required' }));
    }
    expect(nextCaseStatus('decided', 'close')).toBe('closed');
    expect(() => nextCaseStatus('closed', 'close')).toThrow(expect.objectContaining({ reason: 'already_in_state' }));
  });
});

describe('statistics', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString();
  it('property: no shown cell counts fewer than 5 cases', () => {
    const caseArb = fc.record({
      category: fc.constantFrom('sexual_harassment', 'other', 'retaliation') as fc.Arbitrary<any>,
      unit: fc.constantFrom('a', 'b', 'c', 'd'),
      createdAt: fc.constant(at(0)),
      acknowledgedAt: fc.option(fc.constant(at(3)), { nil: null }),
      decidedAt: fc.option(fc.constant(at(30)), { nil: null }),
      escalated: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 40 }), (cases) => {
        const stats = caseStats(cases);
        for (const [dim, key] of [[stats.byCategory, 'category'], [stats.byUnit, 'unit']] as const) {
          for (const [k, cell] of Object.entries(dim)) {
            if (!cell.suppressed) expect(cases.filter((c) => (c as any)[key] === k).length).toBeGreaterThanOrEqual(5);
          }
          // Never exactly one hidden cell beside a shown total.
          const hiddenCells = Object.values(dim).filter((c) => c.suppressed).length;
          if (!stats.total.suppressed) expect(hiddenCells).not.toBe(1);
        }
        if (!stats.medianHoursToAcknowledge.suppressed) expect(cases.filter((c) => c.acknowledgedAt).length).toBeGreaterThanOrEqual(5);
      }),
    );
  });
});

describe('receipts and sealing', () => {
  it('has at least 80 bits of secret and parses what people type', async () => {
    const r = await newReceipt();
    expect(r.code.replace(/-/g, '')).toHaveLength(28); // 20 secret characters × 5 bits = 100 bits
    expect(parseReceipt(r.code.toLowerCase())).toEqual(parseReceipt(r.code));
    expect(parseReceipt(r.code.replace(/0/g, 'O'))).toEqual(parseReceipt(r.code));
    expect(parseReceipt('short')).toBeNull();
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it('AES-256-GCM: round-trips, detects tampering, refuses an unknown key', () => {
    const a = new Keyring([decodeKey(generateKeyText(), 'a')]);
    const b = new Keyring([decodeKey(generateKeyText(), 'b')]);
    const sealed = a.seal('the report');
    expect(a.open(sealed)).toBe('the report');
    expect(a.seal('the report')).not.toBe(sealed); // fresh IV
    const parts = sealed.split('.');
    parts[4] = Buffer.from('THE REPORT').toString('base64url');
    expect(() => a.open(parts.join('.'))).toThrow(/authentication/);
    expect(() => b.open(sealed)).toThrow(/does not hold/);
    expect(() => decodeKey('c2hvcnQ=', 'HAVEN_KEY')).toThrow(/32 bytes/);
  });
});
