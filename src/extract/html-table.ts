// A table region (`<table` … `</table>`) read in one pass over its tags, for
// the markup reports are made of: rows of cells with rowspan/colspan, inline
// elements, line breaks and entities in the cells. It answers only where the
// tree parse5 would build is the one the tags spell out; for anything the
// HTML standard restructures (a nested table, text or tags between rows that
// would be moved out of the table, a cell without a row, entities it does not
// know, foreign content) it answers null and the caller asks parse5.
// test/html-table.test.ts holds it to parse5's grids on every HTML fixture
// and on generated damaged pages.

import { CELL_BLOCKS, decodeEntitiesExactly, endTagAt, foldLines, lineCounter } from './html-scan.js';

/** A table as its markup states it, before spans are expanded. */
export interface RawTable {
  line: number | undefined;
  rows: RawRow[];
}

export interface RawRow {
  line: number | undefined;
  cells: RawCell[];
}

export interface RawCell {
  text: string;
  line: number | undefined;
  /** The attribute values as printed (undefined when absent). */
  colspan: string | undefined;
  rowspan: string | undefined;
}

// What elementText (html.ts) leaves out of a cell's text: raw text skipped to its end tag.
const RAW_SKIPPED = new Set(['script', 'style', 'noscript']);
/** Elements the tree builder treats in ways a flat reading cannot follow. */
const REFUSED = new Set([
  'table',
  'template',
  'textarea',
  'title',
  'select',
  'option',
  'optgroup',
  'svg',
  'math',
  'plaintext',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'frameset',
  'frame',
  'form',
  'image',
  'isindex',
  'listing',
]);
const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
const VOID = new Set(['br', 'img', 'input', 'hr', 'wbr', 'meta', 'link', 'area', 'base', 'embed', 'param', 'source', 'track']);
/** Elements open inside one cell past which the region goes to parse5, which bounds nesting by maxDepth. */
const MAX_CELL_NESTING = 100;
const IGNORED = new Set(['col', 'colgroup']);

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

interface OpenCell {
  at: RawCell;
  parts: string[];
  name: string;
  /** Block elements open in the cell, by name (h1–h6 as one): an end tag with none open is ignored by the standard. */
  blocks: Map<string, number>;
  /** Elements open in the cell, as counted from start and end tags. */
  depth: number;
}

const blockName = (name: string): string => (/^h[1-6]$/.test(name) ? 'h' : name);

interface Tag {
  name: string;
  end: boolean;
  attrs: Map<string, string>;
  /** Offset just past its `>`. */
  next: number;
}

/** The tag at `html[i] === '<'` followed by a letter or `/` and a letter; null when it cannot be read as the standard reads it. */
function readTag(html: string, i: number): Tag | null {
  let j = i + 1;
  const end = html.charCodeAt(j) === 0x2f;
  if (end) j++;
  const start = j;
  while (j < html.length && !isSpace(html.charCodeAt(j)) && html[j] !== '/' && html[j] !== '>') j++;
  const name = html.slice(start, j).toLowerCase();
  const attrs = new Map<string, string>();
  for (;;) {
    while (j < html.length && (isSpace(html.charCodeAt(j)) || html[j] === '/')) j++;
    if (j >= html.length) return null;
    if (html[j] === '>') return { name, end, attrs, next: j + 1 };
    const a = j;
    j++; // a name may begin with '='
    while (j < html.length && !isSpace(html.charCodeAt(j)) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
    const attr = html.slice(a, j).toLowerCase();
    if (/["'<]/.test(attr)) return null;
    while (j < html.length && isSpace(html.charCodeAt(j))) j++;
    let value = '';
    if (html[j] === '=') {
      j++;
      while (j < html.length && isSpace(html.charCodeAt(j))) j++;
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        if (close === -1) return null;
        value = html.slice(j + 1, close);
        j = close + 1;
      } else {
        const v = j;
        while (j < html.length && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++;
        value = html.slice(v, j);
        if (/["'<=`]/.test(value)) return null;
      }
    }
    if (!attrs.has(attr)) attrs.set(attr, value); // the first of duplicate attributes counts
  }
}

/** The table of one region (it holds no other), or null when parse5 must read it. `firstLine` is the region's line in the page. */
export function readTableRegion(html: string, firstLine: number): RawTable | null {
  if (html.includes('\0') || /\r(?!\n)/.test(html)) return null;
  const lineAt = lineCounter(html, firstLine);
  let table: RawTable | null = null;
  // What is open: a row, and a cell in it (kept in one object, which the helpers below change).
  const open: { row: RawRow | null; cell: OpenCell | null } = { row: null, cell: null };
  let done = false;
  const closeCell = (): void => {
    if (!open.cell) return;
    open.cell.at.text = foldLines(open.cell.parts.join(''));
    open.row?.cells.push(open.cell.at);
    open.cell = null;
  };
  const closeRow = (): void => {
    closeCell();
    if (open.row) table?.rows.push(open.row);
    open.row = null;
  };
  let pos = 0;
  while (pos < html.length && !done) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > pos) {
      const text = html.slice(pos, textEnd);
      if (open.cell) {
        const decoded = decodeEntitiesExactly(text);
        if (decoded === null) return null;
        open.cell.parts.push(decoded);
      } else if (!/^[ \t\n\f\r]*$/.test(text)) return null; // text between rows is moved out of the table
    }
    if (lt === -1) break;
    const c1 = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      if (html.startsWith('<!-->', lt) || html.startsWith('<!--->', lt)) return null;
      const e = html.indexOf('-->', lt + 4);
      if (e === -1) return null;
      pos = e + 3;
      continue;
    }
    const startTag = isLetter(c1);
    const endTag = c1 === 0x2f && isLetter(html.charCodeAt(lt + 2));
    if (!startTag && !endTag) {
      if (c1 === 0x21 || c1 === 0x3f || c1 === 0x2f) return null; // <!…>, <?…>, </…: bogus comments
      if (!open.cell) return null;
      open.cell.parts.push('<'); // a '<' in text
      pos = lt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) return null;
    pos = tag.next;
    const { name } = tag;
    if (!table) {
      if (tag.end || name !== 'table') return null;
      table = { line: lineAt(lt), rows: [] };
      continue;
    }
    if (REFUSED.has(name) && !(tag.end && name === 'table')) return null;
    if (RAW_SKIPPED.has(name)) {
      if (tag.end) continue; // a stray end tag: nothing to skip
      const e = endTagAt(html, name, pos);
      if (e === -1) return null;
      const gt = html.indexOf('>', e);
      pos = gt === -1 ? html.length : gt + 1;
      continue;
    }
    if (tag.end) {
      if (name === 'table') {
        closeRow();
        done = true;
      } else if (name === 'td' || name === 'th') {
        if (open.cell?.name !== name) return null;
        closeCell();
      } else if (name === 'tr') {
        if (!open.row) return null;
        closeRow();
      } else if (SECTIONS.has(name)) closeRow();
      else if (name === 'br')
        return null; // </br> is a <br> to the standard
      else if (open.cell) {
        open.cell.depth = Math.max(0, open.cell.depth - 1);
        if (!CELL_BLOCKS.has(name)) continue;
        const b = blockName(name);
        const n = open.cell.blocks.get(b) ?? 0;
        // </p> with no <p> open makes an empty paragraph; other block ends with none open are ignored.
        if (n > 0 || b === 'p') open.cell.parts.push('\n');
        if (n > 0) open.cell.blocks.set(b, n - 1);
      } else if (!IGNORED.has(name) && name !== 'caption') return null;
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (!open.row) return null; // a cell without its row: the standard makes one
      const colspan = tag.attrs.get('colspan');
      const rowspan = tag.attrs.get('rowspan');
      if (colspan?.includes('&') || rowspan?.includes('&')) return null;
      closeCell();
      open.cell = { at: { text: '', line: lineAt(lt), colspan, rowspan }, parts: [], name, blocks: new Map(), depth: 0 };
    } else if (name === 'tr') {
      closeRow();
      open.row = { line: lineAt(lt), cells: [] };
    } else if (SECTIONS.has(name)) closeRow();
    else if ((name === 'caption' || IGNORED.has(name)) && (open.cell || open.row))
      return null; // closes the cell and row: left to parse5
    else if (open.cell) {
      if (!VOID.has(name) && ++open.cell.depth > MAX_CELL_NESTING) return null;
      if (name === 'br') open.cell.parts.push('\n');
      else if (CELL_BLOCKS.has(name)) {
        open.cell.parts.push('\n');
        const b = blockName(name);
        open.cell.blocks.set(b, (open.cell.blocks.get(b) ?? 0) + 1);
      }
    } else if (name === 'caption') {
      const e = endTagAt(html, 'caption', pos);
      if (e === -1 || /<\/?(?:t[a-z]|caption)/i.test(html.slice(pos, e))) return null;
      pos = e;
    } else if (!IGNORED.has(name)) return null;
  }
  if (!table) return null;
  closeRow();
  // Nothing may follow the table in its region.
  if (pos < html.length && !/^\s*$/.test(html.slice(pos))) return null;
  return table;
}
