// Stage: a source → every candidate table grid, whatever the input kind.
// Every reader produces the same Grid of cells, each keeping its origin.

import { diagnostic, ParseError } from '../core/diagnostics.js';
import type { Source } from '../input/read.js';
import { checkInflated, inflateCapOf } from '../input/container.js';
import type { Diagnostic, Grid } from '../core/types.js';
import { extractCsvGrids } from './csv.js';
import { extractHtmlGrids } from './html.js';
import { MAX_ROW_CELLS } from '../options.js';
import { extractPipeGrids, textLines } from './pipe.js';
import { extractGluedGrids } from './glued.js';
import { extractStreamGrids } from './stream.js';
import type { ReaderWords } from './words.js';
import type { LibraryName } from '../core/libraries.js';
import { mayConvert } from '../core/normalize-text.js';
import { inflatesCapped, loadCodepages, setInflateCap, workbookGrids } from './workbook.js';

/** Pipe tables first; then flattened tables in the lines no pipe table used. */
export function extractTextGrids(text: string, words: ReaderWords): Grid[] {
  const lines = textLines(text);
  const pipe = extractPipeGrids(lines);
  const stream = extractStreamGrids(lines, pipe.used, words.units, pipe.grids.length);
  const taken = new Set([...pipe.used, ...stream.flatMap((g) => g.rows.flatMap((r) => r.flatMap((c) => (c.origin.line === undefined ? [] : [c.origin.line]))))]);
  const glued = extractGluedGrids(lines, taken, words.units, words.listHeads, pipe.grids.length + stream.length);
  // Document order, so table indices follow the page.
  return [...pipe.grids, ...stream, ...glued].sort((a, b) => (a.origin.line ?? 0) - (b.origin.line ?? 0)).map((g, index) => ({ ...g, index }));
}

export interface ExtractLimits {
  maxUnzippedBytes: number;
  maxXmlBytes: number;
  maxCells: number;
  maxDepth: number;
  maxPages: number;
}

export interface Extracted {
  grids: Grid[];
  /** Limits hit while extracting. */
  diagnostics: Diagnostic[];
  /** The document's text for metadata (everything) and for prose figures (tables left out); offsets are into `prose`. */
  text: { meta: string; prose: string };
  /** Characters and lines of a text input (HTML, CSV, text). */
  size?: { characters: number; lines: number };
}

/** Text with the lines of its tables blanked out, every other offset unchanged. */
function maskLines(text: string, grids: Grid[]): string {
  const lines = new Set(grids.flatMap((g) => g.rows.flatMap((r) => r.flatMap((c) => (c.origin.line === undefined ? [] : [c.origin.line])))));
  if (lines.size === 0) return text;
  return text
    .split('\n')
    .map((l, i) => (lines.has(i + 1) ? ' '.repeat(l.length) : l))
    .join('\n');
}

/** Workbook and CSV cells as lines of text, for the 填报单位 line and the title. */
function cellText(grids: Grid[]): string {
  return grids
    .map((g) =>
      g.rows
        .map((r) =>
          r
            .map((c) => (c.spanned ? '' : c.text))
            .filter((t) => t !== '')
            .join(' '),
        )
        .join('\n'),
    )
    .join('\n');
}

/** The libraries each kind of source is read with (a .docx: its ZIP parts, then its HTML). */
const LIBRARIES: Record<Source['kind'], LibraryName[]> = {
  text: [],
  html: ['parse5'],
  csv: ['papaparse'],
  xlsx: ['xlsx'],
  xls: ['xlsx'],
  ods: ['xlsx'],
  docx: ['xlsx', 'parse5'],
  pdf: [],
};

/**
 * What a source is read with; and OpenCC unless the source's text shows that nothing in it is traditional script
 * (an HTML page may spell characters as &#…; references, and a container's text is not seen before it is read).
 */
export function librariesToExtract(source: Source): LibraryName[] {
  const simplified = 'text' in source && !mayConvert(source.text) && !(source.kind === 'html' && source.text.includes('&#'));
  return simplified ? LIBRARIES[source.kind] : [...LIBRARIES[source.kind], 'opencc'];
}

/** Grids of every input kind but .docx, which needs extractGridsAsync. */
export function extractGrids(source: Source, limits: ExtractLimits, words: ReaderWords): Extracted {
  const extracted = extractKind(source, limits, words);
  return 'text' in source ? { ...extracted, size: { characters: source.text.length, lines: source.text.split('\n').length } } : extracted;
}

function extractKind(source: Source, limits: ExtractLimits, words: ReaderWords): Extracted {
  switch (source.kind) {
    case 'html': {
      const html = extractHtmlGrids(source.text, limits);
      const diagnostics = html.tooLarge.map((i) => diagnostic('limit-cells', { what: 'expand', table: i, limit: limits.maxCells }, { cell: { table: i }, expected: limits.maxCells }));
      for (const w of html.tooWide)
        diagnostics.push(
          diagnostic(
            'limit-cells',
            { what: 'wide-table', table: w.table, line: w.line, cells: w.cells, limit: MAX_ROW_CELLS },
            { cell: { table: w.table, line: w.line }, actual: w.cells, expected: MAX_ROW_CELLS },
          ),
        );
      if (html.tooDeep)
        diagnostics.push(
          diagnostic(
            'limit-depth',
            { limit: limits.maxDepth },
            {
              expected: limits.maxDepth,
            },
          ),
        );
      return { grids: html.grids, diagnostics, text: html.text };
    }
    case 'csv': {
      const { grids, diagnostics } = extractCsvGrids(source.text, limits.maxCells);
      return { grids, diagnostics, text: { meta: cellText(grids), prose: '' } };
    }
    case 'text': {
      const grids = extractTextGrids(source.text, words);
      return { grids, diagnostics: [], text: { meta: source.text, prose: maskLines(source.text, grids) } };
    }
    case 'xlsx':
    case 'xls':
    case 'ods': {
      // .xls is a compound document, not a ZIP: nothing there inflates.
      setInflateCap(source.kind === 'xls' ? limits.maxUnzippedBytes : inflateCapOf(source.bytes, limits));
      const wb = workbookGrids(source.bytes, limits);
      const diagnostics = wb.skipped.map((s) =>
        diagnostic(
          'limit-cells',
          { what: 'sheet', sheet: s.sheet, cells: s.cells, limit: limits.maxCells },
          {
            cell: { sheet: s.sheet },
            actual: s.cells,
            expected: limits.maxCells,
          },
        ),
      );
      for (const d of wb.damaged) {
        diagnostics.push(
          diagnostic(
            'workbook-damaged',
            { what: 'strings', count: d.refs.length, sheet: d.sheet, refs: d.refs.slice(0, 100), values: d.values.slice(0, 20).map(String) },
            { cell: { sheet: d.sheet, ...(d.refs[0] ? { ref: d.refs[0] } : {}) }, actual: d.refs.slice(0, 100) },
          ),
        );
      }
      for (const n of wb.nested) {
        diagnostics.push(
          diagnostic(
            'workbook-damaged',
            { what: 'nested', sheet: n.sheet, tables: n.tables },
            {
              cell: { sheet: n.sheet },
              actual: n.tables,
            },
          ),
        );
      }
      if (wb.notes.length > 0) {
        diagnostics.push(
          diagnostic(
            'workbook-damaged',
            { what: 'records', count: wb.notes.length, first: wb.notes[0] ?? '' },
            {
              actual: wb.notes.slice(0, 20),
            },
          ),
        );
      }
      return { grids: wb.grids, diagnostics, text: { meta: cellText(wb.grids), prose: '' } };
    }
    case 'docx':
    case 'pdf':
      throw new ParseError('input-unsupported', { what: 'async', kind: source.kind });
  }
}

/**
 * Grids of every input kind: Word documents through their HTML, PDFs through pdf.js (both loaded
 * only when met), legacy workbooks with their code pages loaded. `words` are the header words the
 * catalogue knows, by which a PDF table without rules shows its columns.
 */
export async function extractGridsAsync(source: Source, limits: ExtractLimits, words: ReaderWords, file?: string): Promise<Extracted> {
  if (source.kind === 'xls') await loadCodepages();
  if (source.kind === 'pdf') {
    const { extractPdfGrids } = await import('./pdf/index.js');
    return extractPdfGrids(source.bytes, limits, words.pdf, file);
  }
  // Where SheetJS has no capped inflater (a browser), a workbook's parts are measured under the caps first, as a .docx's always are.
  if ((source.kind === 'xlsx' || source.kind === 'ods') && !inflatesCapped()) await checkInflated(source.bytes, limits, file);
  if (source.kind !== 'docx') return extractGrids(source, limits, words);
  await checkInflated(source.bytes, limits, file);
  const { docxToHtml } = await import('./docx.js');
  return extractGrids({ kind: 'html', text: await docxToHtml(source.bytes, file), encoding: 'binary', diagnostics: [] }, limits, words);
}
