// The library's boundary: every input a browser or Node hands over is
// accepted, anything else is refused with invalid-argument naming the
// argument; options are checked, never ignored; ZIP entries are never
// trusted for their sizes or names.
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReport, parseReportAsync } from '../src/index.js';
import { fixture } from './helpers.js';

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

/** A ZIP of the given parts (deflated), each optionally declaring another inflated size than its own. */
function zipOf(parts: { name: string; data: Uint8Array; declare?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = deflateRawSync(p.data, { level: 1 });
    const size = p.declare ?? p.data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(p.data), 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(p.data), 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    central.push(dir, name);
    offset += head.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A .docx whose body is `mb` megabytes of one-word paragraphs, declaring `declare` bytes when given. */
function wordOf(mb: number, declare?: number): Uint8Array {
  const para = '<w:p><w:r><w:t>x</w:t></w:r></w:p>';
  const body = `<?xml version="1.0"?><w:document ${W}><w:body>${para.repeat(Math.ceil((mb * 1024 * 1024) / para.length))}</w:body></w:document>`;
  const types =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const enc = (s: string) => new TextEncoder().encode(s);
  return zipOf([
    { name: '[Content_Types].xml', data: enc(types) },
    { name: '_rels/.rels', data: enc(rels) },
    { name: 'word/document.xml', data: enc(body), ...(declare === undefined ? {} : { declare }) },
  ]);
}

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
