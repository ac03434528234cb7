// The pipeline, start to end:
// read bytes → decode → extract grids → normalise text → recognise form →
// match labels → parse values → check identities → emit.

import { defaultCatalogue, type Catalogue, type FormEntry } from './catalogue.js';
import { checkIdentities } from './check.js';
import { diagnostic, ParseError } from './diagnostics.js';
import { extractGrids } from './extract/index.js';
import { loadCodepages } from './extract/workbook.js';
import { readInput, type Source } from './read-input.js';
import { readMeta } from './meta.js';
import { checkProse, readProse } from './prose.js';
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
  /** Most cells in one table or sheet (default 2,000,000). */
  maxCells?: number;
  /** Most bytes a ZIP container (.xlsx/.docx/.ods) may declare it inflates to (default 200 MB). */
  maxUnzippedBytes?: number;
  /** Most entries in a ZIP container (default 10,000). */
  maxZipEntries?: number;
  /** Deepest HTML element nesting searched for tables (default 10,000). */
  maxDepth?: number;
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
} as const;

type Limits = typeof DEFAULT_LIMITS;

function limitsOf(options: ParseOptions): Limits {
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS)) {
    const v = (options as Record<string, unknown>)[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out as Limits;
}

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

function fileOf(options: ParseOptions): { file?: string } {
  return options.source ? { file: options.source } : {};
}

/** Read bytes into a source, refusing input over the size limit. */
function read(input: string | Uint8Array, options: ParseOptions, limits: Limits): Source {
  options.onProgress?.({ stage: 'read' });
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxBytes) throw new ParseError('input-too-large', `The input has ${size} bytes, over the limit of ${limits.maxBytes} (option maxBytes).`, fileOf(options));
  return readInput(input, { ...fileOf(options), ...(options.encoding ? { encoding: options.encoding } : {}), ...limits });
}

/** The chain from a source: extract grids → normalise → segment → recognise → read → check → emit. */
function parseSource(source: Source, options: ParseOptions, limits: Limits): ReportResult {
  const catalogue = options.catalogue ?? defaultCatalogue();
  const progress = options.onProgress ?? ((): void => undefined);
  progress({ stage: 'extract' });
  const extracted = extractGrids(source, limits);
  const grids = extracted.grids;
  const diagnostics: Diagnostic[] = [...source.diagnostics, ...extracted.diagnostics];
  if (grids.length > limits.maxTables) {
    diagnostics.push(diagnostic('limit-tables', `The document has ${grids.length} tables; only the first ${limits.maxTables} were read (option maxTables).`, { actual: grids.length, expected: limits.maxTables }));
  }
  const found: Recognised[] = [];
  let index = 0;
  const todo = grids.slice(0, limits.maxTables);
  for (const [k, grid] of todo.entries()) {
    progress({ stage: 'tables', done: k, total: todo.length });
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
    const result = readRecognised(r, catalogue);
    tables.push(...result.tables);
    diagnostics.push(...result.diagnostics);
  }
  if (tables.length === 0) diagnostics.push(noTable(source, grids.length));
  progress({ stage: 'prose' });
  const meta = readMeta(extracted.text.meta, catalogue.vocabulary);
  const form = proseForm(tables, meta.year, catalogue);
  const prose = form ? readProse(extracted.text.prose, form, catalogue.prose, catalogue.vocabulary, catalogue.units) : { indicators: [], diagnostics: [] };
  diagnostics.push(...prose.diagnostics);
  progress({ stage: 'done' });
  return {
    source: options.source ?? null,
    input: { kind: source.kind, encoding: source.encoding },
    meta,
    tables,
    prose: {
      form: form?.form ?? null,
      indicators: prose.indicators,
      checks: form ? checkProse(prose.indicators, tables.filter((t) => t.form === form.form), form) : [],
    },
    diagnostics,
  };
}

/** The catalogue the text's figures are read in: the tables' form, else the form of the report's year. */
function proseForm(tables: TableResult[], year: number | null, catalogue: Catalogue): FormEntry | null {
  const fromTables = [...new Set(tables.map((t) => t.form))].sort().at(-1);
  // Forms by the first report year they were used for (FORMS.md §1).
  const fromYear = year === null ? undefined : year >= 2021 ? '2021' : year >= 2019 ? '2019' : '2014';
  const id = fromTables ?? fromYear;
  return catalogue.forms.find((f) => f.form === id) ?? null;
}

function noTable(source: Source, grids: number): Diagnostic {
  const what = source.kind === 'html' || source.kind === 'docx' ? 'page' : source.kind === 'text' ? 'text' : 'file';
  const size = 'text' in source ? ` (${source.text.length} characters, ${source.text.split('\n').length} lines)` : '';
  const looked =
    source.kind === 'text'
      ? "no pipe table ('|' cell separators) and no run of short lines that reads as a flattened table"
      : source.kind === 'html' || source.kind === 'docx' ? 'no <table> element' : 'no non-empty sheet or row';
  const seen = grids === 0 ? looked : `${grids} table(s), none of them a statistics table of a known form (see table-not-recognised)`;
  return diagnostic('no-table-found', `No statistics table: the ${what}${size} has ${seen}; only prose was found.`, { actual: grids });
}

/**
 * Parse a report (text, HTML, CSV or workbook bytes) into typed, cross-checked
 * indicator tables. Word documents need parseReportAsync.
 */
export function parseReport(input: string | Uint8Array, options: ParseOptions = {}): ReportResult {
  const limits = limitsOf(options);
  const source = read(input, options, limits);
  if (source.kind === 'docx') throw new ParseError('input-unsupported', 'The input is a Word document (.docx): read it with parseReportAsync (the command line does).', fileOf(options));
  return parseSource(source, options, limits);
}

/** parseReport for every input kind, Word .docx included (its tables arrive through mammoth's HTML). */
export async function parseReportAsync(input: string | Uint8Array, options: ParseOptions = {}): Promise<ReportResult> {
  const limits = limitsOf(options);
  const source = read(input, options, limits);
  if (source.kind === 'xls') await loadCodepages();
  if (source.kind !== 'docx') return parseSource(source, options, limits);
  const mammoth = (await import('mammoth')).default;
  const bytes = source.bytes;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let html: string;
  try {
    // The browser build of mammoth reads `arrayBuffer`, the Node build `buffer` (a Uint8Array serves): give both.
    const input = { arrayBuffer, buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    html = (await mammoth.convertToHtml(input)).value;
  } catch (cause) {
    throw new ParseError('input-corrupt', `The Word document cannot be read: ${(cause as Error).message}`, { ...fileOf(options), cause });
  }
  const asHtml: Source = { kind: 'html', text: `<html><body>${html}</body></html>`, encoding: 'binary', diagnostics: [] };
  const result = parseSource(asHtml, options, limits);
  return { ...result, input: { kind: 'docx', encoding: 'binary' } };
}
