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
  start: number;
  /** Where the opening tag ends. */
  open: number;
  end: number;
  cells: number;
}

/** The top-level tables of a content.xml with the filled cells each expands to. */
function countTables(xml: string): Span[] {
  const tables: Span[] = [];
  let depth = 0;
  let current: Span | undefined;
  let rows = 1;
  for (const m of xml.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    const token = m[0];
    if (token.startsWith('<table:table') && m[1] !== undefined) {
      if (m[2] === '/') continue;
      depth++;
      if (depth === 1) current = { name: /table:name="([^"]*)"/.exec(m[1])?.[1] ?? '', start: at, open: at + token.length, end: at, cells: 0 };
    } else if (token === '</table:table>') {
      depth--;
      if (depth === 0 && current) {
        current.end = at + token.length;
        tables.push(current);
        current = undefined;
      }
    } else if (m[3] !== undefined) {
      rows = m[4] === '/' ? 1 : repeat(m[3], 'number-rows-repeated');
    } else if (token === '</table:table-row>') {
      rows = 1;
    } else if (m[5] !== undefined && current) {
      // A cell SheetJS keeps: one with content (not self-closing) or a typed value.
      const filled = m[6] !== '/' || /office:value-type=/.test(m[5]);
      if (filled) current.cells += rows * repeat(m[5], 'number-columns-repeated');
    }
  }
  return tables;
}

/** Empty, in the opened .ods, every sheet whose repeats expand past `maxCells`; the sheets emptied, with their counts. */
export function screenOds(zip: ZipContainer, maxCells: number): { sheet: string; cells: number }[] {
  const entry = entryOf(zip, 'content.xml');
  if (!entry) return [];
  const xml = textOf(entry);
  const over = countTables(xml).filter((t) => t.cells > maxCells);
  if (over.length === 0) return [];
  let out = '';
  let from = 0;
  for (const t of over) {
    out += `${xml.slice(from, t.open)}</table:table>`;
    from = t.end;
  }
  entry.content = new TextEncoder().encode(out + xml.slice(from));
  return over.map((t) => ({ sheet: t.name, cells: t.cells }));
}
