// Rewrites the generated blocks of README.md from the code (run after `npm run build`):
//   <!-- codes:start --> … every diagnostic and error code (src/core/codes.ts)
//   <!-- cli:start -->   … every command, its options and the exit codes (src/cli/spec.ts)
//   <!-- perf:start -->  … the performance targets as the last full bench judged them (bench/results.json)
// With --check it changes nothing and exits 1 when the README has drifted (the test suite runs that).
import { readFileSync, writeFileSync } from 'node:fs';
import { COMMAND_SPECS, EXIT_CODES, OPTIONS } from '../dist/src/cli/spec.js';
import { CODES } from '../dist/src/core/codes.js';
import { targetsTable } from '../bench/targets.mjs';

const cell = (s) => s.replace(/\|/g, '\\|');
const codes = ['| code | severity | meaning |', '|---|---|---|', ...Object.entries(CODES).map(([code, info]) => `| \`${code}\` | ${info.severity} | ${cell(info.description)} |`)].join('\n');
const option = (name) => {
  const o = OPTIONS[name];
  return `\`${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}\``;
};
const cli = [
  '| command | what it does | options |',
  '|---|---|---|',
  ...COMMAND_SPECS.map((c) => `| \`${cell(c.usage)}\` | ${cell(c.summary)} | ${c.options.map(option).join(' ') || '—'} |`),
  '',
  '| option | meaning |',
  '|---|---|',
  ...Object.keys(OPTIONS).map((n) => `| ${option(n)} | ${cell(OPTIONS[n].description)} |`),
  '',
  '| exit code | meaning |',
  '|---|---|',
  ...EXIT_CODES.map(([n, what]) => `| ${n} | ${what} |`),
].join('\n');

const bench = JSON.parse(readFileSync(new URL('../bench/results.json', import.meta.url), 'utf8'));
const when = `Last full run (\`npm run bench\`, ${bench.date.slice(0, 10)}): ${bench.machine.cpu}, ${bench.machine.cores} cores, ${bench.machine.platform}, Node ${bench.node}; ${bench.seconds.toFixed(0)} s.`;
const perf = `${when}\n\n${targetsTable(bench)}`;

const url = new URL('../README.md', import.meta.url);
const readme = readFileSync(url, 'utf8');
let next = readme;
for (const [name, body] of [
  ['codes', codes],
  ['cli', cli],
  ['perf', perf],
]) {
  const re = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(next)) throw new Error(`README.md has no ${name}:start/end block`);
  next = next.replace(re, `$1${body}\n$2`);
}
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md is out of date with the code: run "npm run build && node scripts/readme.mjs"');
    process.exit(1);
  }
} else writeFileSync(url, next);
