// Where the package's own files are. The command line runs from the compiled
// modules (dist/src/cli/…) and from their bundle (dist/cli/…), at different
// depths, so paths are found from the package's root, not from this module.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The nearest folder above this module that holds zfxxgk's package.json. */
function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'zfxxgk') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('zfxxgk: package.json not found above the command line');
    dir = up;
  }
}

/** A file of the package, by its path from the package's root. */
export function packageFile(...path: string[]): string {
  return join(packageRoot(), ...path);
}
