// "No silent wrong value" for the inputs that are not text: workbooks (.xlsx,
// .xls, .ods returns under fixtures/returns/) and PDFs (fixtures/pdf/). A
// workbook is changed cell by cell with SheetJS and written back in its own
// format; a PDF is changed in the text items pdf.js gave, and the stages after
// pdf.js run on them again. Each change is judged as in metamorphic.ts.

import '../../src/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { defaultCatalogue } from '../../src/catalogue/index.js';
import { pdfGrids } from '../../src/extract/pdf/index.js';
import { type LoadedPdf, loadPdf } from '../../src/extract/pdf/load.js';
import { DEFAULT_LIMITS } from '../../src/options.js';
import type { ReportResult } from '../../src/output/schema.js';
import { parseReport } from '../../src/parse-report.js';
import { readTables } from '../../src/table/index.js';
import { judgeBump, judgeSwap, labelPairs, type Outcome } from './metamorphic.js';

type Parsed = Pick<ReportResult, 'tables' | 'diagnostics'>;

/** Two column labels swapped, and what the parse made of it. */
type Swapped = { a: string; b: string; outcome: Outcome<'followed' | 'flagged'> };

const BOOK_TYPES: Record<string, XLSX.BookType> = { xlsx: 'xlsx', xls: 'biff8', ods: 'ods' };

export interface BookSource {
  file: string;
  book: XLSX.WorkBook;
  bookType: XLSX.BookType;
  /** Every numeric cell: sheet and A1 reference. */
  numbers: { sheet: string; ref: string }[];
  /** The parse of the book as SheetJS writes it unchanged (what each changed copy is compared with). */
  base: Parsed;
}

/** SheetJS's ODS code warns on the console about number formats it cannot carry; nothing here reads them. */
function quietly<T>(f: () => T): T {
  const warn = console.error;
  console.error = (): void => undefined;
  try {
    return f();
  } finally {
    console.error = warn;
  }
}

const write = (s: BookSource, book: XLSX.WorkBook): Uint8Array => quietly(() => new Uint8Array(XLSX.write(book, { type: 'array', bookType: s.bookType }) as ArrayBuffer));

/** The workbook returns of every form, each with its unchanged parse. */
export function bookSources(root: string): BookSource[] {
  const dir = join(root, 'returns');
  return readdirSync(dir)
    .filter((f) => /-filled\.(xlsx|xls|ods)$/.test(f))
    .map((f) => {
      const file = join(dir, f);
      const book = quietly(() => XLSX.read(readFileSync(file), { type: 'buffer' }));
      const numbers = book.SheetNames.flatMap((sheet) =>
        Object.entries(book.Sheets[sheet] ?? {})
          .filter(([ref, c]) => !ref.startsWith('!') && (c as XLSX.CellObject).t === 'n')
          .map(([ref]) => ({ sheet, ref })),
      );
      const source = { file, book, bookType: BOOK_TYPES[f.slice(f.lastIndexOf('.') + 1)] as XLSX.BookType, numbers, base: { tables: [], diagnostics: [] } as Parsed };
      source.base = parseReport(write(source, book), { source: file });
      return source;
    });
}

/** A copy of a book with one sheet's cells changed by `edit`. */
function edited(book: XLSX.WorkBook, sheet: string, edit: (ws: XLSX.WorkSheet) => void): XLSX.WorkBook {
  const ws = { ...(book.Sheets[sheet] as XLSX.WorkSheet) };
  edit(ws);
  return { ...book, Sheets: { ...book.Sheets, [sheet]: ws } };
}

/** Raise the `n`th numeric cell of a book by `by` (one unless given). */
export function bumpBook(s: BookSource, n: number, by = 1): Outcome<'unchanged' | 'followed' | 'flagged'> {
  const { sheet, ref } = s.numbers[n] as { sheet: string; ref: string };
  const cell = s.book.Sheets[sheet]?.[ref] as XLSX.CellObject;
  const printed = String(cell.v);
  const raised = String(Number(cell.v) + by);
  const book = edited(s.book, sheet, (ws) => {
    ws[ref] = { t: 'n', v: Number(cell.v) + by };
  });
  return judgeBump(s.base, parseReport(write(s, book), { source: s.file }), printed, raised, `${sheet}!${ref}`);
}

/** Every pair of applicant column labels found once in a book, swapped (the label cells only). */
export function swapBook(s: BookSource): Swapped[] {
  const cellOnce = (label: string): { sheet: string; ref: string } | null => {
    const at = s.book.SheetNames.flatMap((sheet) =>
      Object.entries(s.book.Sheets[sheet] ?? {})
        .filter(([ref, c]) => !ref.startsWith('!') && typeof (c as XLSX.CellObject).v === 'string' && ((c as XLSX.CellObject).v as string).replace(/\s/g, '') === label)
        .map(([ref]) => ({ sheet, ref })),
    );
    return at.length === 1 ? (at[0] as { sheet: string; ref: string }) : null;
  };
  return labelPairs(cellOnce)
    .filter(([x, y]) => x.at.sheet === y.at.sheet)
    .map(([x, y]) => {
      const book = edited(s.book, x.at.sheet, (ws) => {
        [ws[x.at.ref], ws[y.at.ref]] = [ws[y.at.ref], ws[x.at.ref]];
      });
      return { a: x.code, b: y.code, outcome: judgeSwap(s.base, parseReport(write(s, book), { source: s.file }), { a: x.code, b: y.code }) };
    });
}

export interface PdfSource {
  file: string;
  pdf: LoadedPdf;
  base: Parsed;
}

/** The stages after pdf.js, on the pages it gave. */
function readPdf(pdf: LoadedPdf): Parsed {
  const catalogue = defaultCatalogue();
  const extracted = pdfGrids(pdf, catalogue.readers.pdf);
  const t = readTables(extracted.grids, { kind: 'pdf' }, catalogue, { ...DEFAULT_LIMITS }, () => undefined);
  return { tables: t.tables, diagnostics: [...extracted.diagnostics, ...t.diagnostics] };
}

/** The PDFs of filled forms and report pages, loaded once. */
export async function pdfSources(root: string): Promise<PdfSource[]> {
  const dir = join(root, 'pdf');
  const out: PdfSource[] = [];
  for (const f of readdirSync(dir).filter((x) => /^20\d\d-.*\.pdf$/.test(x))) {
    const file = join(dir, f);
    const pdf = await loadPdf(new Uint8Array(readFileSync(file)), DEFAULT_LIMITS, file);
    out.push({ file, pdf, base: readPdf(pdf) });
  }
  return out;
}

/** A copy of the pages with the text items `change` returns replaced. */
function withTexts(pdf: LoadedPdf, change: (str: string, page: number, i: number) => string): LoadedPdf {
  return { ...pdf, pages: pdf.pages.map((p) => ({ ...p, texts: p.texts.map((t, i) => ({ ...t, str: change(t.str, p.number, i) })) })) };
}

/** Every run of digits in the text items: page, item and span. */
export function pdfNumbers(s: PdfSource): { page: number; item: number; start: number; end: number }[] {
  return s.pdf.pages.flatMap((p) => p.texts.flatMap((t, item) => [...t.str.matchAll(/\d+/g)].map((m) => ({ page: p.number, item, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))));
}

/** Raise one run of digits of a PDF's text by `by` (one unless given). */
export function bumpPdf(s: PdfSource, at: { page: number; item: number; start: number; end: number }, by = 1): Outcome<'unchanged' | 'followed' | 'flagged'> {
  let printed = '';
  let raised = '';
  const pdf = withTexts(s.pdf, (str, page, i) => {
    if (page !== at.page || i !== at.item) return str;
    printed = str.slice(at.start, at.end);
    raised = (BigInt(printed) + BigInt(by)).toString().padStart(printed.length, '0');
    return str.slice(0, at.start) + raised + str.slice(at.end);
  });
  return judgeBump(s.base, readPdf(pdf), printed, raised, `page ${at.page} item ${at.item}`);
}

/** Every pair of applicant column labels printed as one text item once in a PDF, swapped. */
export function swapPdf(s: PdfSource): Swapped[] {
  const items = s.pdf.pages.flatMap((p) => p.texts.map((t, i) => ({ page: p.number, i, str: t.str.replace(/\s/g, '') })));
  const itemOnce = (label: string): { page: number; i: number } | null => {
    const at = items.filter((x) => x.str === label);
    return at.length === 1 ? (at[0] as { page: number; i: number }) : null;
  };
  return labelPairs(itemOnce).map(([x, y]) => {
    const pdf = withTexts(s.pdf, (str, page, k) => (page === x.at.page && k === x.at.i ? y.label : page === y.at.page && k === y.at.i ? x.label : str));
    return { a: x.code, b: y.code, outcome: judgeSwap(s.base, readPdf(pdf), { a: x.code, b: y.code }) };
  });
}
