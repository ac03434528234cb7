// Pipe-text tables: `| a | b |` rows, one per line, as scraped pages render
// them. Consecutive lines holding a `|` form one table; ragged rows are
// padded; merged cells show up as trailing empty cells and stay empty.

import type { Cell, Grid } from '../types.js';

const PIPE = /[|｜]/;

/** Split one pipe-text line into its cell texts, dropping the outer border pipes. */
export function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|') || s.startsWith('｜')) s = s.slice(1);
  if (s.endsWith('|') || s.endsWith('｜')) s = s.slice(0, -1);
  return s.split(PIPE).map((c) => c.trim());
}

export interface PipeOptions {
  /** Smallest number of rows a block needs to count as a table. */
  minRows?: number;
}

/** Every pipe-text table in a text, as grids whose cells carry their 1-based line. */
export function extractPipeGrids(text: string, firstIndex = 0, options: PipeOptions = {}): Grid[] {
  const minRows = options.minRows ?? 2;
  const grids: Grid[] = [];
  let block: { cells: string[]; line: number }[] = [];
  const flush = (): void => {
    if (block.length >= minRows) grids.push(toGrid(block, firstIndex + grids.length));
    block = [];
  };
  let lineNo = 0;
  let start = 0;
  let pendingBlank = false;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (PIPE.test(line)) {
      pendingBlank = false;
      block.push({ cells: splitPipeRow(line), line: lineNo });
    } else if (line.trim() === '' && block.length > 0 && !pendingBlank) {
      pendingBlank = true; // one blank line inside a table is tolerated
    } else {
      pendingBlank = false;
      flush();
    }
    if (end === text.length) break;
  }
  flush();
  return grids;
}

function toGrid(block: { cells: string[]; line: number }[], index: number): Grid {
  const width = block.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const rows: Cell[][] = block.map(({ cells, line }) => {
    const row: Cell[] = cells.map((text) => ({ text, origin: { line }, spanned: false }));
    while (row.length < width) row.push({ text: '', origin: { line }, spanned: false });
    return row;
  });
  return { rows, origin: { line: block[0]?.line ?? 0 }, index };
}
