// What a caller may set for one parse, and the limits that bound it.

import type { Catalogue } from './catalogue/index.js';

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
  /** Deepest HTML element nesting searched for tables (default 10,000). */
  maxDepth?: number;
  /** Most pages read from a PDF (default 200). */
  maxPages?: number;
  /** Called as the stages run (a page shows it while a large workbook is read). */
  onProgress?: (progress: Progress) => void;
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
  maxDepth: 10_000,
  maxPages: 200,
} as const;

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };

/** The options every stage reads, with defaults filled in. */
export interface Settings {
  file?: string;
  encoding?: string;
  limits: Limits;
  progress: (progress: Progress) => void;
}

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
  };
}
