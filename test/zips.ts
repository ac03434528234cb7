// ZIP containers built byte by byte for the boundary tests: parts that declare
// sizes other than their own, and Word documents of any size.
import { crc32, deflateRawSync } from 'node:zlib';

/** A ZIP of the given parts (deflated), each optionally declaring another inflated size than its own. */
export function zipOf(parts: { name: string; data: Uint8Array; declare?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = deflateRawSync(p.data, { level: 1 });
    const size = p.declare ?? p.data.length;
    // The 26 bytes a local header and its central directory record share: version, flags, method, time, CRC, sizes, name length.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(8, 4);
    common.writeUInt32LE(crc32(p.data), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(size, 18);
    common.writeUInt16LE(name.length, 22);
    const head = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), common]);
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    const dir = Buffer.concat([Buffer.from([0x50, 0x4b, 1, 2, 20, 0]), common, tail]);
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
export function wordOf(mb: number, declare?: number): Uint8Array {
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

/** An .xlsx whose one sheet is `mb` megabytes of rows, declaring `declare` bytes when given. */
export function bookOf(mb: number, declare?: number): Uint8Array {
  const row = '<row><c t="n"><v>1</v></c></row>';
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(Math.ceil((mb * 1024 * 1024) / row.length))}</sheetData></worksheet>`;
  const enc = (s: string) => new TextEncoder().encode(s);
  const main = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: enc(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: enc(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${main}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: enc(
        `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${main}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${main}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: enc(sheet), ...(declare === undefined ? {} : { declare }) },
  ]);
}
