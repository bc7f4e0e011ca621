// Is the pre-built CLI bundle (scripts/build-cli.mjs) up to date with the sources? Plain JavaScript, no
// dependencies: bin/haven.js asks before anything else is loaded.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The URL of the bundle's entry in `dir` (a URL, with its trailing slash) when every file it was built from
 * still has the size and modification time recorded in its stamp.json, else null: never built, being rebuilt,
 * or anything it was built from edited since. `root` is the package root's URL, the stamp's paths are from it.
 */
export function freshBundle(root, dir) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(new URL('stamp.json', dir), 'utf8'));
  } catch {
    return null;
  }
  if (stamp?.version !== 1 || !Array.isArray(stamp.files) || typeof stamp.entry !== 'string') return null;
  const rootPath = fileURLToPath(root);
  for (const [path, size, mtimeMs] of stamp.files) {
    const s = statSync(rootPath + path, { throwIfNoEntry: false });
    if (s === undefined || s.size !== size || s.mtimeMs !== mtimeMs) return null;
  }
  return new URL(stamp.entry, dir);
}
