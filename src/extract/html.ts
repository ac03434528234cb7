// HTML tables → grids. parse5 builds the tree; rowspan/colspan are expanded
// so that each grid position holds the text of the cell covering it, with
// `spanned` set on every position but the top-left one. Walks are iterative:
// scraped pages can nest elements deeply enough to overflow a recursive walk.

import { parseFragment } from 'parse5';
import { foldLines, startTags, tableRegions, visibleText } from './html-scan.js';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Cell, Grid } from '../core/types.js';

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

function spanAttr(el: Element, name: string, max: number): number {
  const v = Number.parseInt(attr(el, name) ?? '1', 10);
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
function scannedLines(structure: Element[], source: string, firstLine: number): Map<Element, number> | null {
  const tags = startTags(source, STRUCTURE, firstLine);
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

const BLOCK = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'ul', 'ol', 'dt', 'dd', 'blockquote', 'pre', 'title']);
const SKIP = new Set(['script', 'style', 'noscript', 'template']);

/** Visible text of an element: `<br>` and block boundaries become newlines; runs of spaces fold. Tables are left out unless asked for. */
export function elementText(el: Node, withTables = false): string {
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
    if (SKIP.has(node.tagName) || (node.tagName === 'table' && !withTables)) continue;
    const block = BLOCK.has(node.tagName);
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

/** Expand one table element into a grid; null when it would exceed `maxCells`. */
function tableToGrid(table: Element, index: number, maxCells = Infinity, line: LineOf = parsedLines()): Grid | null {
  const trs = tableRows(table);
  const rows: (Cell | undefined)[][] = [];
  let placed = 0;
  for (let r = 0; r < trs.length; r++) {
    const tr = trs[r] as Element;
    const row = (rows[r] ??= []);
    let c = 0;
    for (const td of children(tr)) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      while (row[c] !== undefined) c++;
      const colspan = Math.max(1, spanAttr(td, 'colspan', MAX_COLSPAN));
      const rs = spanAttr(td, 'rowspan', MAX_ROWSPAN);
      const rowspan = rs === 0 ? trs.length - r : Math.min(Math.max(1, rs), trs.length - r);
      // Spans multiply cells: stop before a crafted table allocates millions of them.
      placed += colspan * rowspan;
      if (placed > maxCells) return null;
      const text = elementText(td);
      const cellLine = line(td);
      const origin = cellLine === undefined ? { table: index } : { table: index, line: cellLine };
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (rows[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) {
          if (target[c + dc] !== undefined) continue; // overlapping spans: first writer wins
          target[c + dc] = { text, origin, spanned: dr > 0 || dc > 0 };
        }
      }
      c += colspan;
    }
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width * rows.length > maxCells) return null;
  const grid: Cell[][] = rows.map((row, r) => {
    const out: Cell[] = new Array<Cell>(width);
    const fallbackLine = line(trs[r] as Element);
    for (let c = 0; c < width; c++) {
      // A position no <td> covers (a short row): no cell of the source, so marked spanned.
      out[c] = row[c] ?? { text: '', origin: fallbackLine === undefined ? { table: index } : { table: index, line: fallbackLine }, spanned: true };
    }
    return out;
  });
  const startLine = line(table);
  return { rows: grid, origin: startLine === undefined ? { table: index } : { table: index, line: startLine }, index };
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
  tooDeep: boolean;
}

/** Every table of an HTML document, as grids, in document order. Only the tables' regions are parsed. */
export function extractHtmlGrids(html: string, limits: HtmlLimits = { maxCells: Infinity, maxDepth: Infinity }): HtmlGrids {
  const grids: Grid[] = [];
  const tooLarge: number[] = [];
  let tooDeep = false;
  let index = 0;
  for (const region of tableRegions(html)) {
    const source = html.slice(region.start, region.end);
    let found = findTables(parseFragment(source), limits.maxDepth);
    const scanned = scannedLines(found.structure, source, region.line);
    let line: LineOf = (el) => scanned?.get(el);
    if (!scanned) {
      found = findTables(parseFragment(source, { sourceCodeLocationInfo: true }), limits.maxDepth);
      line = parsedLines(region.line - 1);
    }
    tooDeep ||= found.tooDeep || region.cut === true;
    for (const t of found.tables) {
      const g = tableToGrid(t, index, limits.maxCells, line);
      if (g) grids.push(g);
      else tooLarge.push(index);
      index++;
    }
  }
  // Metadata reads the prose and the tables' own cells (a 填报单位 line is often in the table).
  const prose = visibleText(html, false);
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
  return { grids, tooLarge, tooDeep, text: { prose, meta: `${prose}\n${cells}` } };
}
