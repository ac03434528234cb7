// Build step after tsc: the command line as one bundle (dist/cli/main.js, its
// worker dist/cli/worker.js, and a chunk per command loaded on demand). Its
// ~60 modules loaded one by one cost a fifth of a cold start; dependencies
// stay outside (node_modules), loaded only when an input needs them.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli', { recursive: true, force: true }); // chunk names change with their content

// JSON modules as JSON.parse of a string: V8 reads that several times faster than the same data as an object
// literal, and the bundled templates (100 KB) are compiled at every start though the stored catalogue is used.
const jsonAsParse = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => ({ contents: `export default JSON.parse(${JSON.stringify(readFileSync(args.path, 'utf8'))});`, loader: 'js' }));
  },
};

await build({
  plugins: [jsonAsParse],
  entryPoints: ['dist/src/cli/main.js', 'dist/src/cli/worker.js'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Whitespace and syntax only: names stay, so a stack trace (--debug) still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
console.log('dist/cli: the command line bundled');
