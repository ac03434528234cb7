// npm run build:web → dist/web/: index.html, app.js (with the parsing worker
// built in as a string, since a worker file cannot be loaded from file://),
// styles.css. No CDN, no network: everything the page needs is in the folder.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const out = new URL('../dist/web/', import.meta.url);
mkdirSync(out, { recursive: true });
const common = { bundle: true, format: 'iife', platform: 'browser', target: ['es2022'], minify: true, legalComments: 'none', logLevel: 'warning' };
const worker = await build({ ...common, entryPoints: ['web/worker.ts'], write: false });
const workerSource = worker.outputFiles[0].text;
await build({ ...common, entryPoints: ['web/app.ts'], outfile: new URL('app.js', out).pathname, define: { WORKER_SOURCE: JSON.stringify(workerSource) } });
for (const f of ['index.html', 'styles.css']) copyFileSync(new URL(`../web/${f}`, import.meta.url), new URL(f, out));
console.log(`dist/web: app.js with a ${(workerSource.length / 1024 / 1024).toFixed(1)} MB worker`);
