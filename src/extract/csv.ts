// CSV returns → one grid per table (tables separated by two or more empty
// lines), parsed by papaparse; each cell keeps its 1-based line. A line with
// more fields than any table row has, or a table past maxCells, is left out
// with a diagnostic naming it; the file's other tables are read as usual (a
// grid is as wide as its widest row, so one such line would make every row
// of its table a million cells wide).

import { diagnostic } from '../core/diagnostics.js';
import { library } from '../core/libraries.js';
import type { Cell, Diagnostic, Grid } from '../core/types.js';
import { MAX_ROW_CELLS } from '../options.js';

export function extractCsvGrids(text: string, maxCells: number): { grids: Grid[]; diagnostics: Diagnostic[] } {
  const parsed = library('papaparse').parse<string[]>(text, { skipEmptyLines: false, delimiter: '' });
  const grids: Grid[] = [];
  const diagnostics: Diagnostic[] = [];
  let block: Cell[][] = [];
  let empty = 0;
  const flush = (): void => {
    if (block.length === 0) return;
    const width = block.reduce((w, r) => Math.max(w, r.length), 0);
    const origin = block[0]?.[0]?.origin ?? {};
    if (width * block.length > maxCells) {
      const cell = { table: grids.length, ...(origin.line === undefined ? {} : { line: origin.line }) };
      diagnostics.push(diagnostic('limit-cells', { table: grids.length, cells: width * block.length, limit: maxCells }, { cell, actual: width * block.length, expected: maxCells }));
    } else {
      const rows = block.map((r) => [...r, ...Array.from({ length: width - r.length }, (): Cell => ({ text: '', origin: r[0]?.origin ?? {}, spanned: true }))]);
      grids.push({ rows, origin, index: grids.length });
    }
    block = [];
  };
  parsed.data.forEach((fields, i) => {
    if (fields.length > MAX_ROW_CELLS) {
      diagnostics.push(diagnostic('limit-cells', { what: 'row', line: i + 1, fields: fields.length, limit: MAX_ROW_CELLS }, { cell: { line: i + 1 }, actual: fields.length, expected: MAX_ROW_CELLS }));
      return;
    }
    if (fields.every((f) => f.trim() === '')) {
      if (++empty >= 2) flush();
      return;
    }
    empty = 0;
    block.push(fields.map((text) => ({ text, origin: { line: i + 1 }, spanned: false })));
  });
  flush();
  return { grids, diagnostics };
}
