// Excel and Word returns, the blank form, convert and aggregate.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { parseReport, parseReportAsync, ParseError } from '../src/index.js';
import { main } from '../src/cli/main.js';
import { fakeIO, fixture, readFixture, returnValues } from './helpers.js';

const read = (r: { tables: { indicators: { id: string; value: number | null }[] }[] }) => Object.fromEntries(r.tables.flatMap((t) => t.indicators.map((i) => [i.id, i.value])));
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof ParseError ? e.code : `other: ${(e as Error).message}`;
  }
  return 'none';
};

for (const form of ['2014', '2019', '2021']) {
  for (const ext of ['xlsx', 'xls', 'ods', 'csv']) {
    test(`a filled ${form} return (.${ext}) reads back exactly the values filled in`, () => {
      const r = parseReport(readFixture('returns', `${form}-filled.${ext}`), { source: `${form}-filled.${ext}` });
      assert.equal(read(r), returnValues(`${form}-filled`));
      assert.ok(r.tables.every((t) => t.form === form));
      assert.is(r.tables.flatMap((t) => t.checks).filter((c) => c.status === 'fail').length, 0, 'a consistent return passes its checks');
      assert.is(r.input.kind, ext === 'csv' ? 'csv' : ext);
      if (ext === 'csv') assert.is(r.input.encoding, 'gb18030');
    });
  }
}

test('an .ods sheet whose repeats expand past maxCells is skipped with limit-cells, at once; the other sheets are read', () => {
  const zip = XLSX.CFB.read(readFixture('returns', '2021-filled.ods'), { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, 'content.xml') as { content: Uint8Array };
  // 1,048,000 rows of 16,000 filled cells, in 300 bytes.
  const bomb =
    '<table:table table:name="bomb"><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>';
  entry.content = Buffer.from(new TextDecoder().decode(entry.content).replace('</office:spreadsheet>', `${bomb}</office:spreadsheet>`));
  const ods = new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }));
  const t = Date.now();
  const r = parseReport(ods);
  assert.ok(Date.now() - t < 5000, `took ${Date.now() - t} ms`);
  assert.equal(read(r), returnValues('2021-filled'));
  const limit = r.diagnostics.find((d) => d.code === 'limit-cells');
  assert.is(limit?.cell?.sheet, 'bomb');
  assert.is(limit?.actual, 1_048_000 * 16_000);
  assert.not.ok(
    r.diagnostics.some((d) => d.code === 'workbook-damaged'),
    'LibreOffice number formats are no damage',
  );
});

test('a table nested in an .ods cell is left out, named, and the outer sheet is read whole', () => {
  const zip = XLSX.CFB.read(readFixture('returns', '2021-filled.ods'), { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, '/content.xml') as { content: Uint8Array };
  const inner =
    '<table:table table:name="inner"><table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:table-row></table:table>';
  entry.content = Buffer.from(new TextDecoder().decode(entry.content).replace(/(<table:table-cell[^>]*office:value-type="float"[^>]*><text:p>\d+<\/text:p>)/, `$1${inner}`));
  const r = parseReport(new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' })));
  assert.equal(read(r), returnValues('2021-filled'));
  const d = r.diagnostics.find((x) => x.code === 'workbook-damaged');
  assert.is(d?.cell?.sheet, '二、主动公开政府信息情况');
  assert.is(d?.actual, 1);
});

test('shared-string indices that point nowhere (999999999, -1, __proto__) empty their cells, named; the rest of the sheet is read', () => {
  const sst = XLSX.write(XLSX.read(readFixture('returns', '2021-filled.xlsx')), { type: 'buffer', bookType: 'xlsx', bookSST: true });
  const whole = read(parseReport(new Uint8Array(sst)));
  for (const bad of ['999999999', '-1', '__proto__']) {
    const zip = XLSX.CFB.read(sst, { type: 'buffer' });
    const entry = XLSX.CFB.find(zip, '/xl/worksheets/sheet2.xml') as { content: Uint8Array };
    // The label of the sheet's sixth row.
    entry.content = Buffer.from(new TextDecoder().decode(entry.content).replace(/(<c r="A6"[^>]*t="s"[^>]*><v>)\d+/, `$1${bad}`));
    const r = parseReport(new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true })));
    const d = r.diagnostics.find((x) => x.code === 'workbook-damaged');
    assert.is(d?.cell?.ref, 'A6', bad);
    assert.is(d?.cell?.sheet, '三、收到和处理政府信息公开申请情况');
    const got = read(r);
    const lost = Object.keys(whole).filter((id) => got[id] !== whole[id]);
    assert.ok(lost.length > 0 && lost.length <= 10, `only the damaged row's values are missing (${lost.length})`);
    assert.ok(Object.keys(got).length > 190, 'the rest of table 三 is read');
  }
});

test('a <dimension> claiming A1:XFD1048576 around a few real rows is read as those rows', () => {
  const zip = XLSX.CFB.read(readFixture('returns', '2021-filled.xlsx'), { type: 'buffer' });
  for (const path of zip.FullPaths as string[]) {
    if (!/worksheets\/sheet\d+\.xml$/.test(path)) continue;
    const entry = XLSX.CFB.find(zip, path) as { content: Uint8Array };
    entry.content = Buffer.from(new TextDecoder().decode(entry.content).replace(/<dimension[^>]*>/, '<dimension ref="A1:XFD1048576"/>'));
  }
  const r = parseReport(new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true })));
  assert.equal(read(r), returnValues('2021-filled'));
  assert.equal(r.diagnostics, []);
  // A sheet that really holds more rows than are parsed is refused, not read in part.
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(Array.from({ length: 100_001 }, (_, i) => [i])), 'long');
  const long = parseReport(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
  assert.is(long.diagnostics.find((d) => d.code === 'limit-cells')?.cell?.sheet, 'long');
});

test('workbook values carry sheet and A1 reference', () => {
  const r = parseReport(readFixture('returns', '2021-filled.xlsx'));
  const cell = r.tables.find((t) => t.table === 'apply')?.indicators.find((i) => i.id === 'apply.new_received.natural_person')?.cell;
  assert.equal(cell, { row: 4, col: 3, sheet: '三、收到和处理政府信息公开申请情况', ref: 'D5' });
});

test('a Word return: tables through mammoth, merged cells included', async () => {
  const r = await parseReportAsync(readFixture('returns', '2014-return.docx'));
  assert.is(r.input.kind, 'docx');
  assert.equal(read(r), returnValues('2014-return'));
  assert.is(
    code(() => parseReport(readFixture('returns', '2014-return.docx'))),
    'input-unsupported',
    'the sync API says to use the async one',
  );
});

test('raw values: numbers stay numbers, formulas give their cached value, hidden rows are read, text numbers parse', () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['统计指标', '单位', '统计数'],
    ['（一）主动公开政府信息数', '条', { t: 'n', v: 13612, w: '13,612', z: '#,##0' }],
    ['1.政府公报公开政府信息数', '条', { t: 'n', v: 12, f: 'C4+C5' }],
    ['2.政府网站公开政府信息数', '条', '24条'],
    ['3.政务微博公开政府信息数', '条', "'7"],
  ]);
  ws['!rows'] = [{}, {}, { hidden: true }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  const r = parseReport(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
  const v = read(r);
  assert.equal([v['active.total'], v['active.channels.gazette'], v['active.channels.website']], [13612, 12, 24]);
  assert.is(v['active.channels.weibo'], null, "'7 is text with a quote mark: not silently a number");
  assert.ok(r.tables[0]?.diagnostics.some((d) => d.code === 'value-not-a-number' && d.id === 'active.channels.weibo'));
});

test('an Excel 95 return with its text in GBK (code page 936) reads as the others, also in a batch worker', async () => {
  // fixtures/returns/2014-excel95-gbk.xls (scripts/fixtures/make-biff5-fixture.mjs): labels only readable with code pages.
  const file = fixture('returns', '2014-excel95-gbk.xls');
  const direct = parseReport(readFileSync(file));
  assert.equal(read(direct), returnValues('2014-filled'));
  assert.is(direct.tables[0]?.location.sheet, '政府信息公开情况统计表');
  // convert's workers load the code pages themselves (parseReportAsync), not through the package entry
  const out = join(mkdtempSync(join(tmpdir(), 'zfxxgk-')), 'o.jsonl');
  assert.is(await main(['convert', file, '--out', out], fakeIO()), 0);
  assert.equal(read(JSON.parse(readFileSync(out, 'utf8'))), returnValues('2014-filled'));
});

test('WPS .et is read as the compound document it is; a Word .doc is refused by name', () => {
  const bytes = readFixture('returns', '2014-filled.xls');
  assert.equal(read(parseReport(bytes, { source: 'return.et' })), returnValues('2014-filled'));
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'WordDocument', new Uint8Array(600));
  const doc = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
  assert.is(
    code(() => parseReport(doc, { source: 'x.doc' })),
    'input-unsupported',
  );
});

test('damaged containers and zip bombs end in specific codes', () => {
  const xlsx = readFixture('returns', '2014-filled.xlsx');
  assert.is(
    code(() => parseReport(xlsx.subarray(0, 2000))),
    'input-corrupt',
  );
  // Declare a 4 GB entry in the central directory: refused before anything is inflated.
  const bomb = Uint8Array.from(xlsx);
  const eocd = bomb.lastIndexOf(0x06) - 3;
  const cd = new DataView(bomb.buffer).getUint32(eocd + 16, true);
  new DataView(bomb.buffer).setUint32(cd + 24, 0xfffffff0, true);
  assert.is(
    code(() => parseReport(bomb)),
    'limit-decompressed',
  );
  assert.is(
    code(() => parseReport(xlsx, { maxUnzippedBytes: 1000 })),
    'limit-decompressed',
  );
});

test('zfxxgk template: the blank form of each form reads back as that form with every cell blank', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-'));
  // 表四's value row is a run of blank cells with no label: the blank form of a known layout still gives its 15 cells, blank.
  for (const [form, cells] of [
    ['2014', 60],
    ['2019', 198],
    ['2021', 200],
  ] as const) {
    const out = join(dir, `blank-${form}.xlsx`);
    assert.is(await main(['template', form, '--out', out], fakeIO()), 0);
    const r = parseReport(readFileSync(out));
    assert.ok(r.tables.every((t) => t.form === form));
    const all = r.tables.flatMap((t) => t.indicators);
    assert.is(all.length, cells);
    assert.ok(all.every((i) => i.value === null));
    if (form !== '2014') assert.ok(r.tables.find((t) => t.table === 'appeals')?.diagnostics.some((d) => d.code === 'blank-form'));
  }
  assert.is(await main(['template', '2030', '--out', join(dir, 'x.xlsx')], fakeIO()), 2);
});

test('zfxxgk convert: a folder of mixed files into every format, broken files listed, order deterministic', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-'));
  const inputs = join(dir, 'in');
  mkdirSync(join(inputs, 'sub'), { recursive: true });
  copyFileSync(fixture('tables', 'seed003-2014-pipe', 'input.txt'), join(inputs, 'a-seed.txt'));
  copyFileSync(fixture('tables', '2021-html', 'input.html'), join(inputs, 'b-page.html'));
  copyFileSync(fixture('returns', '2019-filled.xlsx'), join(inputs, 'sub', 'c.xlsx'));
  copyFileSync(fixture('returns', '2014-filled.xls'), join(inputs, 'sub', 'd.xls'));
  copyFileSync(fixture('returns', '2014-return.docx'), join(inputs, 'sub', 'e.docx'));
  writeFileSync(join(inputs, 'f-broken.xlsx'), Buffer.from('PK\u0003\u0004broken'));
  writeFileSync(join(inputs, 'g-empty.txt'), '');
  writeFileSync(join(inputs, 'notes.wps'), 'ignored: not an input kind');
  for (const ext of ['json', 'jsonl', 'csv', 'xlsx']) {
    const io = fakeIO();
    const out = join(dir, `out.${ext}`);
    assert.is(await main(['convert', inputs, '--out', out], io), 1, 'exit 1: some files failed');
    assert.match(io.err(), /f-broken\.xlsx: input-corrupt/);
    assert.match(io.err(), /g-empty\.txt: input-empty/);
    assert.match(io.err(), /5 of 7 file\(s\) converted/);
    if (ext === 'json') {
      const docs = JSON.parse(readFileSync(out, 'utf8'));
      assert.equal(
        docs.map((d: { source: string }) => d.source.slice(inputs.length + 1)),
        ['a-seed.txt', 'b-page.html', 'sub/c.xlsx', 'sub/d.xls', 'sub/e.docx'],
      );
    }
    if (ext === 'csv') {
      const text = readFileSync(out);
      assert.equal([...text.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
      assert.match(text.toString('utf8'), /,2014,stats,org\.staff,8,人,8个,61,1,/);
    }
    if (ext === 'xlsx') assert.equal(XLSX.read(readFileSync(out)).SheetNames, ['indicators', 'checks', 'diagnostics']);
  }
  assert.equal(readdirSync(dir).sort(), ['in', 'out.csv', 'out.json', 'out.jsonl', 'out.xlsx'], 'no temporary file left');
});

test('zfxxgk convert: a file that needs more memory than a worker may use is reported, not fatal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-'));
  const io = fakeIO();
  // 8 MB of heap is too little for any parse: the worker runs out and the file is listed with limit-memory
  assert.is(await main(['convert', fixture('returns', '2021-filled.xlsx'), '--out', join(dir, 'o.jsonl'), '--max-memory', '8', '--threads', '1'], io), 1);
  assert.match(io.err(), /2021-filled\.xlsx: limit-memory: /);
  assert.match(io.err(), /0 of 1 file\(s\) converted/);
});

test('zfxxgk aggregate: cell-by-cell sums, per-agency failures, forms never mixed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-'));
  const agencies = JSON.parse(readFixture('returns', 'agencies.values.json').toString('utf8')) as Record<string, Record<string, number>>;
  const files = ['a', 'b', 'c'].map((k) => fixture('returns', `agency-${k}-2021.xlsx`));
  const io = fakeIO();
  assert.is(await main(['aggregate', ...files, '--out', join(dir, 'region.json')], io), 0);
  const region = JSON.parse(readFileSync(join(dir, 'region.json'), 'utf8'));
  const summed = read(region);
  for (const id of Object.keys(agencies.a ?? {})) {
    const hand = (agencies.a?.[id] ?? 0) + (agencies.b?.[id] ?? 0) + (agencies.c?.[id] ?? 0);
    assert.is(summed[id], hand, id);
  }
  assert.equal(
    region.aggregate.inputs.map((i: { failed: string[] }) => i.failed),
    [[], ['apply.balance.natural_person', 'apply.carried_forward.total = sum(applicants)'], []],
  );
  assert.match(io.err(), /某某区第2局: 2 failed check\(s\)/, 'named by its 填报单位 line');
  assert.equal(
    region.aggregate.inputs.map((i: { agency: string }) => i.agency),
    ['某某区第1局', '某某区第2局', '某某区第3局'],
  );
  // the workbook output is the official form, filled, and reads back as the same sums
  assert.is(await main(['aggregate', ...files, '--out', join(dir, 'region.xlsx')], fakeIO()), 0);
  assert.equal(read(parseReport(readFileSync(join(dir, 'region.xlsx')))), summed);
  const mixed = fakeIO();
  assert.is(await main(['aggregate', files[0] as string, fixture('returns', '2019-filled.xlsx'), '--out', join(dir, 'x.json')], mixed), 1);
  assert.match(mixed.err(), /aggregate-mixed-forms/);
});

test.run();
