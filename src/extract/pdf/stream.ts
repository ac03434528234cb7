// Tables with text but no rules (stream tables): rows by baseline, columns
// from the positions of the header labels the catalogue knows (自然人 … 总计,
// 本年制发件数 …), never from gaps alone. A row's items go to the header
// column nearest their centre; what stands left of the first column is the
// label. Items that land in one column stay separate words, so two numbers
// are never read as one.

import type { Cell, Grid } from '../../core/types.js';
import { normalizeLabel } from '../../core/normalize-text.js';
import { lineText, type TextLine } from './text.js';
import { type PdfPage, type PdfText, textCentre } from './types.js';

/** A header line names at least this many known column labels. */
const MIN_HEADER_LABELS = 3;

interface Column {
  x: number;
  label: string;
}

function headerColumns(line: TextLine, words: ReadonlySet<string>): Column[] | null {
  const cols = line.items.filter((t) => words.has(normalizeLabel(t.str).key)).map((t) => ({ x: textCentre(t).x, label: t.str.trim() }));
  return cols.length >= MIN_HEADER_LABELS ? cols : null;
}

const isNumeric = (s: string): boolean => /^[-+]?[0-9０-９][0-9０-９,.，]*(?:\s*[万元件条个人次%]+)?$|^[/—–-]$/.test(s.trim());

export interface StreamResult {
  grids: Grid[];
  /** Lines that became table rows (left out of the prose). */
  used: Set<TextLine>;
}

export function streamGrids(pages: { page: PdfPage; lines: TextLine[] }[], words: ReadonlySet<string>, firstIndex: number): StreamResult {
  const grids: Grid[] = [];
  const used = new Set<TextLine>();
  for (const { page, lines } of pages) {
    let columns: Column[] | null = null;
    let rows: Cell[][] = [];
    const flush = (): void => {
      if (rows.length > 1) grids.push({ rows: pad(rows), origin: { page: page.number }, index: firstIndex + grids.length });
      rows = [];
    };
    for (const line of lines) {
      const header = headerColumns(line, words);
      if (header) {
        flush();
        columns = header.sort((a, b) => a.x - b.x);
        rows.push(['', ...columns.map((c) => c.label)].map((text) => cellOf(text, page, null)));
        used.add(line);
        continue;
      }
      if (!columns) continue;
      const left = (columns[0] as Column).x - 1.5 * line.size * 2;
      const labelItems = line.items.filter((t) => textCentre(t).x < left);
      const valueItems = line.items.filter((t) => textCentre(t).x >= left);
      // A row of the table has a value under a header, and only values there.
      if (valueItems.length === 0 || !valueItems.every((t) => isNumeric(t.str))) {
        if (labelItems.length > 0 && valueItems.length === 0 && rows.length > 1) {
          // A label line with no value (a section or a wrapped label): a row of its own.
          rows.push([cellOf(lineText({ ...line, items: labelItems }), page, labelItems), ...columns.map(() => cellOf('', page, null))]);
          used.add(line);
          continue;
        }
        flush();
        columns = null;
        continue;
      }
      const cells: PdfText[][] = columns.map(() => []);
      for (const t of valueItems) {
        const x = textCentre(t).x;
        let best = 0;
        for (let i = 1; i < columns.length; i++) if (Math.abs((columns[i] as Column).x - x) < Math.abs((columns[best] as Column).x - x)) best = i;
        cells[best]?.push(t);
      }
      rows.push([cellOf(lineText({ ...line, items: labelItems }), page, labelItems), ...cells.map((items) => cellOf(items.map((t) => t.str.trim()).join(' '), page, items))]);
      used.add(line);
    }
    flush();
  }
  return { grids, used };
}

function cellOf(text: string, page: PdfPage, items: PdfText[] | null): Cell {
  const box =
    items && items.length > 0
      ? ([Math.min(...items.map((t) => t.x)), Math.min(...items.map((t) => t.y)), Math.max(...items.map((t) => t.x + t.w)), Math.max(...items.map((t) => t.y + t.size))].map(
          (v) => Math.round(v * 10) / 10,
        ) as [number, number, number, number])
      : undefined;
  return { text, origin: { page: page.number, ...(box ? { box } : {}) }, spanned: false };
}

function pad(rows: Cell[][]): Cell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => ({ text: '', origin: {}, spanned: true }))]);
}
