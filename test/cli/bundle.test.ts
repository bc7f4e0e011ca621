/**
 * The pre-built CLI bundle (scripts/build-cli.mjs, run by bin/haven.js when fresh): it screens exactly like the
 * sources, and any change to a file it was built from makes bin/haven.js fall back to the sources.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../../bin/fresh-bundle.js';

const ROOT = new URL('../../', import.meta.url);
const OUT = `dist/test-bundle-${process.pid}`;
const OUT_URL = new URL(`${OUT}/`, ROOT);

function node(args: string[], input?: string, env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: fileURLToPath(ROOT), input, encoding: 'utf8', timeout: 120_000, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI bundle', () => {
  afterAll(() => rmSync(OUT_URL, { recursive: true, force: true }));

  const built = node(['scripts/build-cli.mjs', '--strict', '--out', OUT]);

  it('builds, with a stamp of every source file it was made from', () => {
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const stamp = JSON.parse(readFileSync(new URL('stamp.json', OUT_URL), 'utf8')) as { files: Array<[string, number, number]> };
    const paths = stamp.files.map(([p]) => p);
    for (const p of ['src/cli/main.ts', 'src/cli/commands/screen.ts', 'src/engine.ts', 'src/paths.ts', 'tsconfig.json']) expect(paths).toContain(p);
    // bundled packages are stamped too; native and server packages stay outside
    const packages = new Set(paths.filter((p) => p.startsWith('node_modules/')).map((p) => p.split('/').slice(1, p.startsWith('node_modules/@') ? 3 : 2).join('/')));
    expect([...packages].sort()).toEqual(['commander', 'libphonenumber-js', 'yaml', 'zod']);
    expect(freshBundle(ROOT, OUT_URL)?.href).toMatch(new RegExp(`^${OUT_URL.href}b[0-9a-z]+/main\\.js$`));
  });

  it('screens exactly like the sources through tsx', () => {
    const lines = readFileSync(new URL('test/fixtures/harmful.jsonl', ROOT), 'utf8').split('\n').filter(Boolean).slice(0, 150);
    const input = `${lines.map((l, id) => JSON.stringify({ id, text: (JSON.parse(l) as { text: string }).text })).join('\n')}\n{bad\n`;
    const main = fileURLToPath(freshBundle(ROOT, OUT_URL) ?? new URL('missing', OUT_URL));
    const fromBundle = node([main, 'screen', '--jsonl'], input);
    const fromSources = node([fileURLToPath(new URL('bin/haven.js', ROOT)), 'screen', '--jsonl'], input, { ...process.env, HAVEN_NO_BUNDLE: '1' });
    expect(fromBundle.status).toBe(0);
    expect(fromBundle.stdout.split('\n').length).toBe(lines.length + 2);
    expect(fromBundle.stdout).toBe(fromSources.stdout);
    const help = node([main, '--help']);
    expect(help.stdout).toContain('screen');
  });

  it('a rebuild goes to a new folder and keeps the previous one for processes still running it', () => {
    const first = freshBundle(ROOT, OUT_URL)?.href;
    expect(node(['scripts/build-cli.mjs', '--strict', '--out', OUT]).status).toBe(0);
    const second = freshBundle(ROOT, OUT_URL)?.href;
    expect(second).not.toBe(first);
    expect(node([fileURLToPath(first ?? ''), '--help']).stdout).toContain('screen');
    expect(node(['scripts/build-cli.mjs', '--strict', '--out', OUT]).status).toBe(0);
    expect(readdirSync(OUT_URL).filter((f) => f.startsWith('b')).length).toBe(2);
  });

  it('is stale as soon as a file it was built from changes size or time, or is gone (regression guard: never run stale code)', () => {
    const stampUrl = new URL('stamp.json', OUT_URL);
    const good = readFileSync(stampUrl, 'utf8');
    const stamp = JSON.parse(good) as { files: Array<[string, number, number]> };
    const edits: Array<(f: [string, number, number]) => [string, number, number]> = [
      ([p, size, mtime]) => [p, size + 1, mtime],
      ([p, size, mtime]) => [p, size, mtime - 1],
      ([, size, mtime]) => ['src/no-such-file.ts', size, mtime],
    ];
    for (const edit of edits) {
      const files = stamp.files.map((f, i) => (i === stamp.files.length >> 1 ? edit(f) : f));
      writeFileSync(stampUrl, JSON.stringify({ ...stamp, files }));
      expect(freshBundle(ROOT, OUT_URL)).toBeNull();
    }
    writeFileSync(stampUrl, '{"version":1');
    expect(freshBundle(ROOT, OUT_URL)).toBeNull();
    rmSync(stampUrl);
    expect(freshBundle(ROOT, OUT_URL)).toBeNull();
    writeFileSync(stampUrl, good);
    expect(freshBundle(ROOT, pathToFileURL(fileURLToPath(OUT_URL) + '/'))).not.toBeNull();
  });
});
