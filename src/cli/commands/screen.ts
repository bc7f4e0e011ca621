/**
 * `haven screen "text"` — screen one text and print a readable verdict with the evidence highlighted.
 * `haven screen --jsonl` — read JSON Lines {"id","text","kind"?,"surface"?,"lang"?} from stdin and write one
 * line {"id","verdict","labels","scores","evidence"} per input, in order, streaming in bounded memory.
 * A bad line yields {"id"?,"error"} and the run goes on; the exit code is 0 unless stdin itself fails.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { ScreenInputError } from '../../engine.ts';
import { LANGS, SURFACES, TEXT_KINDS, type Lang, type ScreenInput, type Surface, type TextKind } from '../../types.ts';
import { addEngineOptions, engineFromFlags, type EngineFlags } from '../engine-options.ts';
import { formatResult } from '../format/verdict.ts';

interface ScreenFlags extends EngineFlags {
  jsonl?: boolean;
  json?: boolean;
  kind?: TextKind;
  surface?: Surface;
  lang?: Lang;
}

export function registerScreen(program: Command): void {
  const cmd = program
    .command('screen')
    .description('screen one text (argument), or JSON Lines from stdin with --jsonl')
    .argument('[text]', 'the text to screen')
    .option('--jsonl', 'read JSON Lines {"id","text","kind"?,"surface"?,"lang"?} from stdin, write one result line each')
    .option('--json', 'print the full result of one text as JSON')
    .addOption(new Option('--kind <kind>', 'message or listing').choices([...TEXT_KINDS]))
    .addOption(new Option('--surface <surface>', 'where the text appears').choices([...SURFACES]))
    .addOption(new Option('--lang <lang>', 'language, if known (detected otherwise)').choices([...LANGS]))
    .addHelpText(
      'after',
      `
Examples:
  $ haven screen "加我vx 私聊"                  one text, readable verdict
  $ haven screen --surface workplace --json "…"  full result as JSON
  $ cat msgs.jsonl | haven screen --jsonl > verdicts.jsonl`,
    );
  addEngineOptions(cmd).action(async (text: string | undefined, flags: ScreenFlags) => {
    const engine = engineFromFlags(flags);
    if (flags.jsonl) {
      await screenJsonl(engine.screen, flags);
      return;
    }
    if (text === undefined) {
      process.stderr.write('haven screen: give a text to screen, or --jsonl to read JSON Lines from stdin\n');
      process.exitCode = 2;
      return;
    }
    const input: ScreenInput = { text, ...pick(flags) };
    const result = engine.screen(input);
    process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `${formatResult(text, result, process.stdout.isTTY === true)}\n`);
  });
}

function pick(flags: ScreenFlags): Omit<ScreenInput, 'text'> {
  return {
    ...(flags.kind ? { kind: flags.kind } : {}),
    ...(flags.surface ? { surface: flags.surface } : {}),
    ...(flags.lang ? { lang: flags.lang } : {}),
  };
}

function describe(err: unknown): string {
  if (err instanceof ScreenInputError) return err.message;
  if (err instanceof SyntaxError) return `invalid JSON: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

async function screenJsonl(screen: (input: ScreenInput) => import('../../types.ts').ScreenResult, flags: ScreenFlags): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out = process.stdout;
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await once(out, 'drain');
  };
  try {
    for await (const line of rl) {
      if (line.trim() === '') continue;
      let id: unknown;
      try {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ScreenInputError('(line)', 'must be a JSON object');
        const obj = parsed as Record<string, unknown>;
        id = obj.id;
        const input = { ...pick(flags), ...obj } as ScreenInput & { id?: unknown };
        delete input.id;
        const r = screen(input);
        buffer += `${JSON.stringify({ id, verdict: r.verdict, labels: r.labels, scores: r.scores, evidence: r.evidence })}\n`;
      } catch (err) {
        buffer += `${JSON.stringify(id === undefined ? { error: describe(err) } : { id, error: describe(err) })}\n`;
      }
      if (buffer.length > 64 * 1024) await flush();
    }
    await flush();
  } catch (err) {
    await flush();
    process.stderr.write(`haven screen: cannot read stdin: ${describe(err)}\n`);
    process.exitCode = 1;
  }
}
