// Stage 1: bytes → text. Decides the input kind from the content (never the
// file name) and the encoding by BOM → <meta charset> → UTF-8 validity →
// GB18030. The whole GB family is decoded as gb18030: it is a superset of
// gb2312 and gbk, and Node 20's "gbk" decoder mangles 4-byte sequences.

import { diagnostic, ParseError } from '../core/diagnostics.js';
import type { DecodedInput, Diagnostic, InputKind } from '../core/types.js';

export interface DecodeResult extends DecodedInput {
  diagnostics: Diagnostic[];
}

const SIGNATURES: { bytes: number[]; kind: InputKind | 'binary'; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'xlsx', what: 'a ZIP container (.xlsx/.docx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'xls', what: 'a compound document (.xls/.et/.doc)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'binary', what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'binary', what: 'a JPEG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'pdf', what: 'a PDF document' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'binary', what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], kind: 'binary', what: 'gzip-compressed data' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Identify container formats by magic number. Returns null for text-like input. */
export function sniffContainer(bytes: Uint8Array): { kind: InputKind | 'binary'; what: string } | null {
  for (const sig of SIGNATURES) if (startsWith(bytes, sig.bytes)) return { kind: sig.kind, what: sig.what };
  return null;
}

const CHARSET_ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'gb_2312-80': 'gb18030',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The charset named by a `<meta charset=…>` or `content="…; charset=…"` in the first bytes. */
function metaCharset(bytes: Uint8Array): string | null {
  // Only ASCII matters for the declaration; latin1 maps bytes 1:1 so offsets stay simple.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).toLowerCase();
  const m = /<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_:.-]{1,40})/.exec(head);
  if (!m?.[1]) return null;
  return CHARSET_ALIASES[m[1]] ?? null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', skip: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Shares of NUL bytes and of other C0 control bytes (besides tab/CR/LF/FF/ESC) in the first 8 KiB. */
function controlShares(bytes: Uint8Array): { nul: number; control: number } {
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) bad++;
  }
  return n === 0 ? { nul: 0, control: 0 } : { nul: nul / n, control: (nul + bad) / n };
}

/** Text or HTML? HTML when the start looks like markup or the text contains a table element. */
function textKind(text: string): 'html' | 'text' {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'))) return 'html';
  if (/<table[\s>]/i.test(text) && /<\/t[dh]>/i.test(text)) return 'html';
  if (/<(body|div|p|head|meta)[\s>]/i.test(head)) return 'html';
  return 'text';
}

export interface DecodeOptions {
  file?: string;
  /** Force an encoding instead of detecting one. */
  encoding?: string;
}

/** Decode a string or bytes into text, with the kind and encoding detected. */
export function decode(input: string | Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const diagnostics: Diagnostic[] = [];
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.trim() === '') throw new ParseError('input-empty', {}, { file: options.file });
    return { text, encoding: 'utf-16', kind: textKind(text), diagnostics };
  }
  if (input.length === 0) throw new ParseError('input-empty', { what: 'zero' }, { file: options.file });
  const container = sniffContainer(input);
  if (container) {
    // Containers are opened by read-input.ts; here they can only be refused.
    const why = container.kind === 'binary' ? 'input-binary' : 'input-unsupported';
    throw new ParseError(why, why === 'input-binary' ? { what: container.what } : { what: 'container', container: container.what }, { file: options.file });
  }
  const bom = bomEncoding(input);
  let encoding = options.encoding ?? bom?.encoding ?? null;
  const body = bom ? input.subarray(bom.skip) : input;
  const shares = controlShares(input);
  // Text has no NUL bytes (UTF-16 without a BOM is the exception, and is not read either).
  if (!encoding && (shares.nul > 0.01 || shares.control > 0.1)) {
    throw new ParseError(
      'input-binary',
      {},
      {
        file: options.file,
      },
    );
  }
  encoding ??= metaCharset(input);
  // One strict UTF-8 pass answers both "is the declaration right" and "is undeclared text UTF-8".
  let utf8: string | null = null;
  if (encoding === null || encoding === 'utf-8') utf8 = strictUtf8(body);
  if (encoding === 'utf-8' && utf8 === null) encoding = null; // a wrong declaration is common
  if (encoding === null && utf8 !== null) encoding = 'utf-8';
  if (encoding === null) {
    const mixed = decodeMixed(body);
    if (mixed) {
      diagnostics.push(
        diagnostic(
          'decode-mixed',
          { count: mixed.gbLines.length, first: mixed.gbLines[0] ?? null },
          {
            actual: mixed.gbLines.slice(0, 50),
          },
        ),
      );
      if (mixed.text.trim() === '') throw new ParseError('input-empty', { what: 'whitespace' }, { file: options.file });
      return { text: mixed.text, encoding: 'utf-8+gb18030', kind: textKind(mixed.text), diagnostics };
    }
  }
  encoding ??= 'gb18030';
  let text: string;
  try {
    text = encoding === 'utf-8' && utf8 !== null ? utf8 : new TextDecoder(encoding).decode(body);
  } catch (cause) {
    throw new ParseError('input-unsupported', { what: 'encoding', encoding }, { file: options.file, cause });
  }
  const replaced = countChar(text, '\uFFFD');
  if (replaced > 0) {
    // A strict UTF-8 decode replaces nothing: those U+FFFD were in the file already (damaged before it was saved).
    diagnostics.push(diagnostic('decode-replacement', { count: replaced, inFile: text === utf8, encoding }, { actual: replaced }));
  }
  if (text.trim() === '') throw new ParseError('input-empty', { what: 'whitespace' }, { file: options.file });
  return { text, encoding, kind: textKind(text), diagnostics };
}

const HAN = /[\u3400-\u9fff]/;

/**
 * Files pasted together from two sources mix UTF-8 and GB18030 lines. When
 * some non-ASCII lines are valid UTF-8 that reads as Chinese and others are
 * not valid UTF-8 at all, decode line by line; otherwise null (one encoding).
 */
function decodeMixed(body: Uint8Array): { text: string; gbLines: number[] } | null {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gb = new TextDecoder('gb18030');
  const parts: string[] = [];
  const gbLines: number[] = [];
  let utf8Han = 0;
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    const chunk = body.subarray(start, end);
    let text: string;
    try {
      text = utf8.decode(chunk);
      if (HAN.test(text)) utf8Han++;
    } catch {
      text = gb.decode(chunk);
      gbLines.push(line);
    }
    parts.push(text);
    start = end + 1;
    if (end === body.length) break;
  }
  // Two-byte GBK pairs can pass as UTF-8 by chance; only Chinese read both ways makes a mixed file.
  return utf8Han >= 2 && gbLines.length > 0 ? { text: parts.join('\n'), gbLines } : null;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
