/** CLI tests through a real child process: `haven screen`, `--jsonl` streaming, `haven eval`, `--help`. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/haven.js', import.meta.url).pathname;

function haven(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('haven CLI', () => {
  it('--help lists the commands', () => {
    const r = haven(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['screen', 'eval', 'serve', 'train']) expect(r.stdout).toContain(cmd);
  });

  it('screen prints a readable verdict with the evidence marked in the original text', () => {
    const r = haven(['screen', '--no-model', 'I will k1ll you']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^BLOCK/);
    expect(r.stdout).toContain('[[I will k1ll you]]');
    expect(r.stdout).toContain('threat');
  });

  it('screen --json prints the engine result', () => {
    const r = haven(['screen', '--no-model', '--json', '加我vx私聊']);
    const result = JSON.parse(r.stdout) as { verdict: string; labels: string[]; evidence: Array<{ excerpt: string }> };
    expect(result.verdict).toBe('hold');
    expect(result.labels).toContain('contact_offplatform');
    expect(result.evidence.map((e) => e.excerpt)).toContain('vx');
  });

  it('screen --jsonl answers every line in order, reports bad lines and goes on', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'have a nice day' }),
      'not json',
      JSON.stringify({ id: 'b', text: 42 }),
      JSON.stringify({ id: 'c', text: '你个傻逼' }),
      JSON.stringify({ id: 'd', text: 'hello', surface: 'moon' }),
      '',
    ].join('\n');
    const r = haven(['screen', '--jsonl', '--no-model'], input);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'a', verdict: 'allow' });
    expect(lines[1]?.error).toMatch(/invalid JSON/);
    expect(lines[2]).toMatchObject({ id: 'b', error: 'text: must be a string' });
    expect(lines[3]).toMatchObject({ id: 'c', verdict: 'hold', labels: ['insult'] });
    expect(lines[4]?.error).toMatch(/surface/);
  });

  it('screen --jsonl streams: the first answer arrives before stdin closes', async () => {
    const child = spawn(process.execPath, [BIN, 'screen', '--jsonl', '--no-model']);
    const first = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    // write enough lines to pass the output buffer, keep stdin open
    for (let i = 0; i < 3000; i++) child.stdin.write(`${JSON.stringify({ id: i, text: 'some ordinary chat line number ' + i })}\n`);
    const got = await first;
    expect(JSON.parse(got.split('\n')[0] ?? '{}')).toMatchObject({ id: 0, verdict: 'allow' });
    child.stdin.end();
    await new Promise((resolve) => child.on('close', resolve));
  });

  it('eval scores a labelled file and says clearly when a file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-eval-'));
    const file = join(dir, 'cases.jsonl');
    writeFileSync(
      file,
      [
        { text: 'I will kill you', expect: 'block', labels: ['threat'], evasion: 'none' },
        { text: '操场上跑步', expect: 'allow', labels: [], class: 'scunthorpe' },
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    const r = haven(['eval', '--no-model', '--json', file]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { n: number; verdictAccuracy: { value: number }; harmRecall: { value: number } };
    expect(report.n).toBe(2);
    expect(report.verdictAccuracy.value).toBe(1);
    const missing = haven(['eval', join(dir, 'nope.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('a bad policy file is refused with the bad field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-policy-'));
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, 'labels:\n  insult: maybe\n');
    const r = haven(['screen', '--no-model', '--policy', file, 'hello']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('labels.insult');
  });
});
