// Stage: bytes → a source to extract grids from. Containers are told apart by
// their own directories (ZIP: xlsx/docx/ods; CFB: xls/et/doc); text is
// decoded (decode.ts) and classed as plain text, HTML or CSV by content.

import { decode, sniffContainer } from './decode.js';
import { ParseError } from '../core/diagnostics.js';
import { cfbKind, zipKind, type ContainerLimits } from './container.js';
import type { Diagnostic } from '../core/types.js';
import type { LibraryName } from '../core/libraries.js';

export type Source =
  | { kind: 'text' | 'html' | 'csv'; text: string; encoding: string; diagnostics: Diagnostic[] }
  | { kind: 'xlsx' | 'xls' | 'ods'; bytes: Uint8Array; encoding: 'binary'; diagnostics: Diagnostic[] }
  | { kind: 'docx' | 'pdf'; bytes: Uint8Array; encoding: 'binary'; diagnostics: Diagnostic[] };

export interface ReadOptions extends ContainerLimits {
  file?: string;
  encoding?: string;
}

/** True when most lines split into the same number (≥ 3) of comma- or tab-separated fields. */
function looksLikeCsv(text: string): boolean {
  const lines = text
    .split('\n', 60)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length < 3 || lines.some((l) => l.includes('|'))) return false;
  const counts = new Map<number, number>();
  for (const l of lines) {
    const n = Math.max(l.split(',').length, l.split('\t').length);
    if (n >= 3) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const top = Math.max(0, ...counts.values());
  return top >= lines.length * 0.6;
}

function where(file?: string): { file?: string } {
  return file ? { file } : {};
}

/** The libraries readInput needs for these bytes: a compound document's directory is read with SheetJS's CFB. */
export function librariesToRead(input: unknown): LibraryName[] {
  return input instanceof Uint8Array && sniffContainer(input)?.kind === 'xls' ? ['xlsx'] : [];
}

export function readInput(input: string | Uint8Array, options: ReadOptions): Source {
  if (typeof input !== 'string') {
    const container = sniffContainer(input);
    if (container?.kind === 'xlsx') {
      const kind = zipKind(input, options, options.file);
      if (kind === 'xlsx' || kind === 'ods') return { kind, bytes: input, encoding: 'binary', diagnostics: [] };
      if (kind === 'docx') return { kind, bytes: input, encoding: 'binary', diagnostics: [] };
      throw new ParseError('input-unsupported', { what: 'zip' }, where(options.file));
    }
    if (container?.kind === 'pdf') return { kind: 'pdf', bytes: input, encoding: 'binary', diagnostics: [] };
    if (container?.kind === 'xls') {
      const kind = cfbKind(input, options.file);
      if (kind === 'xls') return { kind, bytes: input, encoding: 'binary', diagnostics: [] };
      if (kind === 'doc') throw new ParseError('input-unsupported', { what: 'doc' }, where(options.file));
      throw new ParseError('input-unsupported', { what: 'compound' }, where(options.file));
    }
  }
  const decoded = decode(input, { ...where(options.file), ...(options.encoding ? { encoding: options.encoding } : {}) });
  const csv = decoded.kind === 'text' && (options.file?.toLowerCase().endsWith('.csv') || looksLikeCsv(decoded.text));
  return { kind: csv ? 'csv' : decoded.kind === 'html' ? 'html' : 'text', text: decoded.text, encoding: decoded.encoding, diagnostics: decoded.diagnostics };
}
