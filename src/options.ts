// What a caller may set for one parse, and the limits that bound it.

import type { Catalogue } from './catalogue/index.js';
import { ParseError } from './core/diagnostics.js';
import type { Language } from './core/messages.js';

export interface ParseOptions {
  /** Name of the input, echoed as `source` and used in errors. */
  source?: string;
  /** Force a text encoding instead of detecting it. */
  encoding?: string;
  /** Use another catalogue than the one in templates/. */
  catalogue?: Catalogue;
  /** Largest input accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Most tables read from one document (default 1,000). */
  maxTables?: number;
  /** Most cells in one table or sheet (default 2,000,000). */
  maxCells?: number;
  /** Most bytes a ZIP container (.xlsx/.docx/.ods) may declare it inflates to (default 200 MB). */
  maxUnzippedBytes?: number;
  /** Most entries in a ZIP container (default 10,000). */
  maxZipEntries?: number;
  /** Most bytes one XML part of a container (a sheet, a Word document body) may inflate to (default 32 MB). */
  maxXmlBytes?: number;
  /** Deepest HTML element nesting searched for tables (default 10,000). */
  maxDepth?: number;
  /** Most pages read from a PDF (default 200). */
  maxPages?: number;
  /** Called as the stages run (a page shows it while a large workbook is read). */
  onProgress?: (progress: Progress) => void;
  /** Language of messages: 'en' (default) or 'zh'. Codes and data are the same in both. */
  lang?: Language;
}

export interface Progress {
  stage: 'read' | 'extract' | 'tables' | 'prose' | 'done';
  /** For `tables`: grids read so far, of `total`. */
  done?: number;
  total?: number;
}

export const DEFAULT_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxTables: 1000,
  maxCells: 2_000_000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxXmlBytes: 32 * 1024 * 1024,
  maxDepth: 10_000,
  maxPages: 200,
} as const;

/** Cells in one row beyond which it is no table row (the HTML standard's colspan clamp): a fixed bound, not an option. */
export const MAX_ROW_CELLS = 1000;

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };

/** The options every stage reads, with defaults filled in. */
export interface Settings {
  file?: string;
  encoding?: string;
  limits: Limits;
  progress: (progress: Progress) => void;
  lang: Language;
}

/** The settings of checked options (checkOptions in options-check.ts, or options the CLI built itself). */
export function settingsOf(options: ParseOptions): Settings {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const v = options[k];
    if (typeof v === 'number') limits[k] = v;
  }
  return {
    ...(options.source ? { file: options.source } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    limits,
    progress: options.onProgress ?? ((): void => undefined),
    lang: options.lang ?? 'en',
  };
}

/** UTF-8 length of a string, counted without encoding it (a 90 MB CJK string is about 270 MB of bytes). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** What a caller may hand in as a report: text, or bytes in any of the shapes a browser or Node gives them. */
export function inputOf(input: unknown): string | Uint8Array {
  if (typeof input === 'string' || input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const what = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input === 'object' ? (input.constructor?.name ?? 'an object') : typeof input;
  throw new ParseError('invalid-argument', { what: 'input', got: what });
}
