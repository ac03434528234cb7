// Datasets for researchers: one agency across years (compare), tables one row
// per report (--wide), the data dictionary, SQLite and Parquet read back by
// independent readers and compared with the JSON of the same corpus.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as XLSX from 'xlsx';
import { main } from '../src/cli/main.js';
import type { ReportResult } from '../src/index.js';
import { fakeIO, fixture } from './helpers.js';

const series = ['2020', '2021', '2022'].map((y) => fixture('series', `${y}.html`));
const tmp = (): string => mkdtempSync(join(tmpdir(), 'zfxxgk-data-'));

test('compare: years in order, the form change stated, the one carry-over break failed with both cells, exit 3', async () => {
  const io = fakeIO();
  // Inputs in any order.
  assert.is(await main(['compare', series[2] as string, series[0] as string, series[1] as string, '--format', 'json'], io), 3);
  const c = JSON.parse(io.out());
  assert.equal(
    c.reports.map((r: { year: number; forms: string[] }) => [r.year, r.forms]),
    [
      [2020, ['2019']],
      [2021, ['2021']],
      [2022, ['2021']],
    ],
  );
  assert.equal(c.formChanges, [{ from: { year: 2020, forms: ['2019'] }, to: { year: 2021, forms: ['2021'] } }]);
  const fails = c.checks.filter((k: { status: string; strength: string }) => k.status === 'fail' && k.strength === 'strict');
  assert.equal(
    fails.map((k: { rule: string; years: number[]; expected: number; actual: number }) => [k.rule, k.years, k.expected, k.actual]),
    [
      ['carry-over legal_services', [2021, 2022], 5, 4],
      ['carry-over total', [2021, 2022], 15, 14],
    ],
  );
  const cells = fails[0].cells.map((x: { id: string; year: number; cell: { line: number } }) => [x.id, x.year, typeof x.cell.line]);
  assert.equal(cells, [
    ['apply.carried_over.legal_services', 2022, 'number'],
    ['apply.carried_forward.legal_services', 2021, 'number'],
  ]);
  // Across the form change the carry-over is checked too (both forms have the rows).
  assert.ok(c.checks.some((k: { rule: string; years: number[]; status: string }) => k.rule === 'carry-over natural_person' && k.years[0] === 2020 && k.status === 'pass'));
  // Documents in force: a warning, never a failure of the run.
  const force = c.checks.find((k: { rule: string; years: number[] }) => k.rule === 'documents in force normative_docs' && k.years[0] === 2021);
  assert.equal([force.strength, force.status, force.expected, force.actual], ['plausibility', 'fail', 27, 25]);
  // Per indicator: each year's value and the change; only what every year prints.
  const received = c.indicators.find((i: { id: string }) => i.id === 'apply.new_received.total');
  assert.equal([received.values, received.change], [[39, 39, 39], 0]);
  assert.not.ok(
    c.indicators.some((i: { id: string }) => i.id === 'active.rules.in_force'),
    'a 2021-form row is not compared with a year that has none',
  );
});

test('compare: a readable table, CSV and a workbook; plausibility warnings alone leave exit 0', async () => {
  const io = fakeIO();
  assert.is(await main(['compare', ...series], io), 3);
  assert.match(io.out(), /form change: 2020 \(form 2019\) → 2021 \(form 2021\)/);
  assert.match(io.out(), /FAIL carry-over legal_services 2021→2022 \(strict\): expected 5, actual 4/);
  assert.match(io.out(), /warn documents in force normative_docs 2021→2022/);
  assert.match(io.out(), /apply\.new_received\.total\s+39\s+39\s+39\s+0/);
  const dir = tmp();
  assert.is(await main(['compare', ...series, '--format', 'csv', '--out', join(dir, 's.csv')], fakeIO()), 3);
  assert.match(readFileSync(join(dir, 's.csv'), 'utf8'), /^\ufeffid,label,2020,2021,2022,change\n/);
  assert.is(await main(['compare', ...series, '--out', join(dir, 's.xlsx')], fakeIO()), 3);
  const wb = XLSX.read(readFileSync(join(dir, 's.xlsx')));
  assert.equal(wb.SheetNames, ['indicators', 'continuity']);
  // Two years with no strict break: exit 0 although a warning stands.
  assert.is(await main(['compare', series[0] as string, series[1] as string], fakeIO()), 0);
});

test('compare: other agencies are refused unless told; a report with no year is named and left out', async () => {
  const other = fixture('tables', '2019-html', 'input.html');
  const io = fakeIO();
  assert.is(await main(['compare', other, series[1] as string], io), 1);
  assert.match(io.err(), /compare-agencies: the reports are of different agencies/);
  assert.is(await main(['compare', other, series[1] as string, '--any-agency', '--format', 'json'], fakeIO()), 0);
  const dir = tmp();
  const undated = join(dir, 'undated.html');
  writeFileSync(
    undated,
    readFileSync(series[2] as string, 'utf8')
      .replace(/20(2[0-9])年/g, '本')
      .replace(/发布日期：[^<]*/, ''),
  );
  const nodate = fakeIO();
  assert.is(await main(['compare', ...series.slice(0, 2), undated], nodate), 1);
  assert.match(nodate.err(), /undated\.html: compare-year-unknown/);
});

test('convert --wide: one row per report and value column, a second header of Chinese labels, empty (not 0) where not printed', async () => {
  const dir = tmp();
  const out = join(dir, 'wide.csv');
  assert.is(await main(['convert', fixture('tables'), '--out', out, '--wide', '--threads', '1'], fakeIO()), 0);
  const lines = readFileSync(out, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\n');
  const [ids, labels] = [lines[0]?.split(',') ?? [], lines[1]?.split(',') ?? []];
  assert.equal(ids.slice(0, 9), ['source', 'agency', 'year', 'form', 'variant', 'column', 'column_kind', 'checks_failed', 'diagnostics']);
  assert.is(labels[ids.indexOf('active.total')], '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）');
  const rows = lines.slice(2).map((l) => l.split(','));
  const jsonl = join(dir, 'all.jsonl');
  await main(['convert', fixture('tables'), '--out', jsonl, '--threads', '1'], fakeIO());
  const docs = readFileSync(jsonl, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ReportResult);
  const readings = docs.reduce((n, d) => n + Math.max(1, new Set(d.tables.map((t) => `${t.column.kind}|${t.column.label}`)).size), 0);
  assert.is(rows.length, readings);
  // The 2014 seed: 24 for active.total, nothing for a 2021 id.
  const seed = rows.find((r) => r[0]?.includes('seed003')) as string[];
  assert.is(seed[ids.indexOf('active.total')], '24');
  assert.is(seed[ids.indexOf('apply.new_received.total')], '');
  // A table with a year and a running-total column: two rows, told apart by kind.
  const sh = rows.filter((r) => r[0]?.includes('variant-sh2007'));
  assert.equal(
    sh.map((r) => r[6]),
    ['year', 'cumulative'],
  );
});

test('SQLite: reports, indicators, checks, diagnostics and the catalogue, equal to the JSON value by value', async () => {
  let Database: new (p: string, o?: object) => { prepare(sql: string): { all(...a: unknown[]): Record<string, unknown>[]; get(...a: unknown[]): Record<string, unknown> }; close(): void };
  try {
    Database = createRequire(import.meta.url)('better-sqlite3');
  } catch {
    console.log('  skipped: better-sqlite3 (an optional dependency) is not installed here');
    return;
  }
  const dir = tmp();
  const corpus = [fixture('tables'), fixture('series'), fixture('returns', '2021-filled.xlsx')];
  assert.is(await main(['convert', ...corpus, '--out', join(dir, 'c.sqlite'), '--threads', '2'], fakeIO()), 0);
  assert.is(await main(['convert', ...corpus, '--out', join(dir, 'c.jsonl'), '--threads', '2'], fakeIO()), 0);
  const docs = readFileSync(join(dir, 'c.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ReportResult);
  const db = new Database(join(dir, 'c.sqlite'), { readonly: true });
  assert.is(db.prepare('SELECT count(*) n FROM reports').get().n, docs.length);
  const expected = docs.flatMap((d) => d.tables.flatMap((t) => t.indicators.map((i) => `${d.source}|${t.column.kind}|${i.id}|${i.value}`))).sort();
  const got = db
    .prepare('SELECT r.source, i.column_kind, i.id, i.value FROM indicators i JOIN reports r USING (report)')
    .all()
    .map((r) => `${r.source}|${r.column_kind}|${r.id}|${r.value}`)
    .sort();
  assert.equal(got, expected);
  assert.is(
    db.prepare('SELECT count(*) n FROM checks').get().n,
    docs.reduce((n, d) => n + d.tables.reduce((m, t) => m + t.checks.length, 0), 0),
  );
  assert.ok((db.prepare('SELECT count(*) n FROM catalogue').get().n as number) >= 500);
  // The question a researcher asks first: applications received per agency per year, in one query.
  const perYear = db
    .prepare(
      "SELECT r.agency, r.year, i.value FROM indicators i JOIN reports r USING (report) WHERE i.id = 'apply.new_received.total' AND i.column_kind = 'year' AND r.agency = '某某区人民政府办公室' ORDER BY r.year",
    )
    .all();
  assert.ok(perYear.length >= 3);
  db.close();
});

test('Parquet (long and wide): typed columns read back by hyparquet, equal to the JSON', async () => {
  const { parquetReadObjects } = await import('hyparquet');
  const dir = tmp();
  const corpus = [fixture('tables'), fixture('series')];
  await main(['convert', ...corpus, '--out', join(dir, 'c.jsonl'), '--threads', '2'], fakeIO());
  assert.is(await main(['convert', ...corpus, '--out', join(dir, 'c.parquet'), '--threads', '2'], fakeIO()), 0);
  assert.is(await main(['convert', ...corpus, '--out', join(dir, 'w.parquet'), '--wide', '--threads', '2'], fakeIO()), 0);
  const docs = readFileSync(join(dir, 'c.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ReportResult);
  const file = (p: string): ArrayBuffer => {
    const b = readFileSync(p);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  };
  const long = (await parquetReadObjects({ file: file(join(dir, 'c.parquet')) })) as Record<string, unknown>[];
  const expected = docs.flatMap((d) => d.tables.flatMap((t) => t.indicators.map((i) => `${d.source}|${t.column.kind}|${i.id}|${i.value}|${d.meta.year}`))).sort();
  assert.equal(long.map((r) => `${r.source}|${r.column_kind}|${r.id}|${r.value}|${r.year}`).sort(), expected);
  assert.is(typeof long.find((r) => r.value !== null)?.value, 'number');
  const wide = (await parquetReadObjects({ file: file(join(dir, 'w.parquet')) })) as Record<string, unknown>[];
  const seed = wide.find((r) => String(r.source).includes('seed003'));
  assert.is(seed?.['active.total'], 24);
  assert.is(seed?.['apply.new_received.total'], null);
});

test('catalogue: the data dictionary as CSV, JSON and Markdown', async () => {
  const csv = fakeIO();
  assert.is(await main(['catalogue', '--form', '2021'], csv), 0);
  const lines = csv
    .out()
    .replace(/^\ufeff/, '')
    .trim()
    .split('\n');
  assert.is(lines[0], 'id,form,table,label,unit,parent,virtual,variant,aliases,identities');
  assert.ok(lines.some((l) => l.startsWith('apply.carried_forward.total,2021,apply,')));
  const json = fakeIO();
  await main(['catalogue', '--format', 'json'], json);
  const rows = JSON.parse(json.out()) as { id: string; variant: string | null; identities: string | null }[];
  assert.ok(rows.some((r) => r.variant === 'sh2007'));
  assert.match(rows.find((r) => r.id === 'apply.received')?.identities ?? '', /apply\.received = sum \[sh2007\]/);
  const md = fakeIO();
  await main(['catalogue', '--form', '2014', '--format', 'md'], md);
  assert.match(md.out(), /^\| id \| form \| table \|/);
  assert.is(await main(['catalogue', '--form', '2030'], fakeIO()), 2);
});

test.run();
