// CSV returns → one grid per table (tables separated by two or more empty
// lines), parsed by papaparse; each cell keeps its 1-based line.

import Papa from 'papaparse';
import type { Cell, Grid } from '../core/types.js';

export function extractCsvGrids(text: string): Grid[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: '' });
  const grids: Grid[] = [];
  let block: Cell[][] = [];
  let empty = 0;
  const flush = (): void => {
    if (block.length === 0) return;
    const width = block.reduce((w, r) => Math.max(w, r.length), 0);
    const rows = block.map((r) => [...r, ...Array.from({ length: width - r.length }, (): Cell => ({ text: '', origin: r[0]?.origin ?? {}, spanned: true }))]);
    grids.push({ rows, origin: rows[0]?.[0]?.origin ?? {}, index: grids.length });
    block = [];
  };
  parsed.data.forEach((fields, i) => {
    if (fields.every((f) => f.trim() === '')) {
      if (++empty >= 2) flush();
      return;
    }
    empty = 0;
    block.push(fields.map((text) => ({ text, origin: { line: i + 1 }, spanned: false })));
  });
  flush();
  return grids;
}
