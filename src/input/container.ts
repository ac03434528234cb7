// What is inside a ZIP or compound-document (CFB) container, decided from its
// own directory, never from the file name: .xlsx, .docx and .ods are ZIPs;
// .xls, WPS .et and Word .doc are CFBs. The ZIP's central directory is read
// here, before anything is inflated, so that a zip bomb is refused by the
// sizes it declares.

import { library } from '../core/libraries.js';
import { ParseError } from '../core/diagnostics.js';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
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
  if (eocd < 0) throw new ParseError('input-corrupt', { what: 'zip-directory' }, where);
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) {
      throw new ParseError('input-corrupt', { what: 'zip-entry', entry: k + 1, count }, where);
    }
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, compressed: u32(bytes, p + 20), uncompressed: u32(bytes, p + 24), method: u16(bytes, p + 10), offset: u32(bytes, p + 42) });
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
  /** Most bytes one XML part (a sheet, a document body) may inflate to: readers build a tree of it. */
  maxXmlBytes: number;
}

/** Parts readers parse as XML (a sheet, a document body, relations), as against pictures and other media. */
const isXml = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/** Kind of a ZIP container after checking its declared sizes against the limits. */
export function zipKind(bytes: Uint8Array, limits: ContainerLimits, file?: string): ContainerKind {
  const where = file ? { file } : {};
  const entries = zipEntries(bytes, file);
  if (entries.length > limits.maxZipEntries) {
    throw new ParseError('limit-decompressed', { what: 'entries', count: entries.length, limit: limits.maxZipEntries }, where);
  }
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (total > limits.maxUnzippedBytes) {
    throw new ParseError('limit-decompressed', { what: 'total', size: total, limit: limits.maxUnzippedBytes }, where);
  }
  // Two entries of one name: readers disagree on which wins, so which table is read would be chance.
  const seen = new Set<string>();
  const twice = [...new Set(entries.filter((e) => seen.size === seen.add(e.name).size).map((e) => e.name))];
  if (twice.length > 0) throw new ParseError('input-corrupt', { what: 'zip-duplicate', names: twice.slice(0, 20) }, where);
  const xml = entries.find((e) => isXml(e.name) && e.uncompressed > limits.maxXmlBytes);
  if (xml) throw new ParseError('limit-decompressed', { what: 'declared', entry: xml.name, size: xml.uncompressed, limit: limits.maxXmlBytes, option: 'maxXmlBytes' }, where);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('content.xml') && names.has('mimetype')) return 'ods';
  return 'unknown-zip';
}

/**
 * The most one entry of this ZIP may inflate to when SheetJS reads it: enough for its largest
 * declared picture or other medium, and never less than an XML part may hold.
 */
export function inflateCapOf(bytes: Uint8Array, limits: Pick<ContainerLimits, 'maxUnzippedBytes' | 'maxXmlBytes'>): number {
  const media = zipEntries(bytes).filter((e) => !isXml(e.name));
  return Math.min(limits.maxUnzippedBytes, Math.max(limits.maxXmlBytes, ...media.map((e) => e.uncompressed)));
}

/** Bytes an entry inflates to, counted as it streams and given up past `cap` (the rest is never inflated). */
async function inflatedSize(bytes: Uint8Array, entry: ZipEntry, cap: number): Promise<number> {
  const o = entry.offset;
  if (o + 30 > bytes.length || u32(bytes, o) !== 0x04034b50) return -1;
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  // The compressed size may lie as well: the deflate stream ends itself, so read to the file's end at most.
  const data = bytes.subarray(start, Math.min(bytes.length, entry.compressed > 0 ? start + entry.compressed : bytes.length));
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) return -1;
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.length;
      if (total > cap) {
        await reader.cancel();
        return total;
      }
    }
  } catch {
    // A stream cut short by a lying compressed size still counted what it gave.
    return total;
  }
}

/**
 * Inflate every entry of a ZIP under hard caps before a reader that trusts declared sizes sees it
 * (mammoth inflates .docx parts whole): an XML part past `maxXmlBytes`, or all parts together past
 * `maxUnzippedBytes`, is limit-decompressed, whatever the headers say. Memory stays one chunk.
 */
export async function checkInflated(bytes: Uint8Array, limits: Pick<ContainerLimits, 'maxUnzippedBytes' | 'maxXmlBytes'>, file?: string): Promise<void> {
  const where = file ? { file } : {};
  let total = 0;
  for (const entry of zipEntries(bytes, file)) {
    const left = limits.maxUnzippedBytes - total;
    const cap = isXml(entry.name) ? Math.min(limits.maxXmlBytes, left) : left;
    const size = await inflatedSize(bytes, entry, cap);
    if (size > cap) {
      const xml = isXml(entry.name) && size > limits.maxXmlBytes;
      const option = xml ? 'maxXmlBytes' : 'maxUnzippedBytes';
      throw new ParseError('limit-decompressed', { what: 'inflated', entry: entry.name, size: entry.uncompressed, limit: cap, option }, where);
    }
    total += Math.max(0, size);
  }
}

/** Kind of a compound document: a workbook (.xls, WPS .et) or a Word .doc. */
export function cfbKind(bytes: Uint8Array, file?: string): ContainerKind {
  let paths: string[];
  try {
    paths = library('xlsx').CFB.read(bytes, { type: 'array' }).FullPaths;
  } catch (cause) {
    throw new ParseError('input-corrupt', { what: 'compound' }, { ...(file ? { file } : {}), cause });
  }
  const streams = new Set(paths.map((p) => p.replace(/^.*\//, '').toLowerCase()));
  if (streams.has('workbook') || streams.has('book')) return 'xls';
  if (streams.has('worddocument')) return 'doc';
  return 'unknown-cfb';
}
