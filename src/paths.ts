/**
 * Where Haven's own files are: the package root (the folder with package.json, rules/ and models/), found
 * from this module's location by walking up. It works the same from the sources (src/paths.ts, run through
 * tsx or vitest) and from the pre-built bundle (dist/cli/*.mjs, see scripts/build-cli.mjs), where a path
 * relative to `import.meta.url` would point somewhere else.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; ) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`haven: cannot find the package root (a folder with package.json and rules/) above ${from}`);
    dir = up;
  }
}

/** The package root: the folder that holds package.json, rules/ and models/. */
export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, from its root: `packagePath('rules', 'policy.yaml')`. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

/**
 * Where built structures are cached, keyed by a hash of their inputs (node_modules/.cache/haven, the usual
 * place for a package's caches). Anything in it may be deleted at any time; readers rebuild what is missing.
 */
export const CACHE_DIR: string = packagePath('node_modules', '.cache', 'haven');
