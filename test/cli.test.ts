import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { fakeIO, fixture } from './helpers.js';

const seed = fixture('tables', 'seed003-2014-pipe', 'input.txt');
const html = fixture('tables', '2014-html-gb2312', 'input.html');

test('parse: JSON on stdout, warnings on stderr, exit 0', async () => {
  const io = fakeIO();
  assert.is(await main(['parse', seed], io), 0);
  const doc = JSON.parse(io.out());
  assert.is(doc.source, seed);
  assert.is(doc.tables[0].indicators.find((i: { id: string }) => i.id === 'active.total').value, 24);
  assert.match(io.err(), /:81: warning unit-mismatch: org\.staff/);
  assert.not.match(io.err(), /value-in-unit-column/, 'info only with --verbose');
});

test('parse several files: an array; csv long format with header', async () => {
  const io = fakeIO();
  assert.is(await main(['parse', seed, html], io), 0);
  assert.is(JSON.parse(io.out()).length, 2);
  const csv = fakeIO();
  assert.is(await main(['parse', html, '--format', 'csv'], csv), 0);
  const lines = csv.out().trim().split('\n');
  assert.is(lines[0], 'source,form,table,id,value,unit,raw,row,col,agency,year,variant,column,column_kind,label,catalogue_label,page,sheet,ref,line');
  assert.is(lines.length, 61);
  assert.ok(
    lines.some((l) => l.includes(',2014,stats,org.staff,8,人,8,61,3,')),
    lines.find((l) => l.includes('org.staff,')),
  );
  const jsonl = fakeIO();
  await main(['parse', seed, html, '--format=jsonl'], jsonl);
  assert.is(jsonl.out().trim().split('\n').length, 2);
});

test('check: readable report, exit 3 on a failed check', async () => {
  const io = fakeIO();
  assert.is(await main(['check', seed], io), 3);
  assert.match(io.out(), /FAIL response\.channels = sum \(usual\): expected 4, actual 0/);
  assert.match(io.out(), /ok {3}org\.staff = sum/);
});

test('a missing or unreadable file: one line with a code, the others still processed, exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-'));
  const png = join(dir, 'table.xls');
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  const io = fakeIO();
  assert.is(await main(['parse', join(dir, 'nope.txt'), png, seed], io), 1);
  assert.match(io.err(), /nope\.txt: file-not-found/);
  assert.match(io.err(), /table\.xls: input-binary: The input is a PNG image/);
  assert.not.match(io.err(), /\n\s+at /, 'no stack trace');
  assert.is(JSON.parse(io.out()).length, 1);
});

test('--out writes atomically and leaves no temporary file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-'));
  const out = join(dir, 'r.json');
  assert.is(await main(['parse', seed, '--out', out], fakeIO()), 0);
  assert.is(JSON.parse(readFileSync(out, 'utf8')).tables.length, 1);
  assert.equal(readdirSync(dir), ['r.json']);
});

test('usage errors exit 2; --version and codes', async () => {
  for (const argv of [['frobnicate'], ['parse'], ['parse', seed, '--format', 'xml'], ['parse', '--out'], []]) {
    const io = fakeIO();
    assert.is(await main(argv, io), 2, argv.join(' '));
  }
  const v = fakeIO();
  assert.is(await main(['--version'], v), 0);
  assert.match(v.out(), /^\d+\.\d+\.\d+\n$/);
  const c = fakeIO();
  await main(['codes'], c);
  assert.match(c.out(), /^unit-mismatch\twarning\t/m);
});

test.run();
