// Build step after tsc: the command line as one bundle (dist/cli/main.js, its
// worker dist/cli/worker.js, and a chunk per command loaded on demand). Its
// ~60 modules loaded one by one cost a fifth of a cold start; dependencies
// stay outside (node_modules), loaded only when an input needs them.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli/main.js', 'dist/src/cli/worker.js'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
console.log('dist/cli: the command line bundled');
