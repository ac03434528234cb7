// Runs every uvu suite under dist/test and ends with one summary line
// ("N passed, N failed") that CI can read. Exit code is uvu's.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const uvu = fileURLToPath(new URL('../node_modules/uvu/bin.js', import.meta.url));
const run = spawnSync(process.execPath, [uvu, 'dist/test', '\\.test\\.js$'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
process.stdout.write(run.stdout ?? '');
const total = Number(/Total:\s+(\d+)/.exec(run.stdout ?? '')?.[1] ?? 0);
const passed = Number(/Passed:\s+(\d+)/.exec(run.stdout ?? '')?.[1] ?? 0);
const failed = total - passed;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(run.status ?? 1);
