// The library's boundary: every input a browser or Node hands over is
// accepted, anything else is refused with invalid-argument naming the
// argument; options are checked, never ignored; ZIP entries are never
// trusted for their sizes or names.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReport, parseReportAsync } from '../src/index.js';
import { fixture } from './helpers.js';
import { bookOf, wordOf } from './zips.js';

const example = readFileSync(fixture('examples', 'xuejiadao-2017.txt'));
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

test('ArrayBuffer, typed arrays and DataView are bytes like any other; a Blob goes through parseReportAsync', async () => {
  const ab = example.buffer.slice(example.byteOffset, example.byteOffset + example.byteLength);
  for (const input of [ab, new Uint8Array(ab), new DataView(ab), new Int8Array(ab)]) assert.is(parseReport(input).tables[0]?.indicators.length, 60);
  assert.is((await parseReportAsync(new Blob([example]))).tables[0]?.indicators.length, 60);
  assert.is(
    codeOf(() => parseReport(new ArrayBuffer(8))),
    'input-binary',
  );
});

test('inputs and options of the wrong kind: invalid-argument, naming the argument', () => {
  const cases: [unknown, unknown, RegExp][] = [
    [null, undefined, /input must be/],
    [undefined, undefined, /input must be/],
    [5, undefined, /got number/],
    [{}, undefined, /got Object/],
    [true, undefined, /got boolean/],
    [Symbol('x'), undefined, /got symbol/],
    ['x', null, /options must be an object/],
    ['x', { source: 5 }, /option source/],
    ['x', { catalogue: 'x' }, /option catalogue/],
    ['x', { onProgress: 3 }, /option onProgress/],
    ['x', { maxCells: 'abc' }, /option maxCells/],
    ['x', { maxCells: Number.NaN }, /option maxCells/],
    ['x', { maxBytes: '10' }, /option maxBytes/],
    ['x', { encoding: 123 }, /option encoding/],
    ['x', { fromat: 'csv' }, /fromat/],
  ];
  for (const [input, options, message] of cases) {
    try {
      parseReport(input as string, options as object);
      assert.unreachable(`${String(input)} ${JSON.stringify(options)}`);
    } catch (e) {
      assert.is((e as { code?: string }).code, 'invalid-argument', String(e));
      assert.match((e as Error).message, message);
    }
  }
});

test('maxBytes counts the UTF-8 bytes of a string', () => {
  assert.is(
    codeOf(() => parseReport('中'.repeat(20), { maxBytes: 30 })),
    'input-too-large',
  );
  assert.is(
    codeOf(() => parseReport('a'.repeat(20), { maxBytes: 30 })),
    undefined,
  );
});

function zipDirectory(b: Uint8Array): { dv: DataView; entries: { at: number; local: number }[] } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= 0; i--)
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  const entries: { at: number; local: number }[] = [];
  let p = dv.getUint32(eocd + 16, true);
  for (let k = 0; k < dv.getUint16(eocd + 10, true); k++) {
    entries.push({ at: p, local: dv.getUint32(p + 42, true) });
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return { dv, entries };
}

const filledWorkbook = (): Uint8Array => Uint8Array.from(readFileSync(fixture('returns', '2021-filled.xlsx')));

/** The filled 2021 workbook with every entry claiming 10 bytes, in the central directory and in its local header. */
function lyingWorkbook(): Uint8Array {
  const b = filledWorkbook();
  const { dv, entries } = zipDirectory(b);
  for (const e of entries) {
    dv.setUint32(e.at + 24, 10, true);
    dv.setUint32(e.local + 22, 10, true);
  }
  return b;
}

test('a ZIP entry that inflates past what it declares is refused (limit-decompressed), not read', () => {
  const b = lyingWorkbook();
  assert.is(
    codeOf(() => parseReport(b, { maxUnzippedBytes: 1000 })),
    'limit-decompressed',
  );
  assert.is(parseReport(b).tables.length, 3, 'within the default cap the lie changes nothing');
});

test('two ZIP entries of one name are input-corrupt, naming it', () => {
  const b = filledWorkbook();
  const { dv, entries } = zipDirectory(b);
  const names = entries.map((e) => new TextDecoder().decode(b.subarray(e.at + 46, e.at + 46 + dv.getUint16(e.at + 28, true))));
  const sheet = names.findIndex((n) => n === 'xl/worksheets/sheet2.xml');
  const other = names.findIndex((n) => n === 'xl/worksheets/sheet1.xml');
  assert.ok(sheet >= 0 && other >= 0);
  // Rename sheet2 to sheet1 in the central directory (same length).
  b.set(new TextEncoder().encode('xl/worksheets/sheet1.xml'), (entries[sheet]?.at as number) + 46);
  try {
    parseReport(b);
    assert.unreachable();
  } catch (e) {
    assert.is((e as { code?: string }).code, 'input-corrupt');
    assert.match((e as Error).message, /xl\/worksheets\/sheet1\.xml/);
  }
});

test('tables nested 100,000 deep are cut off early with limit-depth, in well under a second a thousand', () => {
  const html = `${'<table><tr><td>'.repeat(100_000)}x${'</td></tr></table>'.repeat(100_000)}`;
  const t = Date.now();
  const r = parseReport(html);
  assert.ok(Date.now() - t < 5000, `took ${Date.now() - t} ms`);
  assert.ok(r.diagnostics.some((d) => d.code === 'limit-depth'));
});

async function asyncCode(input: Uint8Array, options = {}): Promise<string | undefined> {
  try {
    await parseReportAsync(input, options);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

test('honest but huge XML: a .docx body declaring 150 MB is refused before anything is built (limit-decompressed)', async () => {
  const docx = wordOf(150);
  assert.ok(docx.length < 2_000_000, `${docx.length} bytes on disk`);
  const t = Date.now();
  assert.is(await asyncCode(docx), 'limit-decompressed');
  assert.ok(Date.now() - t < 3000, `took ${Date.now() - t} ms`);
  // Within the limit the same construction is read (and holds no table).
  assert.is((await parseReportAsync(wordOf(0.1))).tables.length, 0);
});

test('lying sizes: a .docx body declaring 2 KB that inflates to 100 MB is stopped at the cap, never built', async () => {
  const docx = wordOf(100, 2048);
  const before = process.memoryUsage().rss;
  assert.is(await asyncCode(docx), 'limit-decompressed');
  assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'inflated in bounded memory');
  assert.is(await asyncCode(wordOf(1, 2048), { maxXmlBytes: 512 * 1024 }), 'limit-decompressed', 'the cap is the maxXmlBytes option');
  assert.is(await asyncCode(bookOf(100, 2048)), 'limit-decompressed', 'a sheet lying the same way');
});

test('a sheet declaring more XML than maxXmlBytes, or one lying under it, is limit-decompressed', () => {
  assert.is(
    codeOf(() => parseReport(filledWorkbook(), { maxXmlBytes: 1000 })),
    'limit-decompressed',
  );
  // With no pictures, a lying part inflates no further than an XML part may.
  assert.is(
    codeOf(() => parseReport(lyingWorkbook(), { maxXmlBytes: 1000 })),
    'limit-decompressed',
  );
});

test.run();
