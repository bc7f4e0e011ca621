#!/usr/bin/env node
/**
 * Builds the `haven` command into dist/cli/ (git-ignored): src/cli/main.ts and every source file it imports,
 * bundled by esbuild (which tsx already depends on) into a few ES modules, one chunk per lazily loaded
 * sub-command, in a folder per build (dist/cli/b…/). The pure-JavaScript packages of the screen path are
 * bundled in; every other package stays outside and loads as usual.
 *
 * bin/haven.js runs the bundle only while it matches the sources: the build writes dist/cli/stamp.json,
 * listing every source file that went into the bundle with its size and modification time, taken BEFORE
 * esbuild read it (and, for a bundled package, its package.json); bin/haven.js compares them (a stat per file,
 * ≈ 1 ms) and loads the sources through tsx on any difference. An edit under src/ therefore never runs stale
 * code: it only costs start-up until the next build.
 *
 * Runs from `npm ci` (the `prepare` script), `npm run build:cli` and before `npm run bench`. A failed build
 * is reported and leaves no stamp, so `haven` still works through tsx; it exits 0 unless --strict is given.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR (inside the package, for tests): where to build instead of dist/cli
const outArg = process.argv.indexOf('--out');
const OUT_DIR = outArg > 0 ? join(ROOT, process.argv[outArg + 1] ?? '') : join(ROOT, 'dist', 'cli');
const STAMP = join(OUT_DIR, 'stamp.json');
const ENTRY = 'src/cli/main.ts';
/** Files that shape the output without being bundled inputs. */
const CONFIG_FILES = ['tsconfig.json', 'scripts/build-cli.mjs', 'package.json'];
const STAMP_VERSION = 1;
/**
 * Pure-JavaScript packages the `screen` path imports, bundled in: one parsed file instead of a few hundred
 * module loads (≈ 50 ms of start-up). Every other package stays external (native code, files read by path).
 */
const BUNDLED_PACKAGES = new Set(['commander', 'yaml', 'zod', 'libphonenumber-js']);
const strict = process.argv.includes('--strict');

/** size and mtime of every file under src/ and of the config files, keyed by path relative to ROOT (with /). */
function snapshot() {
  const stats = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const s = statSync(join(ROOT, path));
        stats.set(path, [s.size, s.mtimeMs]);
      }
    }
  };
  walk('src');
  for (const path of CONFIG_FILES) {
    const s = statSync(join(ROOT, path));
    stats.set(path, [s.size, s.mtimeMs]);
  }
  return stats;
}

/** Every package this one depends on but BUNDLED_PACKAGES, with its subpaths. */
function externals() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).filter((n) => !BUNDLED_PACKAGES.has(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}

/** esbuild, a dependency of tsx: hoisted to node_modules/esbuild by npm, else found beside tsx. */
async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    const require = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
    return await import(pathToFileURL(require.resolve('esbuild')).href);
  }
}

async function build() {
  const { build: esbuild } = await loadEsbuild();
  if (relative(ROOT, OUT_DIR).startsWith('..') || OUT_DIR === ROOT) throw new Error(`--out must name a folder inside ${ROOT}`);
  // Each build goes to a folder of its own, named in the stamp, so that a process started on the previous
  // build still finds that build's lazily loaded chunks while this one is written.
  const id = `b${Date.now().toString(36)}${process.pid.toString(36)}`;
  const before = snapshot();
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: { main: ENTRY },
    outdir: join(OUT_DIR, id),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externals(),
    tsconfig: join(ROOT, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
    banner: {
      // the bundled CommonJS packages require Node's built-in modules
      js: [
        '// Built by scripts/build-cli.mjs from src/: do not edit; run only through bin/haven.js.',
        "import { createRequire as __havenCreateRequire } from 'node:module';",
        'const require = __havenCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(ROOT, join(ROOT, p)).split('\\').join('/'));
  const after = snapshot();
  const files = [];
  for (const path of [...inputs, ...CONFIG_FILES]) {
    if (path.startsWith('../')) throw new Error(`${path}: a bundled input outside the package`);
    if (path.startsWith('node_modules/')) {
      // a bundled package: its files change only with a reinstall (which runs prepare, rebuilding), and then
      // so does its package.json; stamping that alone saves a few hundred stats at every start
      const parts = path.split('/');
      const manifest = `${parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/')}/package.json`;
      if (!files.some(([p]) => p === manifest)) {
        const s = statSync(join(ROOT, manifest));
        files.push([manifest, s.size, s.mtimeMs]);
      }
      continue;
    }
    const was = before.get(path);
    const is = after.get(path);
    if (!was || !is || was[0] !== is[0] || was[1] !== is[1]) throw new Error(`${path} changed during the build; run it again`);
    files.push([path, ...was]);
  }
  const tmp = `${STAMP}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ version: STAMP_VERSION, entry: `${id}/main.js`, files })}\n`);
  renameSync(tmp, STAMP);
  // keep this build and the one before it (processes may still be running it); older ones go, and so does
  // anything else but the stamp (files of an older layout)
  const entries = readdirSync(OUT_DIR, { withFileTypes: true });
  const builds = entries
    .filter((e) => e.isDirectory() && /^b[0-9a-z]+$/.test(e.name) && e.name !== id)
    .map((e) => ({ name: e.name, mtime: statSync(join(OUT_DIR, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const keep = new Set(['stamp.json', id, ...builds.slice(0, 1).map((b) => b.name)]);
  for (const e of entries) if (!keep.has(e.name) && !e.name.endsWith('.tmp')) rmSync(join(OUT_DIR, e.name), { recursive: true, force: true });
  return files.length;
}

try {
  const t0 = performance.now();
  const count = await build();
  console.log(`haven: built ${relative(ROOT, OUT_DIR)} from ${count} files in ${Math.round(performance.now() - t0)} ms`);
} catch (error) {
  rmSync(STAMP, { force: true });
  console.error(`haven: warning: could not build ${relative(ROOT, OUT_DIR)} (${error instanceof Error ? error.message : String(error)}); \`haven\` runs from the sources through tsx`);
  if (strict) process.exitCode = 1;
}
