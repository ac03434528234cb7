// Small text, huge memory (issue 14): each input is parsed in a fresh process
// whose peak RSS must stay within the bound the README states, in bounded
// time, and a table beyond the limits must not take the file's other tables
// with it. Inputs are generated here (megabytes, not committed).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, ROOT } from './helpers.js';

/** The README's bound on one parse: Node with its libraries, plus a multiple of the input's size. */
const BASE_MB = 200;
const PER_INPUT_BYTE = 100;
const TIME_LIMIT_MS = 20_000;

interface Measured {
  peakMb: number;
  ms: number;
  tables: { form: string; indicators: number }[];
  diagnostics: { code: string; params: Record<string, unknown>; cell?: { line?: number } }[];
}

const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-memory-'));
const entry = pathToFileURL(join(ROOT, 'dist', 'src', 'index.js')).href;

/** Parse `bytes` in a child process; its peak RSS, time and what it read. */
function parseInChild(name: string, bytes: Buffer): Measured {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const script = `
    import { readFileSync } from 'node:fs';
    const { parseReport } = await import(${JSON.stringify(entry)});
    const t = performance.now();
    const doc = parseReport(readFileSync(${JSON.stringify(file)}));
    const ms = performance.now() - t;
    JSON.stringify(doc); // the output is part of the job
    process.stdout.write(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024,
      tables: doc.tables.map((t) => ({ form: t.form, indicators: t.indicators.length })), diagnostics: doc.diagnostics }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: TIME_LIMIT_MS * 3, maxBuffer: 64 * 2 ** 20 });
  assert.is(run.status, 0, `${name}: the child failed: ${run.stderr.slice(-400)}`);
  return JSON.parse(run.stdout) as Measured;
}

function withinBounds(name: string, bytes: Buffer, m: Measured): void {
  const bound = BASE_MB + (PER_INPUT_BYTE * bytes.length) / 2 ** 20;
  assert.ok(m.peakMb <= bound, `${name}: peak RSS ${m.peakMb.toFixed(0)} MB over the bound ${bound.toFixed(0)} MB (${(bytes.length / 2 ** 20).toFixed(1)} MB input)`);
  assert.ok(m.ms < TIME_LIMIT_MS, `${name}: ${m.ms.toFixed(0)} ms`);
}

const wideLine = (cells: number, sep: string): string => Array.from({ length: cells }, (_, i) => String(i % 10)).join(sep);

test('a CSV with a line of 10^6 fields: the line is left out (limit-cells, its line), the return beside it read', () => {
  const ret = readFileSync(fixture('returns', '2014-filled.csv'));
  const lines = ret.toString('latin1').split('\n').length;
  const bytes = Buffer.concat([ret, Buffer.from(`\n${wideLine(1e6, ',')}\n`)]);
  const m = parseInChild('wide.csv', bytes);
  withinBounds('wide.csv', bytes, m);
  assert.equal(
    m.tables.map((t) => t.form),
    ['2014'],
  );
  assert.is(m.tables[0]?.indicators, 60);
  const d = m.diagnostics.find((x) => x.code === 'limit-cells');
  assert.ok(d, 'limit-cells reported');
  assert.is(d?.params.what, 'row');
  assert.is(d?.cell?.line, lines + 1);
});

test('an HTML table with a row of 10^6 cells is not parsed (limit-cells, its line); the report tables before it are read', () => {
  const page = readFileSync(fixture('tables', '2021-html', 'input.html'), 'utf8');
  const bytes = Buffer.from(`<html><body>${page}<table>\n<tr>${'<td>1</td>'.repeat(1e6)}</tr></table></body></html>`);
  const m = parseInChild('wide.html', bytes);
  withinBounds('wide.html', bytes, m);
  assert.ok(m.tables.length >= 3 && m.tables.every((t) => t.form === '2021' && t.indicators > 0), JSON.stringify(m.tables));
  const d = m.diagnostics.find((x) => x.code === 'limit-cells');
  assert.is(d?.params.what, 'wide-table');
  assert.is(d?.params.cells, 1e6);
  assert.ok(typeof d?.cell?.line === 'number');
});

test('a pipe table with a row of 10^6 cells: bounded, the 2021 tables beside it read', () => {
  const page = readFileSync(fixture('tables', '2021-pipe', 'input.txt'), 'utf8');
  const bytes = Buffer.from(`${page}\n\n| 项目 | ${wideLine(1e6, ' | ')} |\n`);
  const m = parseInChild('wide-pipe.txt', bytes);
  withinBounds('wide-pipe.txt', bytes, m);
  assert.ok(m.tables.filter((t) => t.form === '2021').length >= 3, JSON.stringify(m.tables));
});

test('a megabyte of flattened text (a real flattened page, repeated) is read within the bound, and as one line too', () => {
  const page = readFileSync(fixture('tables', 'rw-002-pingtan-2016-oldform-flattened', 'input.txt'), 'utf8');
  let text = '';
  while (text.length < 350_000) text += `${page}\n\n`;
  const lines = Buffer.from(text);
  const m = parseInChild('flat.txt', lines);
  withinBounds('flat.txt', lines, m);
  assert.ok(m.tables.length > 0 && m.tables.every((t) => t.indicators > 0));
  const one = Buffer.from(text.replace(/\n/g, ' '));
  const n = parseInChild('flat-one-line.txt', one);
  withinBounds('flat-one-line.txt', one, n);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
