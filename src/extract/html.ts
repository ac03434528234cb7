// HTML tables → grids. parse5 builds the tree; rowspan/colspan are expanded
// so that each grid position holds the text of the cell covering it, with
// `spanned` set on every position but the top-left one. Walks are iterative:
// scraped pages can nest elements deeply enough to overflow a recursive walk.

import { CELL_BLOCKS, foldLines, scanPage, type StartTag, startTags } from './html-scan.js';
import { type RawRow, type RawTable, readTableRegion } from './html-table.js';
import type { DefaultTreeAdapterMap } from 'parse5';
import { library } from '../core/libraries.js';
import type { Cell, Grid } from '../core/types.js';
import { MAX_ROW_CELLS } from '../options.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const MAX_COLSPAN = 1000; // the HTML standard's own clamps
const MAX_ROWSPAN = 65534;

function isElement(node: Node): node is Element {
  return (node as Element).tagName !== undefined;
}

function children(node: Node): Node[] {
  return (node as { childNodes?: Node[] }).childNodes ?? [];
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function spanValue(value: string | undefined, max: number): number {
  const v = Number.parseInt(value ?? '1', 10);
  if (!Number.isFinite(v) || v < 0) return 1;
  return Math.min(v, max); // 0 is kept: rowspan=0 runs to the end of the table
}

/** All `<table>` elements in document order (outer before inner), down to `maxDepth`. */
const STRUCTURE: ReadonlySet<string> = new Set(['table', 'tr', 'td', 'th']);

/** The tables under `root`, and every table/tr/td/th element in tree order (to give them source lines). */
function findTables(root: Node, maxDepth: number): { tables: Element[]; structure: Element[]; tooDeep: boolean } {
  const out: Element[] = [];
  const structure: Element[] = [];
  const stack: [Node, number][] = [[root, 0]];
  let tooDeep = false;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    if (depth > maxDepth) {
      tooDeep = true;
      continue;
    }
    if (isElement(node) && STRUCTURE.has(node.tagName)) {
      structure.push(node);
      if (node.tagName === 'table') out.push(node);
    }
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i] as Node, depth + 1]);
    const content = (node as { content?: Node }).content; // <template>
    if (content) stack.push([content, depth + 1]);
  }
  return { tables: out, structure, tooDeep };
}

/**
 * Source lines of the tree's table/tr/td/th elements, from a scan of their
 * start tags: parse5's own location tracking costs several times the parse
 * itself. Null when the tree does not follow the tags one for one (implied or
 * moved elements in broken markup); the caller then asks parse5 for locations.
 */
function scannedLines(structure: Element[], tags: StartTag[]): Map<Element, number> | null {
  if (tags.length !== structure.length) return null;
  const lines = new Map<Element, number>();
  for (let i = 0; i < tags.length; i++) {
    const el = structure[i] as Element;
    const tag = tags[i] as { name: string; line: number };
    if (el.tagName !== tag.name) return null;
    lines.set(el, tag.line);
  }
  return lines;
}

/** The `<tr>`s of a table, not those of tables nested inside it. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const stack: Node[] = [...children(table)].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!isElement(node)) continue;
    if (node.tagName === 'tr') rows.push(node);
    else if (node.tagName === 'thead' || node.tagName === 'tbody' || node.tagName === 'tfoot') {
      const kids = children(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
    }
  }
  return rows;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template']);

/** Visible text of an element: `<br>` and block boundaries become newlines; runs of spaces fold; tables inside it are left out. */
export function elementText(el: Node): string {
  const parts: string[] = [];
  const stack: (Node | '\n')[] = [...children(el)].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node | '\n';
    if (node === '\n') {
      parts.push('\n');
      continue;
    }
    if (node.nodeName === '#text') {
      parts.push((node as { value: string }).value);
      continue;
    }
    if (!isElement(node)) continue;
    if (node.tagName === 'br') {
      parts.push('\n');
      continue;
    }
    if (SKIP.has(node.tagName) || node.tagName === 'table') continue;
    const block = CELL_BLOCKS.has(node.tagName);
    if (block) stack.push('\n');
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
    if (block) parts.push('\n');
  }
  return foldLines(parts.join(''));
}

/** Where an element starts in the page (1-based line), when known. */
export type LineOf = (el: Element) => number | undefined;

/** Lines from parse5's locations (a tree parsed with `sourceCodeLocationInfo`); `lineBase` shifts fragment lines to page lines. */
const parsedLines =
  (lineBase = 0): LineOf =>
  (el) => {
    const l = el.sourceCodeLocation?.startLine;
    return l === undefined ? undefined : l + lineBase;
  };

/** A parsed table element as its markup states it (the tokenizer's RawTable, from parse5's tree). */
function rawOf(table: Element, line: LineOf): RawTable {
  return {
    line: line(table),
    rows: tableRows(table).map((tr) => ({
      line: line(tr),
      cells: children(tr)
        .filter((td): td is Element => isElement(td) && (td.tagName === 'td' || td.tagName === 'th'))
        .map((td) => ({ text: elementText(td), line: line(td), colspan: attr(td, 'colspan'), rowspan: attr(td, 'rowspan') })),
    })),
  };
}

const at = (index: number, line: number | undefined): Cell['origin'] => (line === undefined ? { table: index } : { table: index, line });

/** Expand a table's spans into a grid; null when it would exceed `maxCells`. */
function expandTable(table: RawTable, index: number, maxCells: number): Grid | null {
  const n = table.rows.length;
  const rows: (Cell | undefined)[][] = [];
  let placed = 0;
  for (let r = 0; r < n; r++) {
    const row = (rows[r] ??= []);
    let c = 0;
    for (const td of (table.rows[r] as RawRow).cells) {
      while (row[c] !== undefined) c++;
      const colspan = Math.max(1, spanValue(td.colspan, MAX_COLSPAN));
      const rs = spanValue(td.rowspan, MAX_ROWSPAN);
      const rowspan = rs === 0 ? n - r : Math.min(Math.max(1, rs), n - r);
      // Spans multiply cells: stop before a crafted table allocates millions of them.
      placed += colspan * rowspan;
      if (placed > maxCells) return null;
      const origin = at(index, td.line);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (rows[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) {
          if (target[c + dc] !== undefined) continue; // overlapping spans: first writer wins
          target[c + dc] = { text: td.text, origin, spanned: dr > 0 || dc > 0 };
        }
      }
      c += colspan;
    }
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width * rows.length > maxCells) return null;
  const grid: Cell[][] = rows.map((row, r) => {
    const out: Cell[] = new Array<Cell>(width);
    const fallback = at(index, table.rows[r]?.line);
    // A position no <td> covers (a short row): no cell of the source, so marked spanned.
    for (let c = 0; c < width; c++) out[c] = row[c] ?? { text: '', origin: fallback, spanned: true };
    return out;
  });
  return { rows: grid, origin: at(index, table.line), index };
}

export interface HtmlLimits {
  maxCells: number;
  maxDepth: number;
}

export interface HtmlGrids {
  grids: Grid[];
  /** The page's visible text without its tables (prose), and with them (metadata). */
  text: { prose: string; meta: string };
  /** Tables not expanded for their size (index and the cells they would have). */
  tooLarge: number[];
  /** Tables not parsed for a row wider than any table row is: the table's index, the row's line and its cells. */
  tooWide: { table: number; line: number; cells: number }[];
  tooDeep: boolean;
}

/**
 * What a region's start tags say before anything is parsed: its tables, its cells, and its widest row (cells of
 * tables nested in a row count towards it). A region past the limits is never handed to parse5, whose tree of
 * a million cells would take a gigabyte.
 */
function measure(tags: StartTag[]): { tables: number; cells: number; widest: { line: number; cells: number } } {
  let tables = 0;
  let cells = 0;
  let row = { line: 0, cells: 0 };
  let widest = row;
  for (const t of tags) {
    if (t.name === 'table') tables++;
    else if (t.name === 'tr') row = { line: t.line, cells: 0 };
    else {
      cells++;
      row.cells++;
      if (row.cells > widest.cells) widest = row;
    }
  }
  return { tables, cells, widest };
}

/** What one region gave: its tables, or why none was parsed (and how many tables that leaves out). */
type RegionRead = { kind: 'tables'; tables: RawTable[]; deep: boolean } | { kind: 'too-wide'; count: number; line: number; cells: number } | { kind: 'too-large'; count: number };

/** A region through parse5, after its start tags showed it is within the limits. */
export function parseRegion(source: string, firstLine: number, limits: HtmlLimits): RegionRead {
  const tags = startTags(source, STRUCTURE, firstLine);
  const size = measure(tags);
  const count = Math.max(1, size.tables);
  if (size.widest.cells > MAX_ROW_CELLS) return { kind: 'too-wide', count, ...size.widest };
  if (size.cells > limits.maxCells) return { kind: 'too-large', count };
  let found = findTables(library('parse5').parseFragment(source), limits.maxDepth);
  const scanned = scannedLines(found.structure, tags);
  let line: LineOf = (el) => scanned?.get(el);
  if (!scanned) {
    found = findTables(library('parse5').parseFragment(source, { sourceCodeLocationInfo: true }), limits.maxDepth);
    line = parsedLines(firstLine - 1);
  }
  return { kind: 'tables', tables: found.tables.map((t) => rawOf(t, line)), deep: found.tooDeep };
}

/** A region the one-pass reader read: its table, unless a row of it is wider than any table row. */
function readRegion(t: RawTable): RegionRead {
  let widest = { line: t.line ?? 0, cells: 0 };
  for (const r of t.rows) if (r.cells.length > widest.cells) widest = { line: r.line ?? 0, cells: r.cells.length };
  return widest.cells > MAX_ROW_CELLS ? { kind: 'too-wide', count: 1, ...widest } : { kind: 'tables', tables: [t], deep: false };
}

/** Every table of an HTML document, as grids, in document order. Only the tables' regions are parsed. */
export function extractHtmlGrids(html: string, limits: HtmlLimits = { maxCells: Infinity, maxDepth: Infinity }): HtmlGrids {
  const grids: Grid[] = [];
  const tooLarge: number[] = [];
  const tooWide: HtmlGrids['tooWide'] = [];
  let tooDeep = false;
  let index = 0;
  const page = scanPage(html);
  for (const region of page.regions) {
    const source = html.slice(region.start, region.end);
    // The common markup is read from its tags in one pass; what that cannot vouch for goes to parse5.
    const raw = region.cut ? null : readTableRegion(source, region.line);
    const read = raw ? readRegion(raw) : parseRegion(source, region.line, limits);
    tooDeep ||= region.cut === true;
    if (read.kind !== 'tables') {
      if (read.kind === 'too-wide') tooWide.push({ table: index, line: read.line, cells: read.cells });
      else tooLarge.push(index);
      index += read.count;
      continue;
    }
    tooDeep ||= read.deep;
    for (const t of read.tables) {
      const g = expandTable(t, index, limits.maxCells);
      if (g) grids.push(g);
      else tooLarge.push(index);
      index++;
    }
  }
  // Metadata reads the prose and the tables' own cells (a 填报单位 line is often in the table).
  const prose = page.prose;
  const cells = grids
    .map((g) =>
      g.rows
        .map((r) =>
          r
            .filter((c) => !c.spanned && c.text !== '')
            .map((c) => c.text)
            .join(' '),
        )
        .join('\n'),
    )
    .join('\n');
  return { grids, tooLarge, tooWide, tooDeep, text: { prose, meta: `${prose}\n${cells}` } };
}
