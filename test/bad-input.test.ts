// The bad-input corpus (fixtures/bad/, plus the cases too large to commit,
// generated here): every input ends in a result or a specific error code,
// within bounded time, and no value appears without its diagnostic.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport, parseReportAsync, ParseError, type ReportResult } from '../src/index.js';
import { main } from '../src/cli/main.js';
import { fakeIO, fixture, readFixture } from './helpers.js';

const bad = (name: string) => readFixture('bad', name);
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ParseError, `a ParseError, not ${String(e)}`);
    return (e as ParseError).code;
  }
  return 'none';
}
const timed = <T>(limitMs: number, f: () => T): T => {
  const t = Date.now();
  const r = f();
  assert.ok(Date.now() - t < limitMs, `finished within ${limitMs} ms (took ${Date.now() - t})`);
  return r;
};
const values = (r: ReportResult) => r.tables.flatMap((t) => t.indicators.map((i) => `${i.id}=${i.value}`));
const seed = parseReport(readFixture('tables', 'seed003-2014-pipe', 'input.txt'));

test('unreadable files: empty, noise, a PNG named .xls, a truncated .xlsx, a zip bomb', () => {
  assert.is(
    errorOf(() => parseReport(bad('empty.txt'), { source: 'empty.txt' })),
    'input-empty',
  );
  assert.is(
    errorOf(() => parseReport(bad('noise.bin'))),
    'input-binary',
  );
  assert.is(
    errorOf(() => parseReport(bad('png-named.xls'), { source: 'png-named.xls' })),
    'input-binary',
  );
  assert.is(
    errorOf(() => parseReport(bad('truncated.xlsx'))),
    'input-corrupt',
  );
  assert.is(
    timed(1000, () => errorOf(() => parseReport(bad('zip-bomb.xlsx')))),
    'limit-decompressed',
  );
});

test('a damaged deflate stream that made the JavaScript inflater loop ends at once (native inflate)', () => {
  // fixtures/bad/inflate-loop.xlsx: five bytes flipped by the fuzzer in a return; SheetJS's own inflate never returned.
  assert.is(
    timed(2000, () => errorOf(() => parseReport(bad('inflate-loop.xlsx')))),
    'input-corrupt',
  );
});

test('a damaged formula in a legacy .xls that made the formula parser loop ends at once', () => {
  // fixtures/bad/formula-loop.xls: 231 bytes of a return copied over its own formula records by the fuzzer;
  // SheetJS alone never returns from it (its token list grows until memory runs out).
  assert.is(
    timed(2000, () => errorOf(() => parseReport(bad('formula-loop.xls')))),
    'input-corrupt',
  );
});

test('a text record too short for its count, which made SheetJS grow an array for 30 s, ends at once', () => {
  // fixtures/bad/string-loop.xls: a fuzzer's find in the Excel 95 return; a BIFF2 LABEL record out of place.
  assert.is(
    timed(2000, () => errorOf(() => parseReport(bad('string-loop.xls')))),
    'input-corrupt',
  );
});

test('damaged defined-name and external-sheet records, which looped SheetJS, are skipped (records we never need)', () => {
  // Two more finds of the long fuzz run, mutations of formula-loop.xls: a damaged Lbl record (SheetJS looped
  // in its formula parser) and a damaged ExternSheet record (SheetJS filled memory until the heap ran out).
  assert.is(
    timed(2000, () => errorOf(() => parseReport(bad('name-loop.xls')))),
    'input-corrupt',
  );
  const r = timed(2000, () => parseReport(bad('externsheet-loop.xls')));
  assert.equal(
    r.tables.map((t) => t.table),
    ['active'],
  );
  assert.ok(
    r.diagnostics.some((d) => d.code === 'workbook-damaged'),
    'the damage is reported',
  );
  // A third: a Workbook stream that no longer begins with its BOF record (rewriting that document looped SheetJS's writer).
  const e = timed(2000, () => {
    try {
      parseReport(bad('stream-no-bof.xls'));
      return null;
    } catch (x) {
      return x as ParseError;
    }
  });
  assert.equal([e?.code, /BOF record/.test(e?.message ?? '')], ['input-corrupt', true]);
});

test('ParseError carries the file', () => {
  try {
    parseReport(bad('empty.txt'), { source: 'reports/empty.txt' });
    assert.unreachable();
  } catch (e) {
    assert.equal([(e as ParseError).code, (e as ParseError).file], ['input-empty', 'reports/empty.txt']);
  }
});

test('prototype-pollution payloads in sheet names and strings pollute nothing', () => {
  const r = parseReport(bad('proto-pollution.xlsx'));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.not.ok(Object.hasOwn(Object.prototype, 'polluted'));
  assert.is(r.tables.length, 0);
  assert.equal(
    r.diagnostics.map((d) => d.code),
    ['table-not-recognised', 'table-not-recognised', 'no-table-found'],
  );
});

test('UTF-8 and GB18030 lines in one file are each decoded, and the mix is reported', () => {
  const r = parseReport(bad('mixed-encoding.txt'));
  assert.is(r.input.encoding, 'utf-8+gb18030');
  const d = r.diagnostics.find((x) => x.code === 'decode-mixed');
  assert.ok(d);
  assert.is((d.actual as number[])[0], 22);
  assert.equal(values(r), values(seed));
});

test('UTF-16 with a byte-order mark', () => {
  const r = parseReport(bad('utf16-bom.txt'));
  assert.is(r.input.encoding, 'utf-16le');
  assert.equal(values(r), values(seed));
});

test('numbers no count can be: each null or kept, each with its code', () => {
  const t = parseReport(bad('numbers.txt')).tables[0]!;
  const got = (id: string) => [t.indicators.find((i) => i.id === id)?.value, t.diagnostics.filter((d) => d.id === id).map((d) => d.code)];
  assert.equal(got('active.total'), [null, ['value-not-a-number', 'blank-total']], '1e400; then blank against its channels');
  assert.equal(got('active.normative_docs'), [null, ['value-not-a-number']], 'NaN');
  assert.equal(got('active.normative_docs_issued'), [null, ['value-glued-digits']], '19 full-width nines');
  assert.equal(got('active.channels.gazette'), [346085376, ['value-glued-digits']], 'kept, flagged');
  assert.equal(got('active.channels.website'), [-5, ['value-negative']]);
  assert.equal(got('active.channels.weibo'), [null, ['value-ambiguous-separator']], '1,23');
  assert.equal(got('active.channels.wechat'), [2.5, ['value-fraction-in-count']]);
  assert.equal(got('active.channels.other'), [null, ['value-not-a-number']], 'Infinity');
});

test('control characters and lone surrogates in cells', () => {
  const text = [
    '| 统计指标 | 单位 | 统计数 |',
    '| （一）主动公开\u0000政府信息数\u0007 | 条 | 2\u0001 |',
    '| 制发规范性文件总数\ud800 | 件 | \udfff3 |',
    '| 1.政府公报公开政府信息数 | 条 | 5 |',
    '| 2.政府网站公开政府信息数 | 条 | 6 |',
  ].join('\n');
  const r = parseReport(text);
  const t = r.tables[0]!;
  for (const i of t.indicators) assert.ok(i.value === null || t.diagnostics.some((d) => d.id === i.id) || /^\d+$/.test(i.raw.trim()), `${i.id} has a plain number or a diagnostic`);
  assert.is(t.indicators.find((i) => i.id === 'active.channels.website')?.value, 6);
  JSON.stringify(r);
});

test('a 200 MB line without a newline is refused by size, at once', () => {
  const huge = new Uint8Array(200 * 1024 * 1024).fill(0x61);
  assert.is(
    timed(2000, () => errorOf(() => parseReport(huge))),
    'input-too-large',
  );
  assert.is(
    errorOf(() => parseReport(readFixture('tables', 'seed003-2014-pipe', 'input.txt'), { maxBytes: 100 })),
    'input-too-large',
  );
});

test('the command line refuses an oversized file before reading it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-'));
  const path = join(dir, 'huge.txt');
  writeFileSync(path, new Uint8Array(51 * 1024 * 1024).fill(0x61));
  const io = fakeIO();
  assert.is(await main(['parse', path, fixture('tables', 'seed003-2014-pipe', 'input.txt')], io), 1);
  assert.match(io.err(), /huge\.txt: input-too-large/);
  assert.is(JSON.parse(io.out()).length, 1, 'the other file is still parsed');
});

test('HTML nested 100,000 levels deep: bounded; inside a table the depth limit is reported', () => {
  const around = `<html><body>${'<div>'.repeat(100_000)}<p>正文</p>${'</div>'.repeat(100_000)}</body></html>`;
  const r1 = timed(20_000, () => parseReport(around));
  assert.ok(r1.diagnostics.some((d) => d.code === 'no-table-found'));
  const inside = `<html><body><table><tr><td>统计指标</td><td>${'<div>'.repeat(100_000)}1${'</div>'.repeat(100_000)}</td></tr></table></body></html>`;
  const r2 = timed(20_000, () => parseReport(inside));
  assert.ok(r2.diagnostics.some((d) => d.code === 'limit-depth'));
});

test('a table of 100,000 columns: bounded time, numbers outside the known columns reported', () => {
  const wide = Array.from({ length: 100_000 }, (_, i) => String(i)).join(' | ');
  const text = ['| 统计指标 | 单位 | 统计数 |', `| （一）主动公开政府信息数 | 条 | 24 | ${wide} |`, '| 1.政府公报公开政府信息数 | 条 | 5 |', '| 2.政府网站公开政府信息数 | 条 | 6 |'].join('\n');
  const r = timed(20_000, () => parseReport(text));
  const t = r.tables[0]!;
  assert.is(t.indicators.find((i) => i.id === 'active.total')?.value, 24);
  const stray = t.diagnostics.find((d) => d.code === 'extra-values');
  assert.is(stray?.actual, 100_000);
});

test('a header with thousands of value columns reads only the first ones', () => {
  const heads = Array.from({ length: 5000 }, (_, i) => `列${i}`).join(' | ');
  const text = [`| 统计指标 | 单位 | ${heads} |`, '| （一）主动公开政府信息数 | 条 | 24 |', '| 1.政府公报公开政府信息数 | 条 | 5 |', '| 2.政府网站公开政府信息数 | 条 | 6 |'].join('\n');
  const r = timed(20_000, () => parseReport(text));
  assert.is(r.tables.length, 16);
  assert.ok(r.tables[0]?.diagnostics.some((d) => d.code === 'limit-columns'));
});

test('HTML spans that would allocate millions of cells are refused with limit-cells', () => {
  const html = `<table>${'<tr><td colspan="1000">统计指标</td></tr>'.repeat(5000)}</table>`;
  const r = timed(20_000, () => parseReport(html));
  assert.ok(r.diagnostics.some((d) => d.code === 'limit-cells'));
});

test('parseReportAsync throws only ParseError for every corpus file', async () => {
  for (const name of ['empty.txt', 'noise.bin', 'png-named.xls', 'truncated.xlsx', 'zip-bomb.xlsx']) {
    await parseReportAsync(bad(name)).then(
      () => assert.unreachable(name),
      (e) => assert.ok(e instanceof ParseError, name),
    );
  }
});

test.run();
