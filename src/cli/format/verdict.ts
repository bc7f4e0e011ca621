/** Human-readable rendering of a screening result for the terminal, with evidence highlighted. */
import type { ScreenResult, Verdict } from '../../types.ts';

const COLOURS: Record<Verdict, string> = { block: '\x1b[1;31m', hold: '\x1b[1;33m', allow: '\x1b[1;32m' };
const RESET = '\x1b[0m';
const MARK = '\x1b[7m';

export function formatResult(text: string, result: ScreenResult, colour: boolean): string {
  const c = (code: string, s: string): string => (colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  lines.push(`${c(COLOURS[result.verdict], result.verdict.toUpperCase())}  lang=${result.lang}${result.labels.length ? `  labels: ${result.labels.join(', ')}` : ''}`);
  if (result.evidence.length > 0) {
    // highlight every evidence span in the original text; without colour, wrap spans in [[ ]]
    const marks = new Uint8Array(text.length);
    for (const e of result.evidence) if (e.rule !== 'model') for (let i = e.start; i < e.end; i++) marks[i] = 1;
    let out = '';
    let open = false;
    for (let i = 0; i < text.length; i++) {
      if (marks[i] && !open) {
        out += colour ? MARK : '[[';
        open = true;
      } else if (!marks[i] && open) {
        out += colour ? RESET : ']]';
        open = false;
      }
      out += text[i];
    }
    if (open) out += colour ? RESET : ']]';
    lines.push(`  ${out}`);
    lines.push('  evidence:');
    for (const e of result.evidence) {
      lines.push(`    ${e.label.padEnd(20)} ${`[${e.start},${e.end})`.padEnd(10)} ${JSON.stringify(e.excerpt).slice(0, 60).padEnd(24)} ${e.rule} (${e.score.toFixed(2)})`);
    }
  }
  const scored = Object.entries(result.scores);
  if (scored.length > 0) lines.push(`  scores: ${scored.map(([k, v]) => `${k}=${(v ?? 0).toFixed(2)}`).join(' ')}`);
  for (const m of result.mitigations ?? []) lines.push(`  lowered by ${m.rule} (${m.labels.join(', ')}): ${m.reason}`);
  if (result.redacted !== undefined) lines.push(`  redacted: ${result.redacted}`);
  return lines.join('\n');
}
