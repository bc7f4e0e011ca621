import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'haven-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const errorOf = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('defaults', () => {
    const c = loadConfig({ env: {} });
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      database: { path: './data/haven.db', sqliteSynchronous: 'full' },
      limits: { textChars: 10_000, bodyBytes: 65_536 },
      redactStoredText: true,
    });
    expect(c.database.url).toBeUndefined();
    expect(c.rateLimit.max).toBeGreaterThanOrEqual(100_000);
  });

  it('environment overrides the file, flags override both', () => {
    const path = file('a.yaml', 'port: 9000\nhost: 0.0.0.0\ndatabase:\n  path: /tmp/x.db\nlimits:\n  textChars: 500\n');
    const c = loadConfig({ env: { PORT: '9100', HAVEN_MAX_TEXT_CHARS: '200', HAVEN_REDACT: 'off' }, file: path, overrides: { host: '::1' } });
    expect(c).toMatchObject({ port: 9100, host: '::1', database: { path: '/tmp/x.db' }, limits: { textChars: 200, bodyBytes: 65_536 }, redactStoredText: false });
  });

  it('reads JSON files; DATABASE_URL switches to PostgreSQL', () => {
    const path = file('b.json', JSON.stringify({ database: { url: 'postgres://u@h/db', schema: 'haven' } }));
    expect(loadConfig({ env: {}, file: path }).database).toMatchObject({ url: 'postgres://u@h/db', schema: 'haven' });
    expect(loadConfig({ env: { DATABASE_URL: 'postgresql://x/y' } }).database.url).toBe('postgresql://x/y');
  });

  it.each([
    [{ PORT: 'eighty' }, 'port', /PORT.*integer/],
    [{ PORT: '70000' }, 'port', /PORT/],
    [{ HAVEN_MAX_TEXT_CHARS: '0' }, 'limits.textChars', /HAVEN_MAX_TEXT_CHARS/],
    [{ DATABASE_URL: 'mysql://x' }, 'database.url', /DATABASE_URL.*postgres/],
    [{ HAVEN_BOOTSTRAP_KEY: 'short' }, 'bootstrapKey', /HAVEN_BOOTSTRAP_KEY.*32/],
    [{ HAVEN_REDACT: 'maybe' }, 'redactStoredText', /HAVEN_REDACT/],
    [{ HAVEN_SQLITE_SYNCHRONOUS: 'off' }, 'database.sqliteSynchronous', /HAVEN_SQLITE_SYNCHRONOUS/],
    [{ HAVEN_LOG_LEVEL: 'loud' }, 'logLevel', /HAVEN_LOG_LEVEL/],
  ])('bad environment %j names %s', (env, setting, message) => {
    const err = errorOf(() => loadConfig({ env }));
    expect(err.setting).toBe(setting);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(setting);
  });

  it('bad file values and unknown keys name the setting', () => {
    expect(errorOf(() => loadConfig({ env: {}, file: file('c.yaml', 'limits:\n  textChars: lots\n') })).message).toMatch(/`limits\.textChars`/);
    const unknown = errorOf(() => loadConfig({ env: {}, file: file('d.yaml', 'limits:\n  textChar: 5\n') }));
    expect(unknown.setting).toBe('limits.textChar');
    expect(unknown.message).toMatch(/unknown setting `limits\.textChar`/);
    expect(errorOf(() => loadConfig({ env: {}, file: file('e.yaml', 'prot: 80\n') })).message).toMatch(/unknown setting `prot`/);
  });

  it('unreadable or malformed files are named', () => {
    expect(errorOf(() => loadConfig({ env: {}, file: join(dir, 'missing.yaml') })).message).toMatch(/cannot read config file .*missing\.yaml/);
    expect(errorOf(() => loadConfig({ env: {}, file: file('f.json', '{nope') })).message).toMatch(/not valid JSON/);
    expect(errorOf(() => loadConfig({ env: {}, file: file('g.yaml', '- a\n- b\n') })).message).toMatch(/must hold an object/);
  });
});
