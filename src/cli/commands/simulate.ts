import type { Command } from 'commander';
import { loadActorPolicyFile } from '../../actors/policy.ts';
import { simulateEvasion, type EvasionSimFigures } from '../simulate/evasion.ts';
import { simulateRaid, type RaidSimFigures } from '../simulate/raid.ts';

/** The targets of issue 6, checked and printed with the figures. */
const RAID_TARGETS = { detectedWithin: 30, stoppedShare: 0.98, legitHeldShare: 0.005 };
const EVASION_TARGETS = { linkedShare: 0.9, innocentLinked: 0 };

interface SimulateOptions {
  json?: boolean;
  seed: string;
  bots: string;
  rate: string;
  minutes: string;
  harassers: string;
  policy?: string;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Run synthetic traffic through the real service (in-process, temp SQLite) and print the figures: raid | evasion')
    .argument('<scenario>', 'raid: a bot raid inside ordinary chat; evasion: blocked harassers returning on new accounts')
    .option('--json', 'print one JSON object with the figures')
    .option('--seed <n>', 'random seed (same seed, same traffic)', '1')
    .option('--bots <n>', 'raid: bot accounts', '200')
    .option('--rate <n>', 'raid: legitimate messages per minute', '5000')
    .option('--minutes <n>', 'raid: minutes of traffic (the raid starts after the first)', '3')
    .option('--harassers <n>', 'evasion: harassers, each blocked once and returning on 3 new accounts', '40')
    .option('--policy <file>', 'actor policy file over rules/actors.yaml (YAML or JSON)')
    .action(async (scenario: string, opts: SimulateOptions) => {
      const actorPolicy = opts.policy ? loadActorPolicyFile(opts.policy) : undefined;
      const seed = positiveInt(opts.seed, '--seed', true);
      if (scenario === 'raid') {
        const figures = await simulateRaid({
          seed,
          bots: positiveInt(opts.bots, '--bots'),
          rate: positiveInt(opts.rate, '--rate'),
          minutes: positiveInt(opts.minutes, '--minutes'),
          ...(actorPolicy ? { actorPolicy } : {}),
          ...(opts.json ? {} : { onProgress: (done: number, total: number) => process.stderr.write(`\r${done}/${total} messages`) }),
        });
        if (!opts.json) process.stderr.write('\r');
        process.stdout.write(opts.json ? JSON.stringify(figures) + '\n' : formatRaid(figures));
      } else if (scenario === 'evasion') {
        const figures = await simulateEvasion({ seed, harassers: positiveInt(opts.harassers, '--harassers'), ...(actorPolicy ? { actorPolicy } : {}) });
        process.stdout.write(opts.json ? JSON.stringify(figures) + '\n' : formatEvasion(figures));
      } else {
        throw new Error(`unknown scenario ${JSON.stringify(scenario)}: use raid or evasion`);
      }
    });
}

function positiveInt(value: string, flag: string, zeroOk = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new Error(`${flag} must be a ${zeroOk ? 'non-negative' : 'positive'} integer (got ${JSON.stringify(value)})`);
  return n;
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);
const mark = (ok: boolean): string => (ok ? 'ok  ' : 'MISS');

export function formatRaid(f: RaidSimFigures): string {
  const detected = f.detected_after !== null && f.detected_after <= RAID_TARGETS.detectedWithin;
  const stopped = f.raid_stopped_share !== null && f.raid_stopped_share >= RAID_TARGETS.stoppedShare;
  const legit = f.legit_held_share <= RAID_TARGETS.legitHeldShare;
  return [
    `raid simulation (seed ${f.seed}): ${f.bots} bots, ${f.raid_messages} raid messages inside ${f.legit_messages} legitimate ones (${f.rate}/min)`,
    `  ${mark(detected)} detected after      ${f.detected_after ?? 'never'} raid messages (${f.detected_after_seconds ?? '—'} s)   target ≤ ${RAID_TARGETS.detectedWithin}`,
    `  ${mark(stopped)} raid stopped share  ${pct(f.raid_stopped_share)} of ${f.raid_after_detection} later raid messages   target ≥ ${pct(RAID_TARGETS.stoppedShare)}`,
    `  ${mark(legit)} legit held share    ${pct(f.legit_held_share)} (${f.legit_held} by the shield/blocks/sanctions)   target ≤ ${pct(RAID_TARGETS.legitHeldShare)}`,
    `       screening alone held ${f.legit_held_by_screening} legitimate messages (all causes: ${pct(f.legit_held_any_share)})`,
    `       raids recorded ${f.raids_recorded}, members ${f.raid_members}; ${f.messages_per_second} messages/s through the service (${(f.elapsed_ms / 1000).toFixed(1)} s)`,
    '',
  ].join('\n');
}

export function formatEvasion(f: EvasionSimFigures): string {
  const linked = f.linked_share >= EVASION_TARGETS.linkedShare;
  const innocent = f.innocent_linked <= EVASION_TARGETS.innocentLinked;
  return [
    `evasion simulation (seed ${f.seed}): ${f.harassers} blocked harassers back on ${f.evasion_accounts} new accounts, ${f.innocent_accounts} innocent new accounts`,
    `  ${mark(linked)} linked share     ${pct(f.linked_share)} (${f.linked} linked, ${f.missed} missed, ${f.wrong_target} to the wrong account)   target ≥ ${pct(EVASION_TARGETS.linkedShare)}`,
    `  ${mark(innocent)} innocent linked  ${f.innocent_linked}   target ${EVASION_TARGETS.innocentLinked}`,
    `       evasion messages stopped ${pct(f.evasion_messages_stopped_share)}, innocent messages stopped ${pct(f.innocent_messages_stopped_share)}; ${f.messages} messages (${(f.elapsed_ms / 1000).toFixed(1)} s)`,
    '',
  ].join('\n');
}
