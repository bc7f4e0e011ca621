/**
 * `haven eval FILE.jsonl` — score the engine on a labelled JSON Lines file: verdict accuracy, harm recall,
 * severe misses, false-positive rate on allow items, per-label precision/recall, per-evasion recall.
 * `haven eval --dataset cold|swsr|davidson --data PATH` — score the learned model on a dataset's test split.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { parseCase, scoreOutcomes, type CaseOutcome, type FixtureReport, type Ratio } from '../../eval/fixtures.ts';
import { addEngineOptions, engineFromFlags, type EngineFlags } from '../engine-options.ts';
import { runDatasetEval } from './eval-dataset.ts';

interface EvalFlags extends EngineFlags {
  dataset?: string;
  data?: string;
  json?: boolean;
  failures?: boolean;
  modelFile?: string;
}

export function registerEval(program: Command): void {
  const cmd = program
    .command('eval')
    .description('score the engine on a labelled JSON Lines file, or the model on a dataset test split (--dataset)')
    .argument('[files...]', 'labelled JSON Lines files: {"text","expect","labels","evasion"?,"class"?,…}')
    .option('--dataset <name>', 'cold, swsr or davidson: evaluate the learned model on its test split')
    .option('--data <path>', 'datasets folder (default: $HAVEN_DATA or ../shared/datasets)')
    .option('--model-file <file>', 'model file for --dataset (default: models/haven.model)')
    .option('--json', 'print one JSON object and nothing else on stdout')
    .option('--failures', 'list every case whose verdict differs from the expected one')
    .addHelpText(
      'after',
      `
Examples:
  $ haven eval test/fixtures/harmful.jsonl test/fixtures/must-not-flag.jsonl
  $ haven eval --dataset cold --data ../shared/datasets --json`,
    );
  addEngineOptions(cmd).action(async (files: string[], flags: EvalFlags) => {
    if (flags.dataset !== undefined) {
      process.exitCode = await runDatasetEval({
        dataset: flags.dataset,
        ...(flags.data ? { data: flags.data } : {}),
        ...(flags.json ? { json: true } : {}),
        ...(flags.modelFile ? { model: flags.modelFile } : {}),
      });
      return;
    }
    if (files.length === 0) {
      process.stderr.write('haven eval: give one or more labelled JSON Lines files, or --dataset NAME\n');
      process.exitCode = 2;
      return;
    }
    for (const f of files) {
      if (!existsSync(f)) {
        process.stderr.write(`haven eval: ${f}: no such file\n`);
        process.exitCode = 2;
        return;
      }
    }
    const engine = engineFromFlags(flags);
    const outcomes: CaseOutcome[] = [];
    let bad = 0;
    for (const file of files) {
      const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      let lineNo = 0;
      for await (const line of rl) {
        lineNo++;
        if (line.trim() === '') continue;
        try {
          const c = parseCase(line, lineNo);
          outcomes.push({ case: c, got: engine.screen({ text: c.text, ...(c.kind ? { kind: c.kind } : {}), ...(c.surface ? { surface: c.surface } : {}) }) });
        } catch (err) {
          bad++;
          process.stderr.write(`haven eval: ${file}: ${(err as Error).message}\n`);
        }
      }
      if (!flags.json) process.stderr.write(`  ${file}: ${lineNo} lines\n`);
    }
    const report = scoreOutcomes(outcomes);
    if (flags.json) {
      const { failures, ...rest } = report;
      process.stdout.write(`${JSON.stringify(flags.failures ? report : { ...rest, failures: failures.length, badLines: bad })}\n`);
      return;
    }
    process.stdout.write(`${formatReport(report, flags.failures === true)}\n`);
  });
}

const pct = (r: Ratio): string => `${(r.value * 100).toFixed(1).padStart(5)}%  (${r.hit}/${r.of})`;

function formatReport(r: FixtureReport, showFailures: boolean): string {
  const lines = [
    `cases                 ${r.n}`,
    `verdict accuracy      ${pct(r.verdictAccuracy)}`,
    `harm recall           ${pct(r.harmRecall)}   not-allow on harmful items`,
    `severe misses         ${pct(r.severeMisses)}   block expected, allow given`,
    `false-positive rate   ${pct(r.falsePositiveRate)}   allow expected, held or blocked`,
    '',
    'per label               precision             recall',
  ];
  for (const [label, m] of Object.entries(r.perLabel)) lines.push(`  ${label.padEnd(22)}${pct(m.precision).padEnd(22)}${pct(m.recall)}`);
  lines.push('', 'harm recall per evasion');
  for (const [k, v] of Object.entries(r.perEvasion).sort()) lines.push(`  ${k.padEnd(22)}${pct(v)}`);
  if (Object.keys(r.perClass).length > 0) {
    lines.push('', 'false positives per must-not-flag class');
    for (const [k, v] of Object.entries(r.perClass).sort()) lines.push(`  ${k.padEnd(22)}${pct(v)}`);
  }
  if (showFailures) {
    lines.push('', `failures (${r.failures.length})`);
    for (const f of r.failures) lines.push(`  ${(f.id ?? '').padEnd(8)} expect ${f.expect.padEnd(5)} got ${f.got.padEnd(5)} [${f.gotLabels.join(',')}] want [${f.labels.join(',')}] ${f.text.slice(0, 90)}`);
  }
  return lines.join('\n');
}
