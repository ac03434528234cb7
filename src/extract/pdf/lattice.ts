// Ruled tables (lattice): the rules of a page → table regions → grids.
// Rows lie between horizontal rules and cells between the vertical rules that
// cross each row; a cell with no rule above it continues the cell above (this
// joins wrapped and vertical labels), one with no rule on its left continues
// the cell to its left. A table ends where its vertical rules end, with or
// without a closing rule. A table that starts at the top of a page, with the
// same left and right edges as the table that ended the previous page,
// continues it: the parts are stacked and read as one.

import type { Cell, Grid } from '../../core/types.js';
import { cellText, isPageNumber, lineText, textLines } from './text.js';
import { type Box, type PdfPage, type PdfText, type Segment, textCentre } from './types.js';

const SNAP = 1.5;
/** Left and right edges of two parts of one table agree within this (points). */
const EDGE = 3;

export interface Region {
  page: PdfPage;
  segments: Segment[];
  box: Box;
  /** Text items whose centre lies inside the box. */
  texts: PdfText[];
}

const horizontal = (s: Segment): boolean => s.y0 === s.y1;

function crosses(h: Segment, v: Segment): boolean {
  return v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP;
}

function boxOf(segments: Segment[]): Box {
  return [Math.min(...segments.map((s) => s.x0)), Math.min(...segments.map((s) => s.y0)), Math.max(...segments.map((s) => s.x1)), Math.max(...segments.map((s) => s.y1))];
}

const inside = (b: Box, x: number, y: number): boolean => x >= b[0] - SNAP && x <= b[2] + SNAP && y >= b[1] - SNAP && y <= b[3] + SNAP;

/** The ruled tables of a page: groups of rules that cross each other, with at least two rows or two columns. */
export function tableRegions(page: PdfPage): Region[] {
  const segs = page.segments;
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const hs = segs.map((s, i) => [s, i] as const).filter(([s]) => horizontal(s));
  const vs = segs.map((s, i) => [s, i] as const).filter(([s]) => !horizontal(s));
  for (const [h, i] of hs) for (const [v, j] of vs) if (crosses(h, v)) parent[find(i)] = find(j);
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  const regions: Region[] = [];
  for (const g of groups.values()) {
    const h = g.filter(horizontal).length;
    const v = g.length - h;
    if (h < 2 || v < 2 || (h < 3 && v < 3)) continue;
    const box = boxOf(g);
    regions.push({ page, segments: g, box, texts: page.texts.filter((t) => inside(box, textCentre(t).x, textCentre(t).y)) });
  }
  // Top to bottom.
  return regions.sort((a, b) => b.box[3] - a.box[3]);
}

/** Text on a page above (or below) a box that is not page furniture. */
function contentBeyond(page: PdfPage, regions: Region[], y: number, above: boolean): boolean {
  const lines = textLines(page.texts.filter((t) => !regions.some((r) => r.texts.includes(t)) && (above ? textCentre(t).y > y : textCentre(t).y < y)));
  return lines.some((l) => !isPageNumber(lineText(l)));
}

/** Tables as lists of parts, a part per page; a table broken across pages is one list. */
export function chainRegions(pages: { page: PdfPage; regions: Region[] }[]): Region[][] {
  const tables: Region[][] = [];
  let previous: { page: PdfPage; regions: Region[] } | null = null;
  for (const current of pages) {
    current.regions.forEach((r, k) => {
      const last = tables[tables.length - 1];
      const tail = last?.[last.length - 1];
      const continues =
        k === 0 &&
        previous !== null &&
        tail !== undefined &&
        tail.page === previous.page &&
        tail === previous.regions[previous.regions.length - 1] &&
        Math.abs(tail.box[0] - r.box[0]) <= EDGE &&
        Math.abs(tail.box[2] - r.box[2]) <= EDGE &&
        !contentBeyond(previous.page, previous.regions, tail.box[1], false) &&
        !contentBeyond(current.page, current.regions, r.box[3], true);
      if (continues && last) last.push(r);
      else tables.push([r]);
    });
    previous = current;
  }
  return tables;
}

/** Distinct positions, merged within SNAP. */
function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - (out[out.length - 1] as number) > SNAP) out.push(v);
  return out;
}

interface Placed {
  text: PdfText;
  /** y in the stacked frame. */
  y: number;
  x: number;
}

/** One table (its parts stacked page under page) → a grid of cells with their page and box. */
export function regionsToGrid(parts: Region[], index: number): Grid | null {
  // Shift each part down so that it starts where the previous one ended.
  const shifted: { part: Region; dy: number }[] = [];
  let bottom = 0;
  for (const [k, part] of parts.entries()) {
    const dy = k === 0 ? 0 : bottom - part.box[3];
    shifted.push({ part, dy });
    bottom = part.box[1] + dy;
  }
  const segments = shifted.flatMap(({ part, dy }) => part.segments.map((s) => ({ ...s, y0: s.y0 + dy, y1: s.y1 + dy })));
  const hs = segments.filter(horizontal);
  const vs = segments.filter((s) => !horizontal(s));
  // Row boundaries: the horizontal rules, and where the vertical rules end (a table with no closing rule).
  const ys = positions([...hs.map((s) => s.y0), ...vs.map((s) => s.y0), ...vs.map((s) => s.y1)]).reverse();
  const xs = positions([...vs.map((s) => s.x0), ...hs.map((s) => s.x0), ...hs.map((s) => s.x1)]);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return null;
  const hAt = (y: number, x: number): boolean => hs.some((s) => Math.abs(s.y0 - y) <= SNAP && x >= s.x0 - SNAP && x <= s.x1 + SNAP);
  const vAt = (x: number, y: number): boolean => vs.some((s) => Math.abs(s.x0 - x) <= SNAP && y >= s.y0 - SNAP && y <= s.y1 + SNAP);
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const join = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    // The root is the top-left cell of the region.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    const ymid = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
    for (let c = 0; c < cols; c++) {
      const xmid = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      if (c + 1 < cols && !vAt(xs[c + 1] as number, ymid)) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hAt(ys[r + 1] as number, xmid)) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  // Text into the cell that holds its centre.
  const placed = new Map<number, Placed[]>();
  for (const { part, dy } of shifted) {
    for (const t of part.texts) {
      const { x, y } = textCentre(t);
      const r = ys.findIndex((top, i) => i < rows && y + dy <= top + SNAP && y + dy > (ys[i + 1] as number) - SNAP);
      const c = xs.findIndex((left, i) => i < cols && x >= left - SNAP && x < (xs[i + 1] as number) + SNAP);
      if (r < 0 || c < 0) continue;
      const root = find(r * cols + c);
      placed.set(root, [...(placed.get(root) ?? []), { text: t, x, y: y + dy }]);
    }
  }
  // The page and box of each band of rows, back in the page's own coordinates.
  const partOfRow = (r: number): { part: Region; dy: number } => {
    const ymid = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
    return shifted.find(({ part, dy }) => ymid <= part.box[3] + dy + SNAP && ymid >= part.box[1] + dy - SNAP) ?? (shifted[shifted.length - 1] as { part: Region; dy: number });
  };
  const texts = new Map<number, string>();
  for (const [root, items] of placed) texts.set(root, cellText(textLines(items.map((p) => p.text)).map(lineText)));
  const grid: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const { part, dy } = partOfRow(Math.floor(root / cols));
      const rr = Math.floor(root / cols);
      const rc = root % cols;
      // The region's extent: from its root to the last cell that shares the root.
      let r1 = rr;
      let c1 = rc;
      while (r1 + 1 < rows && find((r1 + 1) * cols + rc) === root) r1++;
      while (c1 + 1 < cols && find(rr * cols + c1 + 1) === root) c1++;
      const box: Box = [xs[rc] as number, (ys[r1 + 1] as number) - dy, xs[c1 + 1] as number, (ys[rr] as number) - dy].map((v) => Math.round(v * 10) / 10) as Box;
      row.push({ text: texts.get(root) ?? '', origin: { page: part.page.number, box }, spanned: root !== r * cols + c });
    }
    grid.push(row);
  }
  // Bands and columns that hold no text at all carry nothing (double rules, margins).
  const keepRows = grid.filter((row) => row.some((cell) => cell.text !== ''));
  const keepCols = Array.from({ length: cols }, (_, c) => c).filter((c) => keepRows.some((row) => (row[c] as Cell).text !== ''));
  const out = keepRows.map((row) => keepCols.map((c) => row[c] as Cell));
  if (out.length === 0) return null;
  const first = parts[0] as Region;
  return { rows: out, origin: { page: first.page.number, box: first.box.map((v) => Math.round(v * 10) / 10) as Box }, index };
}
