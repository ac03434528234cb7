// The package as a user installs it: `npm pack`, the tarball installed into
// an empty folder (offline, from the cache `npm ci` filled), then the bin,
// the library (import and require), the JSON Schema, a TypeScript consumer
// and the page from `serve` are used there. A packaging regression fails here.
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'zfxxgk-pack-'));
const app = join(work, 'app');
const installed = join(app, 'node_modules', 'zfxxgk');
const bin = join(app, 'node_modules', '.bin', 'zfxxgk');
const example = join(installed, 'fixtures', 'examples', 'xuejiadao-2017.txt');

function run(cmd: string, args: string[], cwd: string, input?: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout: 180_000,
    ...(input === undefined ? {} : { input }),
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
  if (r.error) throw r.error;
  return r;
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.is(r.status, 0, `${what} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

test('npm pack, then npm install of the tarball into an empty folder (offline)', () => {
  // The build already ran (npm test builds first): pack without running it again.
  const packed = JSON.parse(ok(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT), 'npm pack')) as { filename: string; files: { path: string }[] }[];
  const files = packed[0]?.files.map((f) => f.path) ?? [];
  for (const need of [
    'bin/zfxxgk.js',
    'dist/src/index.js',
    'dist/src/index.d.ts',
    'dist/src/catalogue/templates.generated.json',
    'dist/web/index.html',
    'dist/web/app.js',
    'schema/report.schema.json',
    'LICENSE',
    'fixtures/examples/xuejiadao-2017.txt',
  ]) {
    assert.ok(files.includes(need), `the tarball ships ${need}`);
  }
  assert.not.ok(
    files.some((f) => f.startsWith('dist/test/') || f.startsWith('src/')),
    'no tests or sources in the tarball',
  );
  // Source maps carry their sources: none points at a file that is not shipped.
  const map = JSON.parse(readFileSync(join(ROOT, 'dist/src/parse-report.js.map'), 'utf8')) as { sourcesContent?: string[] };
  assert.ok(map.sourcesContent?.[0]?.includes('parseReport'), 'sources are inlined in the maps');
  mkdirSync(app);
  // A lockfile made from ours, so that npm installs offline: the tarball, and our production dependencies
  // at the versions npm ci put in the cache (a range would need the registry's package documents).
  const tarball = `file:../${packed[0]?.filename as string}`;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; dependencies?: Record<string, string> } & Record<string, unknown>> };
  const ours = lock.packages[''] as { version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string>; license: string };
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0', dependencies: { zfxxgk: tarball } },
    'node_modules/zfxxgk': { version: ours.version, resolved: tarball, license: ours.license, dependencies: ours.dependencies, bin: ours.bin, engines: ours.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies: { zfxxgk: tarball } }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
  // Optional dependencies (better-sqlite3 builds a native module; pdf.js's canvas) are left out: the bin needs neither.
  ok(run(npm, ['ci', '--offline', '--omit=optional'], app), 'npm ci --offline');
  assert.ok(readdirSync(installed).includes('package.json'));
});

test('the installed bin parses the bundled example, checks it, converts, writes a template, lists codes', () => {
  const doc = JSON.parse(ok(run(bin, ['parse', example], app), 'zfxxgk parse'));
  assert.is(doc.tables[0].indicators.length, 60);
  assert.is(doc.tables[0].indicators.find((i: { id: string }) => i.id === 'active.total').value, 24);
  const check = run(bin, ['check', example], app);
  assert.is(check.status, 3, check.stderr);
  assert.match(check.stdout, /FAIL response\.channels = sum/);
  ok(run(bin, ['convert', join(installed, 'fixtures', 'examples'), '--out', join(work, 'all.csv')], app), 'zfxxgk convert');
  assert.is(readFileSync(join(work, 'all.csv'), 'utf8').trim().split('\n').length, 61);
  ok(run(bin, ['template', '2021', '--out', join(work, 'blank.xlsx')], app), 'zfxxgk template');
  ok(run(bin, ['aggregate', join(work, 'blank.xlsx'), '--out', join(work, 'region.json')], app), 'zfxxgk aggregate');
  assert.is(JSON.parse(readFileSync(join(work, 'region.json'), 'utf8')).tables[0].form, '2021');
  assert.match(ok(run(bin, ['codes'], app), 'zfxxgk codes'), /^input-empty\terror\t/);
  assert.match(ok(run(bin, ['--version'], app), 'zfxxgk --version'), /^\d+\.\d+\.\d+\n$/);
});

test('the library imports (ESM), requires (CommonJS, Node ≥ 20.19) and ships its JSON Schema', () => {
  const esm = `import { parseReport, ReportResultSchema } from 'zfxxgk';
import schema from 'zfxxgk/schema.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
const r = ReportResultSchema.parse(parseReport(readFileSync(${JSON.stringify(example)})));
process.stdout.write(r.tables[0].indicators.length + ' ' + schema.type);`;
  assert.is(ok(run(process.execPath, ['--input-type=module', '-e', esm], app), 'import').trim(), '60 object');
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 20 || (major === 20 && minor >= 19)) {
    const cjs = `const { parseReport } = require('zfxxgk'); const fs = require('node:fs'); process.stdout.write(String(parseReport(fs.readFileSync(${JSON.stringify(example)})).tables[0].indicators.length));`;
    assert.is(ok(run(process.execPath, ['-e', cjs], app), 'require').trim(), '60');
  } else console.log(`  skipped: require('zfxxgk') needs Node 20.19 or later (this is ${process.versions.node})`);
});

test('a TypeScript consumer type-checks with moduleResolution NodeNext and Bundler', () => {
  writeFileSync(
    join(app, 'consumer.ts'),
    `import { parseReport, type ReportResult, ReportResultSchema, type Diagnostic } from 'zfxxgk';
const r: ReportResult = parseReport('| a | b |');
const d: Diagnostic[] = r.diagnostics;
const ids: string[] = r.tables.flatMap((t) => t.indicators.map((i) => i.id));
ReportResultSchema.parse(r);
export { d, ids };
`,
  );
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [module, resolution] of [
    ['NodeNext', 'NodeNext'],
    ['ESNext', 'Bundler'],
  ] as const) {
    // No @types/node in the consumer: the declarations must not need Node's types.
    const compilerOptions = { noEmit: true, strict: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM'], module, moduleResolution: resolution, types: [] };
    writeFileSync(join(app, `tsconfig.${resolution}.json`), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    ok(run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], app), `tsc ${resolution}`);
  }
});

test('serve serves the built page from the installed package', async () => {
  const child = spawn(bin, ['serve', '--port', '0'], { cwd: app, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`serve printed no address: ${err}`)), 20_000);
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /127\.0\.0\.1:(\d+)\//.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
      child.once('error', reject);
    });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    assert.is(page.status, 200);
    assert.match(await page.text(), /<script src="app\.js"/);
    const app = await fetch(`http://127.0.0.1:${port}/app.js`);
    assert.is(app.status, 200);
    assert.ok((await app.text()).length > 100_000, 'the bundled page script');
  } finally {
    child.kill();
  }
});

test.run();
