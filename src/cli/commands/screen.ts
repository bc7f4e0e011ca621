/**
 * `haven screen "text"` — screen one text and print a readable verdict with the evidence highlighted.
 * `haven screen --jsonl` — read JSON Lines {"id","text","kind"?,"surface"?,"lang"?} from stdin and write one
 * line {"id","verdict","labels","scores","evidence"} per input, in order, streaming in bounded memory.
 * A bad line yields {"id"?,"error"} and the run goes on; the exit code is 0 unless stdin itself fails.
 */
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
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
  const out = process.stdout;
  const defaults = pick(flags);
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await once(out, 'drain');
  };
  const handle = (raw: string): void => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let id: unknown;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ScreenInputError('(line)', 'must be a JSON object');
      // rest, not delete: deleting a property turns the object into a slow dictionary for screen()
      const { id: lineId, ...fields } = parsed as Record<string, unknown>;
      id = lineId;
      const r = screen({ ...defaults, ...fields } as unknown as ScreenInput);
      buffer += `${JSON.stringify({ id, verdict: r.verdict, labels: r.labels, scores: r.scores, evidence: r.evidence })}\n`;
    } catch (err) {
      buffer += `${JSON.stringify(id === undefined ? { error: describe(err) } : { id, error: describe(err) })}\n`;
    }
  };
  // Chunks split into lines by hand: one await per chunk, not one per line as with readline. Memory stays
  // bounded by the longest line plus one chunk and the output buffer.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of process.stdin) {
      pending += decoder.write(chunk as Buffer);
      let start = 0;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
        handle(pending.slice(start, nl));
        start = nl + 1;
      }
      pending = pending.slice(start);
      if (buffer.length > 64 * 1024) await flush();
    }
    pending += decoder.end();
    if (pending.length > 0) handle(pending);
    await flush();
  } catch (err) {
    await flush();
    process.stderr.write(`haven screen: cannot read stdin: ${describe(err)}\n`);
    process.exitCode = 1;
  }
}
