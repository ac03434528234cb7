// Pipe-text tables: `| a | b |` rows, as scraped pages render them.
// Consecutive lines holding a `|` form one table; ragged rows are padded;
// merged cells show up as trailing empty cells and stay empty. Some scrapers
// put every cell on a line of its own between `|` lines; such a bare line
// between two pipe lines is kept as a one-cell row (the reflow stage regroups
// those cells into rows once the form is known).

import type { Cell, Grid } from '../core/types.js';

const PIPE = /[|｜]/;
const MAX_BARE_CELL = 200;

/** Split one pipe-text line into its cell texts, dropping the outer border pipes. */
function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|') || s.startsWith('｜')) s = s.slice(1);
  if (s.endsWith('|') || s.endsWith('｜')) s = s.slice(0, -1);
  return s.split(PIPE).map((c) => c.trim());
}

export interface TextLine {
  text: string;
  /** 1-based line number. */
  line: number;
}

/** Lines with their numbers; CR before LF dropped. */
export function textLines(text: string): TextLine[] {
  return text.split('\n').map((t, i) => ({ text: t.endsWith('\r') ? t.slice(0, -1) : t, line: i + 1 }));
}

function toGrid(block: { cells: string[]; line: number }[], index: number): Grid {
  const width = block.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const rows: Cell[][] = block.map(({ cells, line }) => {
    const row: Cell[] = cells.map((text) => ({ text, origin: { line }, spanned: false }));
    // Padding of a short row is no cell of the source: marked spanned, it is never read as a value.
    while (row.length < width) row.push({ text: '', origin: { line }, spanned: true });
    return row;
  });
  return { rows, origin: { line: block[0]?.line ?? 0 }, index };
}

type BlockRow = { cells: string[]; line: number; raw: string };

const isLone = (r: BlockRow): boolean => /^\s*[|｜]\s*$/.test(r.raw);
const isEmpty = (r: BlockRow): boolean => r.cells.every((c) => c === '');

/**
 * Blocks of one cell per line: a line of pipes with no text is merge padding
 * (dropped); a lone `|` either separates cells (when lone lines never come
 * two in a row) or is an empty cell of its own (when they do: a run of six
 * is six blank columns). Other blocks are returned as they are.
 */
function settleStreamBlock(block: BlockRow[]): BlockRow[] {
  const filled = block.filter((r) => !isEmpty(r));
  const single = filled.filter((r) => r.cells.filter((c) => c !== '').length <= 1).length;
  if (filled.length < 4 || single < filled.length * 0.7) return block;
  const loneAreCells = block.some((r, i) => isLone(r) && i > 0 && isLone(block[i - 1] as BlockRow));
  return block.flatMap((r) => {
    if (!isEmpty(r)) return [{ ...r, cells: r.cells.filter((c) => c !== '') }];
    return isLone(r) && loneAreCells ? [{ ...r, cells: [''] }] : [];
  });
}

export interface PipeBlocks {
  grids: Grid[];
  /** Line numbers used by the pipe tables (for the stream extractor to skip). */
  used: Set<number>;
}

/** Every pipe-text table in a text, as grids whose cells carry their 1-based line. */
export function extractPipeGrids(lines: TextLine[], firstIndex = 0): PipeBlocks {
  const grids: Grid[] = [];
  const used = new Set<number>();
  let block: BlockRow[] = [];
  const flush = (): void => {
    if (block.length >= 2) {
      grids.push(toGrid(settleStreamBlock(block), firstIndex + grids.length));
      for (const r of block) used.add(r.line);
    }
    block = [];
  };
  const isPipe = (i: number): boolean => PIPE.test(lines[i]?.text ?? '');
  const nextNonBlank = (i: number): number => {
    let j = i + 1;
    while (j < lines.length && (lines[j]?.text.trim() ?? '') === '') j++;
    return j;
  };
  for (let i = 0; i < lines.length; i++) {
    const { text, line } = lines[i] as TextLine;
    if (isPipe(i)) {
      block.push({ cells: splitPipeRow(text), line, raw: text });
      continue;
    }
    if (text.trim() === '') {
      // A blank line ends a table unless a pipe line follows straight after it.
      if (block.length > 0 && !isPipe(nextNonBlank(i))) flush();
      continue;
    }
    if (block.length > 0 && text.length <= MAX_BARE_CELL && isPipe(nextNonBlank(i))) {
      block.push({ cells: [text.trim()], line, raw: text });
      continue;
    }
    flush();
  }
  flush();
  return { grids, used };
}
