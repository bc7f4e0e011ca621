/** See fresh-bundle.js: the bundle's entry URL when it is up to date with the sources, else null. */
export function freshBundle(root: URL, dir: URL): URL | null;
