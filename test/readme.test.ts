// The README says what the code does: its generated tables (codes, commands,
// options, exit codes) are current, and the folders its layout names exist.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('the generated blocks of the README match the code (scripts/readme.mjs --check)', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'readme.mjs'), '--check'], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  assert.match(readme, /\| `limit-memory` \| error \| .*default 512 MB/);
});

test('every path the README names under src/ exists, and every stage folder is in its layout table', () => {
  const named = [...readme.matchAll(/`(src\/[\w./-]+)`/g)].map((m) => m[1] as string);
  assert.ok(named.length >= 8, `the layout names ${named.length} paths`);
  for (const p of named) assert.ok(existsSync(join(ROOT, p)), `README names ${p}, which does not exist`);
  const table = readme.slice(readme.indexOf('<!-- layout:'), readme.indexOf('\n\n', readme.indexOf('<!-- layout:')));
  const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const d of folders) assert.ok(table.includes(`\`src/${d.name}/\``), `src/${d.name}/ is missing from the README's layout table`);
  // Each file a stage row names (`normalize.ts`) is in that row's folder.
  for (const row of table.split('\n').filter((l) => l.startsWith('| ') && l.includes('`src/'))) {
    const folder = /`(src\/[\w-]+\/)`/.exec(row)?.[1] as string;
    for (const m of row.matchAll(/`([\w-]+\.ts)`/g)) assert.ok(existsSync(join(ROOT, folder, m[1] as string)), `${folder}${m[1]} (named in the layout table)`);
  }
});

test('every command and option of the command line is in the README', async () => {
  const { COMMAND_SPECS, OPTIONS } = await import('../src/cli/spec.js');
  for (const c of COMMAND_SPECS) assert.match(readme, `zfxxgk ${c.name}`);
  for (const o of Object.keys(OPTIONS)) assert.match(readme, `--${o}`);
});

test.run();
