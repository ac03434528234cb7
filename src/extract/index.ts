// Stage: a source → every candidate table grid, whatever the input kind.
// Every reader produces the same Grid of cells, each keeping its origin.

import type { Source } from '../read-input.js';
import type { Grid } from '../types.js';
import { extractCsvGrids } from './csv.js';
import { extractHtmlGrids } from './html.js';
import { extractPipeGrids, textLines } from './pipe.js';
import { extractStreamGrids } from './stream.js';
import { workbookGrids, type WorkbookLimits } from './workbook.js';

/** Pipe tables first; then flattened tables in the lines no pipe table used. */
export function extractTextGrids(text: string): Grid[] {
  const lines = textLines(text);
  const pipe = extractPipeGrids(lines);
  const stream = extractStreamGrids(lines, pipe.used, pipe.grids.length);
  // Document order, so table indices follow the page.
  return [...pipe.grids, ...stream].sort((a, b) => (a.origin.line ?? 0) - (b.origin.line ?? 0)).map((g, index) => ({ ...g, index }));
}

export interface Extracted {
  grids: Grid[];
  /** Sheets not read for their size. */
  skipped: { sheet: string; cells: number }[];
}

export function extractGrids(source: Source, limits: WorkbookLimits): Extracted {
  switch (source.kind) {
    case 'html':
      return { grids: extractHtmlGrids(source.text), skipped: [] };
    case 'csv':
      return { grids: extractCsvGrids(source.text), skipped: [] };
    case 'text':
      return { grids: extractTextGrids(source.text), skipped: [] };
    case 'xlsx':
    case 'xls':
    case 'ods':
      return workbookGrids(source.bytes, limits);
    case 'docx':
      // Word documents become HTML first (parseReportAsync); a grid reader of their own is not needed.
      return { grids: [], skipped: [] };
  }
}

export { extractHtmlGrids };
