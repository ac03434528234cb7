// The pipeline, start to end:
// read bytes → decode → extract grids → normalise text → recognise form →
// match labels → parse values → check identities → emit.

import { defaultCatalogue, type Catalogue } from './catalogue.js';
import { checkIdentities } from './check.js';
import { decode } from './decode.js';
import { diagnostic, ParseError } from './diagnostics.js';
import { extractGrids } from './extract/index.js';
import { normalizeGrid, type LabelledGrid } from './labels.js';
import { matchRows } from './match.js';
import { readList } from './read-list.js';
import { readMatrix } from './read-matrix.js';
import { detectListLayout, recognizeAs, recognizeForm, type Recognition } from './recognize.js';
import { reflow } from './reflow.js';
import { segmentGrid } from './segment.js';
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

interface Recognised {
  grid: Grid;
  labelled: LabelledGrid;
  rec: Recognition;
}

function gridPlace(grid: Grid): { table: number; line?: number } {
  return grid.origin.line === undefined ? { table: grid.index } : { table: grid.index, line: grid.origin.line };
}

function notRecognised(grid: Grid): Diagnostic {
  const width = grid.rows[0]?.length ?? 0;
  const at = grid.origin.line ? `, line ${grid.origin.line}` : '';
  return diagnostic('table-not-recognised', `Table ${grid.index} (${grid.rows.length}×${width}${at}) matches no known form.`, { cell: gridPlace(grid) });
}

/** Where two forms fit a table equally, take the form the document's other tables settle on. */
function settleForms(found: Recognised[], catalogue: Catalogue, diagnostics: Diagnostic[]): Recognised[] {
  const decided = found.filter((f) => f.rec.alternatives.length === 0).map((f) => f.rec.form.form);
  const counts = new Map<string, number>();
  for (const f of decided) counts.set(f, (counts.get(f) ?? 0) + 1);
  // The form most tables settle on; between equals, the later form.
  const majority = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0];
  const settled = found.map((f) => {
    if (f.rec.alternatives.length === 0) return f;
    const options = [f.rec.form, ...f.rec.alternatives].map((x) => x.form);
    if (majority !== undefined && options.includes(majority)) return { ...f, rec: recognizeAs(f.labelled, catalogue, f.rec, majority) };
    const latest = [...options].sort().at(-1) as string;
    diagnostics.push(diagnostic('form-ambiguous', `Table ${f.grid.index} (${f.rec.table.table}) fits forms ${options.join(' and ')} equally; nothing else in the document decides, so form ${latest} is used.`, { cell: gridPlace(f.grid), actual: options }));
    return { ...f, rec: recognizeAs(f.labelled, catalogue, f.rec, latest) };
  });
  const forms = [...new Set(settled.map((f) => f.rec.form.form))];
  if (forms.length > 1) diagnostics.push(diagnostic('form-mixed', `The document's tables follow different forms: ${forms.join(', ')}.`, { actual: forms }));
  return settled;
}

/** One recognised grid through match → values → checks. */
function readRecognised({ grid, labelled: raw, rec: recognised }: Recognised, catalogue: Catalogue): { tables: TableResult[]; diagnostics: Diagnostic[] } {
  const labelled = reflow(raw, recognised, catalogue.units);
  // A reflowed list table has its header row in a new place.
  const rec: Recognition = labelled !== raw && recognised.kind === 'list' ? { ...recognised, layout: detectListLayout(labelled, catalogue.listHeader) } : recognised;
  const readings =
    rec.kind === 'list'
      ? readList(labelled, rec, matchRows(labelled, rec), catalogue).map((r) => ({ ...r, column: r.column }))
      : [{ ...readMatrix(labelled, rec, catalogue), column: null }];
  const tables = readings.map((reading): TableResult => {
    const { checks, virtual, diagnostics } = checkIdentities(reading.indicators, rec.form.identities, rec.table.byId);
    const location: TableResult['location'] = { index: grid.index, sheet: grid.origin.sheet ?? null, line: grid.origin.line ?? null };
    if (readings.length > 1 && reading.column) location.column = { col: reading.column.col, label: reading.column.label };
    return { form: rec.form.form, table: rec.table.table, location, indicators: reading.indicators, virtual, checks, diagnostics: [...reading.diagnostics, ...diagnostics] };
  });
  const diagnostics =
    readings.length > 1
      ? [diagnostic('extra-value-columns', `Table ${grid.index} has ${readings.length} value columns (${readings.map((r) => r.column?.label ?? '?').join(', ')}); each is emitted as its own table.`, { cell: { table: grid.index } })]
      : [];
  return { tables, diagnostics };
}

/** Parse a report (bytes or text) into typed, cross-checked indicator tables. */
export function parseReport(input: string | Uint8Array, options: ParseOptions = {}): ReportResult {
  const catalogue = options.catalogue ?? defaultCatalogue();
  const limits = { ...DEFAULT_LIMITS, ...options };
  const file = options.source ? { file: options.source } : {};
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxBytes) throw new ParseError('input-too-large', `The input has ${size} bytes, over the limit of ${limits.maxBytes} (option maxBytes).`, file);

  const decoded = decode(input, { ...file, ...(options.encoding ? { encoding: options.encoding } : {}) });
  const grids = extractGrids(decoded);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  if (grids.length > limits.maxTables) {
    diagnostics.push(diagnostic('limit-tables', `The document has ${grids.length} tables; only the first ${limits.maxTables} were read (option maxTables).`, { actual: grids.length, expected: limits.maxTables }));
  }
  const found: Recognised[] = [];
  let index = 0;
  for (const grid of grids.slice(0, limits.maxTables)) {
    const cells = grid.rows.length * (grid.rows[0]?.length ?? 0);
    if (cells > limits.maxCells) {
      diagnostics.push(diagnostic('limit-cells', `Table ${grid.index} has ${cells} cells, over the limit of ${limits.maxCells} (option maxCells); it was not read.`, { cell: { table: grid.index }, actual: cells, expected: limits.maxCells }));
      continue;
    }
    for (const part of segmentGrid(normalizeGrid(grid, catalogue.vocabulary), catalogue)) {
      // Tables are numbered in document order, after splitting.
      const labelled = { ...part, grid: { ...part.grid, index: index++ } };
      const rec = recognizeForm(labelled, catalogue);
      if (rec) found.push({ grid: labelled.grid, labelled, rec });
      else diagnostics.push(notRecognised(labelled.grid));
    }
  }
  const tables: TableResult[] = [];
  for (const r of settleForms(found, catalogue, diagnostics)) {
    const read = readRecognised(r, catalogue);
    tables.push(...read.tables);
    diagnostics.push(...read.diagnostics);
  }
  if (tables.length === 0) {
    const lines = decoded.text.split('\n').length;
    const looked = decoded.kind === 'html' ? 'no <table> element' : "no pipe table ('|' cell separators) and no run of short lines that reads as a flattened table";
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
