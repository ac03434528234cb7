// Workbooks (.xlsx, .xls, WPS .et, .ods) → grids, through SheetJS. Every
// sheet, and every table on a sheet (tables are separated by two or more
// empty rows). Cells keep their raw value: a number stays a number (13,612
// is 13612, not the string "13,612"), a formula gives its cached value, and
// hidden rows and columns are read like any other. Merged ranges copy their
// text to the covered positions, marked spanned, so labels spread and
// numbers never do. Every cell knows its sheet and A1 reference.

import type * as XLSX from 'xlsx';
import { library, whenLoaded } from '../core/libraries.js';
import { ParseError } from '../core/diagnostics.js';
import { withoutFormulaTokens } from './biff.js';
import type { Cell, Grid } from '../core/types.js';
import { screenOds } from './ods-repeats.js';
import { type BadStrings, screenSharedStrings } from './xlsx-strings.js';
import { openZip } from './zip-parts.js';

let codepages = false;

/**
 * Give SheetJS its code pages: legacy .xls/.et text may be stored in the
 * file's code page (GBK = 936), and the ESM build garbles it without them.
 * Building the tables costs a noticeable part of a cold start, so they are
 * loaded only for compound documents: `parseReportAsync` does it, and the
 * package's entry point does it at once for the synchronous `parseReport`.
 */
export function useCodepages(table: unknown): void {
  whenLoaded('xlsx', (x) => x.set_cptable(table as Parameters<typeof XLSX.set_cptable>[0]));
  codepages = true;
}

/** Load the code pages if nothing has yet. */
export async function loadCodepages(): Promise<void> {
  if (!codepages) useCodepages(await import('xlsx/dist/cpexcel.full.mjs'));
}

/**
 * Let SheetJS inflate ZIP entries with a native zlib (Node's `node:zlib`)
 * instead of its own JavaScript inflater, which can loop without end on a
 * damaged deflate stream. The core cannot import Node modules, so callers
 * that have zlib pass it in (the command line and its workers do).
 */
export function useZlib(zlib: unknown): void {
  const z = zlib as { InflateRaw: new (o?: object) => object };
  // The sizes a ZIP declares are never trusted: every entry inflates under a hard cap (SheetJS inflates
  // through InflateRaw), and one that would grow past it fails; the file ends in limit-decompressed.
  class CappedInflateRaw extends z.InflateRaw {
    constructor(o: object = {}) {
      super({ ...o, maxOutputLength: inflateCap });
    }
  }
  // A view of zlib with its InflateRaw replaced (copying it would touch its deprecated getters).
  const capped = Object.create(z, { InflateRaw: { value: CappedInflateRaw } });
  whenLoaded('xlsx', (x) => x.CFB.utils.use_zlib(capped as unknown as Parameters<typeof XLSX.CFB.utils.use_zlib>[0]));
  cappedInflate = true;
}

let cappedInflate = false;

/** Whether SheetJS inflates under the cap (a native zlib was given); in a browser it does not. */
export function inflatesCapped(): boolean {
  return cappedInflate;
}

/** Most bytes one ZIP entry may inflate to, whatever it declares (the `maxUnzippedBytes` default). */
let inflateCap = 200 * 1024 * 1024;

/** Set the inflate cap for the workbooks read next (parseReport sets it from maxUnzippedBytes). */
export function setInflateCap(bytes: number): void {
  inflateCap = bytes;
}

/** Rows SheetJS parses per sheet: a return has dozens; a damaged or crafted file may claim a million. */
const MAX_SHEET_ROWS = 100_000;

export interface WorkbookLimits {
  /** Most cells read from one sheet. */
  maxCells: number;
}

export interface WorkbookRead {
  grids: Grid[];
  /** Sheets skipped for their size, with their cell count. */
  skipped: { sheet: string; cells: number }[];
  /** What SheetJS complained of while reading (unknown records of damaged .xls files). */
  notes: string[];
  /** Cells emptied for pointing at shared strings that do not exist. */
  damaged: BadStrings[];
  /** .ods sheets with tables inside their cells, left out. */
  nested: { sheet: string; tables: number }[];
}

function cellOf(c: XLSX.CellObject | undefined, sheet: string, ref: string): Cell {
  const origin = { sheet, ref };
  if (!c || c.v === undefined || c.v === null) return { text: '', origin, spanned: false };
  if (c.t === 'n' && typeof c.v === 'number') return { text: c.w ?? String(c.v), origin, spanned: false, number: c.v };
  if (c.t === 'e') return { text: c.w ?? '#ERROR', origin, spanned: false };
  return { text: String(c.v), origin, spanned: false };
}

/** Split a sheet's rows into tables at runs of two or more empty rows. */
function splitTables(rows: Cell[][]): Cell[][][] {
  const tables: Cell[][][] = [];
  let cur: Cell[][] = [];
  let empty = 0;
  for (const row of rows) {
    if (row.every((c) => c.text.trim() === '')) {
      empty++;
      if (empty >= 2 && cur.length > 0) {
        tables.push(cur);
        cur = [];
      }
      continue;
    }
    empty = 0;
    cur.push(row);
  }
  if (cur.length > 0) tables.push(cur);
  return tables;
}

/** Read a workbook's bytes into grids, one per table per sheet. */
export function workbookGrids(bytes: Uint8Array, limits: WorkbookLimits, file?: string): WorkbookRead {
  let wb: XLSX.WorkBook;
  const skipped: WorkbookRead['skipped'] = [];
  const damaged: BadStrings[] = [];
  const nested: WorkbookRead['nested'] = [];
  // SheetJS reports damaged records on console.error; the library prints nothing, so collect them instead.
  const notes: string[] = [];
  const print = console.error;
  // A display format SheetJS cannot render is no damage: values are read raw, never through their formats.
  console.error = (...args: unknown[]) => {
    const note = args.map(String).join(' ');
    if (!/number format may be incorrect/.test(note)) notes.push(note);
  };
  // Compound documents (.xls/.et): formula tokens blanked first, see biff.ts.
  try {
    const options = { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellStyles: false, cellDates: false, cellNF: false, sheetRows: MAX_SHEET_ROWS } as const;
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      // A ZIP is opened once, screened, and parsed from the screened parts.
      const zip = openZip(bytes);
      const ods = screenOds(zip, limits.maxCells);
      skipped.push(...ods.skipped);
      nested.push(...ods.nested);
      damaged.push(...screenSharedStrings(zip));
      wb = (library('xlsx') as unknown as { parse_zip(zip: unknown, o: object): XLSX.WorkBook }).parse_zip(zip, options);
    } else {
      wb = library('xlsx').read(bytes[0] === 0xd0 && bytes[1] === 0xcf ? withoutFormulaTokens(bytes) : bytes, options);
    }
  } catch (cause) {
    const where = { ...(file ? { file } : {}), cause };
    // An entry that inflates past the cap lied about its size (or is a bomb).
    if ((cause as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger than/.test(String((cause as Error | null)?.message))) {
      throw new ParseError('limit-decompressed', { what: 'cap', limit: inflateCap }, where);
    }
    throw new ParseError('input-corrupt', { what: 'workbook', reason: cause instanceof Error ? cause.message : String(cause ?? 'damaged records') }, where);
  } finally {
    console.error = print;
  }
  const grids: Grid[] = [];
  for (const sheet of wb.SheetNames) {
    const ws = wb.Sheets[sheet];
    if (!ws?.['!ref']) continue;
    // The declared range (<dimension>) can be far larger than the cells a sheet holds: read what is there.
    // It can be narrower too: SheetJS leaves the columns an .ods repeat fills out of its range.
    const declared = library('xlsx').utils.decode_range(ws['!ref']);
    const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    const lastRow = Math.min(declared.e.r, data.length - 1);
    let lastCol = declared.s.c;
    for (let r = declared.s.r; r <= lastRow; r++) lastCol = Math.max(lastCol, (data[r]?.length ?? 0) - 1);
    const range = { s: declared.s, e: { r: Math.max(declared.s.r, lastRow), c: lastCol } };
    const height = range.e.r - range.s.r + 1;
    const width = range.e.c - range.s.c + 1;
    const full = ws['!fullref'] ? library('xlsx').utils.decode_range(ws['!fullref']) : null;
    // Rows past MAX_SHEET_ROWS were never parsed: the sheet is too large to read whole. (Its <dimension>
    // alone says nothing: A1:XFD1048576 around 28 real rows is read as the 28 rows.)
    if (height * width > limits.maxCells || data.length >= MAX_SHEET_ROWS) {
      skipped.push({ sheet, cells: full ? (full.e.r - full.s.r + 1) * (full.e.c - full.s.c + 1) : height * width });
      continue;
    }
    const rows: Cell[][] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const src = data[r] ?? [];
      const row: Cell[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) row.push(cellOf(src[c], sheet, library('xlsx').utils.encode_cell({ r, c })));
      rows.push(row);
    }
    for (const m of ws['!merges'] ?? []) {
      const top = rows[m.s.r - range.s.r]?.[m.s.c - range.s.c];
      if (!top) continue;
      for (let r = m.s.r; r <= m.e.r; r++) {
        for (let c = m.s.c; c <= m.e.c; c++) {
          if (r === m.s.r && c === m.s.c) continue;
          const row = rows[r - range.s.r];
          const at = c - range.s.c;
          if (!row || at < 0 || at >= row.length) continue;
          row[at] = { text: top.text, origin: { sheet, ref: library('xlsx').utils.encode_cell({ r, c }) }, spanned: true };
        }
      }
    }
    for (const table of splitTables(rows)) {
      const first = table[0]?.[0]?.origin ?? { sheet };
      grids.push({ rows: table, origin: { sheet, ...(first.ref ? { ref: first.ref } : {}) }, index: grids.length });
    }
  }
  return { grids, skipped, notes, damaged, nested };
}
