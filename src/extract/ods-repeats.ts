// OpenDocument repeat attributes: table:number-rows-repeated times
// table:number-columns-repeated lets a 2 KB .ods claim 10^10 filled cells,
// and SheetJS expands a filled repeat before any limit of ours applies (an
// empty one it leaves alone, which is how LibreOffice pads every sheet). So
// the cells each sheet would expand to are counted from its XML first, and a
// sheet over the limit is emptied (its name kept): the other sheets are read
// and the emptied one is reported with its count.

import { entryOf, textOf, type ZipContainer } from './zip-parts.js';

// A table, a row or a cell opening (attributes, self-closing slash), or a table or row closing.
const TOKEN = /<table:table(?=[\s>/])([^>]*?)(\/?)>|<\/table:table>|<table:table-row\b([^>]*?)(\/?)>|<\/table:table-row>|<table:(?:covered-)?table-cell\b([^>]*?)(\/?)>/g;

const repeat = (attrs: string, name: string): number => {
  const m = new RegExp(`table:${name}="(\\d+)"`).exec(attrs);
  return m ? Number(m[1]) : 1;
};

interface Span {
  name: string;
  /** Where the opening tag ends and the closing tag begins. */
  open: number;
  close: number;
  cells: number;
  /** Tables inside its cells, [start, end) each. */
  nested: [number, number][];
}

const CLOSE = '</table:table>';

/** The top-level tables of a content.xml with the filled cells each expands to. */
function countTables(xml: string): Span[] {
  const tables: Span[] = [];
  let current: Span | undefined;
  let nestedAt = 0;
  // The row repeat of each open table: a table inside a cell has rows of its own.
  const rows: number[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    const token = m[0];
    if (token.startsWith('<table:table') && m[1] !== undefined) {
      if (m[2] === '/') continue;
      rows.push(1);
      if (rows.length === 1) current = { name: /table:name="([^"]*)"/.exec(m[1])?.[1] ?? '', open: at + token.length, close: at, cells: 0, nested: [] };
      if (rows.length === 2) nestedAt = at;
    } else if (token === CLOSE) {
      rows.pop();
      if (rows.length === 1) current?.nested.push([nestedAt, at + token.length]);
      if (rows.length === 0 && current) {
        current.close = at;
        tables.push(current);
        current = undefined;
      }
    } else if (m[3] !== undefined && rows.length > 0) {
      rows[rows.length - 1] = m[4] === '/' ? 1 : repeat(m[3], 'number-rows-repeated');
    } else if (token === '</table:table-row>' && rows.length > 0) {
      rows[rows.length - 1] = 1;
    } else if (m[5] !== undefined && current) {
      // A cell SheetJS keeps: one with content (not self-closing) or a typed value.
      const filled = m[6] !== '/' || /office:value-type=/.test(m[5]);
      if (filled) current.cells += rows.reduce((a, b) => a * b, 1) * repeat(m[5], 'number-columns-repeated');
    }
  }
  return tables;
}

export interface OdsScreen {
  /** Sheets emptied for the cells their repeats expand to. */
  skipped: { sheet: string; cells: number }[];
  /** Sheets with tables inside their cells, which were left out (SheetJS would end the sheet at them). */
  nested: { sheet: string; tables: number }[];
}

/**
 * Screen an opened .ods: empty every sheet whose repeats expand past `maxCells`, and take out the
 * tables nested in cells of the others, so that each sheet reads as itself.
 */
export function screenOds(zip: ZipContainer, maxCells: number): OdsScreen {
  const entry = entryOf(zip, 'content.xml');
  if (!entry) return { skipped: [], nested: [] };
  const xml = textOf(entry);
  const tables = countTables(xml);
  const over = tables.filter((t) => t.cells > maxCells);
  const inner = tables.filter((t) => t.cells <= maxCells && t.nested.length > 0);
  const cuts: [number, number][] = [...over.map((t): [number, number] => [t.open, t.close]), ...inner.flatMap((t) => t.nested)].sort((a, b) => a[0] - b[0]);
  if (cuts.length === 0) return { skipped: [], nested: [] };
  let out = '';
  let from = 0;
  for (const [start, end] of cuts) {
    out += xml.slice(from, start);
    from = end;
  }
  entry.content = new TextEncoder().encode(out + xml.slice(from));
  return { skipped: over.map((t) => ({ sheet: t.name, cells: t.cells })), nested: inner.map((t) => ({ sheet: t.name, tables: t.nested.length })) };
}
