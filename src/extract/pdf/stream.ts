// Tables with text but no rules (stream tables). Rows are lines (one
// baseline each). A header line is one that names the column labels the
// catalogue knows (自然人 … 总计, 本年制发件数 …; or 统计指标 | 单位 …): it gives the
// number and the order of the columns. Where each column stands comes from
// the values under it: their extents along the line, overlapping from row to
// row, form one band per column (numbers in a column share an edge however
// they are aligned). Bands are matched to the header's columns in order when
// their counts agree, else by the header column each band lies under. Never
// from gaps alone, and items are never merged: a cell with two items keeps
// them apart (21 0 is two values, or a diagnostic, never 210).

import { normalizeLabel } from '../../core/normalize-text.js';
import type { Cell, Grid } from '../../core/types.js';
import { lineText, type TextLine } from './text.js';
import type { StreamWords } from '../words.js';
import type { PdfPage, PdfText } from './types.js';

/** A header line names at least this many known column labels. */
const MIN_HEADER_LABELS = 3;
/** A value cell is short: a number, a placeholder or a unit. */
const MAX_VALUE_CHARS = 14;

interface Header {
  /** The column labels, each of the items that touch (本年增 / 减 is one label). */
  labels: PdfText[][];
  /** Where labels end and values begin. */
  edge: number;
  /** The label column's own heading (统计指标), if printed. */
  labelHead: PdfText[] | null;
  /** Columns that hold no values (备注, 序号): values go elsewhere when there are fewer value columns than labels. */
  skippable: boolean[];
}

/** Items that touch (closer than half a character) are one label. */
function group(items: PdfText[], size: number): PdfText[][] {
  const out: PdfText[][] = [];
  let end = -Infinity;
  for (const t of items) {
    if (t.x - end > size * 0.5 || out.length === 0) out.push([t]);
    else out[out.length - 1]?.push(t);
    end = t.x + t.w;
  }
  return out;
}

const isNumeric = (s: string): boolean => /[0-9０-９]/.test(s) && /^[-+]?[0-9０-９][0-9０-９,.，]*\s*[\p{Script=Han}%]{0,2}$/u.test(s.trim());

function header(line: TextLine, words: StreamWords): Header | null {
  const items = line.items;
  const text = (t: PdfText): string => normalizeLabel(t.str).text;
  const first = items[0];
  // A list table's header: its label column word, then the other columns.
  if (first && words.listLabel.has(text(first)) && items.slice(1).some((t) => words.listOther.has(text(t)))) {
    const labels = group(items.slice(1), line.size);
    const skippable = labels.map((g) => words.listSkip.has(normalizeLabel(g.map((t) => t.str).join('')).text));
    return { labels, edge: (items[1] as PdfText).x - 0.5 * line.size, labelHead: [first], skippable };
  }
  const known = items.filter((t) => words.columns.has(normalizeLabel(t.str).key));
  if (known.length < MIN_HEADER_LABELS) return null;
  // Header cells left of the first known label name the label column (信息内容).
  const start = items.indexOf(known[0] as PdfText);
  const labels = group(items.slice(start), line.size);
  return { labels, edge: (items[start] as PdfText).x - 0.5 * line.size, labelHead: start > 0 ? items.slice(0, start) : null, skippable: labels.map(() => false) };
}

interface Row {
  line: TextLine;
  /** Label cells, left to right (a group label and the row's own, when they share a line). */
  label: PdfText[][];
  values: PdfText[];
  header: Header;
}

/** Value items into columns: bands of overlapping extents, matched to the header's columns. */
function placeColumns(rows: Row[], h: Header): Map<PdfText, number> {
  const items = rows.flatMap((r) => r.values).sort((a, b) => a.x - b.x);
  const bands: { x0: number; x1: number; items: PdfText[] }[] = [];
  for (const t of items) {
    const band = bands.find((b) => t.x <= b.x1 + 0.5 && t.x + t.w >= b.x0 - 0.5);
    if (band) {
      band.x0 = Math.min(band.x0, t.x);
      band.x1 = Math.max(band.x1, t.x + t.w);
      band.items.push(t);
    } else bands.push({ x0: t.x, x1: t.x + t.w, items: [t] });
  }
  // Bands that grew into each other are one.
  bands.sort((a, b) => a.x0 - b.x0);
  for (let i = 1; i < bands.length; i++) {
    const [a, b] = [bands[i - 1], bands[i]] as [(typeof bands)[number], (typeof bands)[number]];
    if (b.x0 <= a.x1) {
      a.x1 = Math.max(a.x1, b.x1);
      a.items.push(...b.items);
      bands.splice(i--, 1);
    }
  }
  const all = h.labels.map((_, i) => i);
  const x = (i: number): number => ((h.labels[i] as PdfText[])[0] as PdfText).x;
  const under = (b: (typeof bands)[number], cols: number[]): number => {
    // The column whose extent (from its label to the next label) holds the band's centre.
    let k = cols[0] ?? 0;
    for (const i of cols) if (x(i) - 1 <= (b.x0 + b.x1) / 2) k = i;
    return k;
  };
  const valueCols = all.filter((i) => !h.skippable[i]);
  const column = new Map<PdfText, number>();
  const assign = (ks: number[]): Map<PdfText, number> => {
    bands.forEach((b, i) => {
      for (const t of b.items) column.set(t, ks[i] as number);
    });
    return column;
  };
  // Each band under a column of its own: that is where it stands.
  const placed = bands.map((b) => under(b, valueCols));
  if (new Set(placed).size === placed.length) return assign(placed);
  // Otherwise the header's order decides, once the counts agree: two neighbouring bands that never
  // share a row may be one column (a centred — over right-aligned numbers).
  const rowOf = new Map<PdfText, number>(rows.flatMap((r, k) => r.values.map((t) => [t, k] as const)));
  const rowsOf = (b: (typeof bands)[number]): Set<number> => new Set(b.items.map((t) => rowOf.get(t) as number));
  // Columns that hold no values (备注) are left out first.
  const target = valueCols.length < all.length || bands.length !== all.length ? valueCols : all;
  while (bands.length > target.length) {
    let best = -1;
    for (let i = 1; i < bands.length; i++) {
      const [a, b] = [bands[i - 1], bands[i]] as [(typeof bands)[number], (typeof bands)[number]];
      const ra = rowsOf(a);
      if ([...rowsOf(b)].some((r) => ra.has(r))) continue;
      if (best < 0 || b.x0 - a.x1 < (bands[best] as (typeof bands)[number]).x0 - (bands[best - 1] as (typeof bands)[number]).x1) best = i;
    }
    if (best < 0) break;
    const [a, b] = [bands[best - 1], bands[best]] as [(typeof bands)[number], (typeof bands)[number]];
    a.x1 = Math.max(a.x1, b.x1);
    a.items.push(...b.items);
    bands.splice(best, 1);
  }
  // Still more bands than columns: they stay where their centre is, side by side in a cell (never one number).
  return assign(bands.length === target.length ? target : bands.map((b) => under(b, valueCols)));
}

function boxOf(items: PdfText[]): [number, number, number, number] | undefined {
  if (items.length === 0) return undefined;
  const r = (v: number): number => Math.round(v * 10) / 10;
  return [r(Math.min(...items.map((t) => t.x))), r(Math.min(...items.map((t) => t.y))), r(Math.max(...items.map((t) => t.x + t.w))), r(Math.max(...items.map((t) => t.y + t.size)))];
}

function cellOf(items: PdfText[], page: number, text?: string): Cell {
  const box = boxOf(items);
  return { text: text ?? items.map((t) => t.str.trim()).join(' '), origin: { page: items[0]?.page ?? page, ...(box ? { box } : {}) }, spanned: false };
}

export interface StreamResult {
  grids: Grid[];
  /** Lines that became table rows (left out of the prose). */
  used: Set<TextLine>;
}

/**
 * The stream tables in the lines no ruled table took, in page order. A table open at the foot of a page
 * goes on at the top of the next when the lines there still read as its rows (no header repeated).
 */
export function streamGrids(pages: { page: PdfPage; lines: TextLine[] }[], words: StreamWords, firstIndex: number): StreamResult {
  const grids: Grid[] = [];
  const used = new Set<TextLine>();
  const lines = pages.flatMap((p) => p.lines);
  {
    let current: Header | null = null;
    let rows: Row[] = [];
    const headers: { at: number; header: Header; line: TextLine }[] = [];
    const flush = (): void => {
      const first = headers[0]?.line.items[0]?.page ?? 1;
      if (rows.some((r) => r.values.length > 0)) grids.push(toGrid(rows, headers, first, firstIndex + grids.length));
      for (const r of rows) used.add(r.line);
      for (const h of headers) used.add(h.line);
      rows = [];
      headers.length = 0;
      current = null;
    };
    for (const line of lines) {
      const h: Header | null = header(line, words) ?? (current ? blockHeader(line, current, words) : null);
      if (h) {
        headers.push({ at: rows.length, header: h, line });
        current = h;
        continue;
      }
      if (!current) continue;
      const edge = current.edge;
      // An item that starts left of the edge is a label, however far it runs.
      const label = line.items.filter((t) => t.x < edge);
      const values = line.items.filter((t) => t.x >= edge);
      const valueLike = values.every((t) => t.str.trim().length <= MAX_VALUE_CHARS && (isNumeric(t.str) || !/[0-9]/.test(t.str)));
      if (values.length > 0 && (!valueLike || !values.some((t) => isNumeric(t.str) || /^[—–\-/／]+$/.test(t.str.trim())))) {
        flush();
        continue;
      }
      const previous = rows[rows.length - 1];
      const prevLabel = previous?.label.at(-1);
      const prevEnd = prevLabel ? Math.max(...prevLabel.map((t) => t.x + t.w)) : -Infinity;
      // A label line with no value right under a label that filled its column continues that label (wrapped text).
      if (
        values.length === 0 &&
        previous &&
        prevLabel &&
        label.length > 0 &&
        prevEnd >= edge - 3 * line.size &&
        !/^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．]|其中)/.test(lineText(line))
      ) {
        prevLabel.push(...label);
        used.add(line);
        continue;
      }
      // A line of text with no value that runs past the label column is prose: the table has ended.
      if (values.length === 0 && line.x1 > edge + line.size) {
        flush();
        continue;
      }
      rows.push({ line, label: labelCells(label, line.size), values, header: current });
    }
    flush();
  }
  return { grids, used };
}

/** Label items into cells: items apart by more than a character are different cells. */
function labelCells(items: PdfText[], size: number): PdfText[][] {
  const cells: PdfText[][] = [];
  let end = -Infinity;
  for (const t of items) {
    if (t.x - end > size) cells.push([t]);
    else cells[cells.length - 1]?.push(t);
    end = t.x + t.w;
  }
  return cells;
}

/** Inside a table, a line of known column labels only (信息内容 | 本年处理决定数量) heads the next block. */
function blockHeader(line: TextLine, current: Header, words: StreamWords): Header | null {
  const right = group(
    line.items.filter((t) => t.x >= current.edge),
    line.size,
  );
  if (right.length === 0 || !right.every((g) => words.columns.has(normalizeLabel(g.map((t) => t.str).join('')).key))) return null;
  const left = line.items.filter((t) => t.x < current.edge);
  return { labels: right, edge: current.edge, labelHead: left.length > 0 ? left : null, skippable: right.map(() => false) };
}

function toGrid(rows: Row[], headers: { at: number; header: Header; line: TextLine }[], page: number, index: number): Grid {
  const labelCols = Math.max(1, ...rows.map((r) => r.label.length));
  const width = labelCols + Math.max(...headers.map((h) => h.header.labels.length));
  const blank = (): Cell => ({ text: '', origin: { page }, spanned: false });
  const fill = (cells: Cell[]): Cell[] => [...cells, ...Array.from({ length: width - cells.length }, blank)];
  const out: Cell[][] = [];
  for (const [k, h] of headers.entries()) {
    const segment = rows.slice(h.at, headers[k + 1]?.at ?? rows.length);
    const columns = placeColumns(segment, h.header);
    const head = h.header.labelHead ? cellOf(h.header.labelHead, page, h.header.labelHead.map((t) => t.str.trim()).join('')) : blank();
    out.push(fill([...Array.from({ length: labelCols - 1 }, blank), head, ...h.header.labels.map((g) => cellOf(g, page, g.map((t) => t.str.trim()).join('')))]));
    for (const r of segment) {
      const cells: PdfText[][] = Array.from({ length: width - labelCols }, () => []);
      for (const t of r.values) cells[columns.get(t) ?? 0]?.push(t);
      const values = cells.map((items) => (items.length ? cellOf(items, page) : blank()));
      const previous = out[out.length - 1];
      // A line of values with no label continues the label line above it (a label that wrapped).
      if (r.label.length === 0 && previous && previous.slice(labelCols).every((c) => c.text === '') && previous.slice(0, labelCols).some((c) => c.text !== '')) {
        out[out.length - 1] = [...previous.slice(0, labelCols), ...values];
        continue;
      }
      // Labels stand right-aligned in the label columns: the row's own label last.
      const labels = r.label.map((items) => cellOf(items, page, lineText({ ...r.line, items })));
      out.push([...Array.from({ length: labelCols - labels.length }, blank), ...labels, ...values]);
    }
  }
  return { rows: out, origin: { page }, index };
}
