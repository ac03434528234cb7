// Tables flattened to one cell per line, with no delimiters at all: the text
// of a page whose <td>s became lines (blank-line separated or not), or the
// text layer of a PDF. A run of short lines holding several numbers is a
// candidate; each paragraph (or line) is a cell, and a trailing run of
// space-separated numbers (`四、结转下年度继续办理 0 0 0 0 0 0 0`) is split
// into cells. The result is a one-column grid; the reflow stage regroups it
// into rows once the form is known.

import type { Cell, Grid } from '../core/types.js';
import type { TextLine } from './pipe.js';
import { numberToken } from './words.js';

const MAX_CELL = 80;
const MIN_NUMBERS = 3;
/** The longest run of blank lines that can be empty cells (seven, a row of table 三, between separators). */
const MAX_EMPTY_RUN = 15;

interface Para {
  text: string;
  line: number;
}

/** Split a trailing run of 2+ space-separated numbers off a cell. */
function splitNumberRun(text: string, NUMBER_TOKEN: RegExp): string[] {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2) return [text.trim()];
  let k = parts.length;
  while (k > 0 && NUMBER_TOKEN.test(parts[k - 1] as string)) k--;
  if (parts.length - k < 2) return [text.trim()];
  const head = parts.slice(0, k).join(' ');
  return head === '' ? parts.slice(k) : [head, ...parts.slice(k)];
}

function regionToGrid(region: TextLine[], index: number, NUMBER_TOKEN: RegExp): Grid | null {
  // Paragraph mode when blank lines separate most lines; else every line is a cell.
  const nonBlank = region.filter((l) => l.text.trim() !== '');
  const blanks = region.length - nonBlank.length;
  const paras: Para[] = [];
  if (blanks >= nonBlank.length * 0.5) {
    // One blank line separates cells; where that is the rule, an empty cell is an empty line between two
    // separators: a run of 2k + 1 blank lines holds k empty cells.
    const runs: number[] = [];
    let run = 0;
    for (const l of region) {
      if (l.text.trim() === '') run++;
      else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
    const single = runs.filter((r) => r === 1).length >= runs.length * 0.6;
    let cur: Para | null = null;
    let blank = 0;
    for (const l of region) {
      if (l.text !== '' && /^[ \u3000\u00a0]+$/.test(l.text)) {
        cur = null;
        blank = 0;
        paras.push({ text: '', line: l.line });
        continue;
      }
      if (l.text.trim() === '') {
        cur = null;
        // Every second blank line after the separator completes an empty cell.
        if (single && ++blank > 1 && blank % 2 === 1) paras.push({ text: '', line: l.line - 1 });
        continue;
      }
      blank = 0;
      if (cur) cur.text += `\n${l.text.trim()}`;
      else paras.push((cur = { text: l.text.trim(), line: l.line }));
    }
  } else {
    // Text layers of PDFs separate columns by spaces: every word is a cell.
    for (const l of nonBlank) for (const w of l.text.trim().split(/\s+/)) paras.push({ text: w, line: l.line });
  }
  const rows: Cell[][] = paras.flatMap((p) => splitNumberRun(p.text, NUMBER_TOKEN).map((text) => [{ text, origin: { line: p.line }, spanned: false }]));
  const numbers = rows.filter((r) => NUMBER_TOKEN.test(r[0]?.text ?? '')).length;
  // A blank form has labels and no numbers: many short cells are enough.
  const short = rows.filter((r) => (r[0]?.text.length ?? 0) <= 24).length;
  if (rows.length < 6 || (numbers < MIN_NUMBERS && (rows.length < 12 || short < rows.length * 0.8))) return null;
  return { rows, origin: { line: paras[0]?.line ?? 0 }, index };
}

/** One-column grids for every run of short lines (outside `skip`) that holds several numbers. */
export function extractStreamGrids(lines: TextLine[], skip: ReadonlySet<number>, units: readonly string[], firstIndex = 0): Grid[] {
  const NUMBER_TOKEN = numberToken(units);
  const grids: Grid[] = [];
  let region: TextLine[] = [];
  const flush = (): void => {
    while (region.length > 0 && region.at(-1)?.text.trim() === '') region.pop();
    const g = region.length > 0 ? regionToGrid(region, firstIndex + grids.length, NUMBER_TOKEN) : null;
    if (g) grids.push(g);
    region = [];
  };
  // Blank lines end a region after two of them, unless the region separates its cells by one blank line:
  // there a longer odd run is empty cells (2k + 1 lines for k of them, a row's worth at most).
  let pending: TextLine[] = [];
  const runs = { single: 0, other: 0 };
  for (const l of lines) {
    const t = l.text.trim();
    if (skip.has(l.line) || t.length > MAX_CELL) {
      flush();
      pending = [];
      runs.single = runs.other = 0;
      continue;
    }
    // A line of spaces between separators is an empty cell (a blank form's value cells), not a separator.
    if (l.text === '' || (t === '' && !/^[ \u3000\u00a0]+$/.test(l.text))) {
      pending.push(l);
      continue;
    }
    if (pending.length > 0 && region.length > 0) {
      const n = pending.length;
      const singleSeparated = runs.single >= 4 && runs.single >= (runs.single + runs.other) * 0.6;
      if (n <= 2 || (singleSeparated && n % 2 === 1 && n <= MAX_EMPTY_RUN)) region.push(...pending);
      else {
        flush();
        runs.single = runs.other = 0;
      }
      if (n === 1) runs.single++;
      else runs.other++;
    }
    pending = [];
    region.push(l);
  }
  flush();
  return grids;
}
