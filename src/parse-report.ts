// The pipeline, start to end:
// read bytes → decode → extract grids → normalise text → recognise form →
// match labels → parse values → check identities → emit.

import { defaultCatalogue, type Catalogue } from './catalogue.js';
import { checkIdentities } from './check.js';
import { decode } from './decode.js';
import { diagnostic, ParseError } from './diagnostics.js';
import { extractGrids } from './extract/index.js';
import { normalizeGrid } from './labels.js';
import { matchRows } from './match.js';
import { readValues } from './read-values.js';
import { recognizeForm } from './recognize.js';
import type { ReportResult, TableResult } from './schema.js';
import type { Diagnostic, Grid } from './types.js';

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
  /** Most cells in one table (default 2,000,000). */
  maxCells?: number;
}

export const DEFAULT_LIMITS = { maxBytes: 50 * 1024 * 1024, maxTables: 1000, maxCells: 2_000_000 } as const;

/** One grid through normalise → recognise → match → values → checks. */
export function readTable(grid: Grid, catalogue: Catalogue): { tables: TableResult[]; diagnostics: Diagnostic[] } {
  const labelled = normalizeGrid(grid, catalogue.vocabulary);
  const recognised = recognizeForm(labelled, catalogue);
  if (!recognised) {
    const width = grid.rows[0]?.length ?? 0;
    return {
      tables: [],
      diagnostics: [diagnostic('table-not-recognised', `Table ${grid.index} (${grid.rows.length}×${width}${grid.origin.line ? `, line ${grid.origin.line}` : ''}) matches no known form.`, { cell: { table: grid.index, ...(grid.origin.line ? { line: grid.origin.line } : {}) } })],
    };
  }
  const matched = matchRows(labelled, recognised);
  const readings = readValues(labelled, recognised, matched, catalogue);
  const tableIds = new Set(recognised.table.byId.keys());
  const tables = readings.map((reading): TableResult => {
    const { checks, diagnostics } = checkIdentities(reading.indicators, recognised.form.identities, tableIds);
    const location: TableResult['location'] = { index: grid.index, sheet: grid.origin.sheet ?? null, line: grid.origin.line ?? null };
    if (readings.length > 1 && reading.column) location.column = { col: reading.column.col, label: reading.column.label };
    return {
      form: recognised.form.form,
      table: recognised.table.table,
      location,
      indicators: reading.indicators,
      checks,
      diagnostics: [...reading.diagnostics, ...diagnostics],
    };
  });
  const diagnostics = readings.length > 1
    ? [diagnostic('extra-value-columns', `Table ${grid.index} has ${readings.length} value columns (${readings.map((r) => r.column?.label ?? '?').join(', ')}); each is emitted as its own table.`, { cell: { table: grid.index } })]
    : [];
  return { tables, diagnostics };
}

/** Parse a report (bytes or text) into typed, cross-checked indicator tables. */
export function parseReport(input: string | Uint8Array, options: ParseOptions = {}): ReportResult {
  const catalogue = options.catalogue ?? defaultCatalogue();
  const limits = { ...DEFAULT_LIMITS, ...options };
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxBytes) {
    throw new ParseError('input-too-large', `The input has ${size} bytes, over the limit of ${limits.maxBytes} (option maxBytes).`, options.source ? { file: options.source } : {});
  }
  const decoded = decode(input, { ...(options.source ? { file: options.source } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) });
  const grids = extractGrids(decoded);
  const tables: TableResult[] = [];
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  if (grids.length > limits.maxTables) {
    diagnostics.push(diagnostic('limit-tables', `The document has ${grids.length} tables; only the first ${limits.maxTables} were read (option maxTables).`, { actual: grids.length, expected: limits.maxTables }));
  }
  for (const grid of grids.slice(0, limits.maxTables)) {
    const cells = grid.rows.length * (grid.rows[0]?.length ?? 0);
    if (cells > limits.maxCells) {
      diagnostics.push(diagnostic('limit-cells', `Table ${grid.index} has ${cells} cells, over the limit of ${limits.maxCells} (option maxCells); it was not read.`, { cell: { table: grid.index }, actual: cells, expected: limits.maxCells }));
      continue;
    }
    const read = readTable(grid, catalogue);
    tables.push(...read.tables);
    diagnostics.push(...read.diagnostics);
  }
  if (tables.length === 0) {
    const lines = decoded.text.split('\n').length;
    const looked = decoded.kind === 'html' ? 'no <table> element' : "no run of lines with '|' cell separators";
    const seen = grids.length === 0 ? looked : `${grids.length} table(s), none of them a statistics table of a known form (see table-not-recognised)`;
    diagnostics.push(diagnostic('no-table-found', `No statistics table: the ${decoded.kind === 'html' ? 'page' : 'text'} (${decoded.text.length} characters, ${lines} lines) has ${seen}; only prose was found.`, { actual: grids.length }));
  }
  return {
    source: options.source ?? null,
    input: { kind: decoded.kind, encoding: decoded.encoding },
    meta: { title: null, agency: null, year: null },
    tables,
    prose: { form: tables[0]?.form ?? null, indicators: [], checks: [] },
    diagnostics,
  };
}
