// What is inside a ZIP or compound-document (CFB) container, decided from its
// own directory, never from the file name: .xlsx, .docx and .ods are ZIPs;
// .xls, WPS .et and Word .doc are CFBs. The ZIP's central directory is read
// here, before anything is inflated, so that a zip bomb is refused by the
// sizes it declares.

import * as XLSX from 'xlsx';
import { ParseError } from '../core/diagnostics.js';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/** The entries of a ZIP's central directory; throws input-corrupt when there is none. */
function zipEntries(bytes: Uint8Array, file?: string): ZipEntry[] {
  const where = file ? { file } : {};
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ParseError('input-corrupt', 'The ZIP container has no central directory: the file is truncated or damaged.', where);
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) {
      throw new ParseError('input-corrupt', `The ZIP central directory is damaged at entry ${k + 1} of ${count}.`, where);
    }
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, compressed: u32(bytes, p + 20), uncompressed: u32(bytes, p + 24) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export type ContainerKind = 'xlsx' | 'xls' | 'ods' | 'docx' | 'doc' | 'unknown-zip' | 'unknown-cfb';

export interface ContainerLimits {
  /** Largest total the ZIP's entries may inflate to. */
  maxUnzippedBytes: number;
  /** Most entries a ZIP may have. */
  maxZipEntries: number;
}

/** Kind of a ZIP container after checking its declared sizes against the limits. */
export function zipKind(bytes: Uint8Array, limits: ContainerLimits, file?: string): ContainerKind {
  const where = file ? { file } : {};
  const entries = zipEntries(bytes, file);
  if (entries.length > limits.maxZipEntries) {
    throw new ParseError('limit-decompressed', `The ZIP container has ${entries.length} entries, over the limit of ${limits.maxZipEntries}.`, where);
  }
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (total > limits.maxUnzippedBytes) {
    throw new ParseError(
      'limit-decompressed',
      `The ZIP container would inflate to ${total} bytes, over the limit of ${limits.maxUnzippedBytes} (option maxUnzippedBytes): refused as a possible zip bomb.`,
      where,
    );
  }
  // Two entries of one name: readers disagree on which wins, so which table is read would be chance.
  const seen = new Set<string>();
  const twice = [...new Set(entries.filter((e) => seen.size === seen.add(e.name).size).map((e) => e.name))];
  if (twice.length > 0) throw new ParseError('input-corrupt', `The ZIP container has several entries named ${twice.slice(0, 5).join(', ')}: which one holds the table cannot be told.`, where);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('content.xml') && names.has('mimetype')) return 'ods';
  return 'unknown-zip';
}

/** Kind of a compound document: a workbook (.xls, WPS .et) or a Word .doc. */
export function cfbKind(bytes: Uint8Array, file?: string): ContainerKind {
  let paths: string[];
  try {
    paths = XLSX.CFB.read(bytes, { type: 'array' }).FullPaths;
  } catch (cause) {
    throw new ParseError('input-corrupt', 'The compound document (.xls/.et/.doc) is truncated or damaged.', { ...(file ? { file } : {}), cause });
  }
  const streams = new Set(paths.map((p) => p.replace(/^.*\//, '').toLowerCase()));
  if (streams.has('workbook') || streams.has('book')) return 'xls';
  if (streams.has('worddocument')) return 'doc';
  return 'unknown-cfb';
}
