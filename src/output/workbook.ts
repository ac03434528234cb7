// Workbooks written by the package: the official form as a blank return
// (template), a filled form (aggregate), and the long tables of `convert`.

import type * as XLSX from 'xlsx';
import { library } from '../core/libraries.js';
import type { FormEntry } from '../catalogue/index.js';
import { paperSheets, type PaperSheet } from './paper-form.js';

export type Values = ReadonlyMap<string, number | null>;

/** One laid-out table as a worksheet; `values` fills the value cells. */
export function paperWorksheet(layout: PaperSheet, values: Values = new Map(), agency: string | null = null): XLSX.WorkSheet {
  // The 填报单位 field of the form, filled with the agency when one is given.
  const aoa: (string | number | null)[][] = layout.rows.map((r) => r.map((text) => (agency && text?.startsWith('填报单位') ? `${text}${agency}` : text)));
  for (const { id, r, c } of layout.slots) {
    const v = values.get(id);
    const row = aoa[r];
    if (row && v !== undefined && v !== null) row[c] = v;
  }
  const ws = library('xlsx').utils.aoa_to_sheet(aoa);
  ws['!merges'] = layout.merges.map((m) => ({ s: { r: m.r0, c: m.c0 }, e: { r: m.r1, c: m.c1 } }));
  ws['!cols'] = (layout.rows[0] ?? []).map((_, c) => ({ wch: c === 0 ? 36 : 12 }));
  return ws;
}

/** Sheet names are at most 31 characters and may not hold : \ / ? * [ ]. */
export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || 'Sheet';
  let out = base;
  for (let i = 2; used.has(out); i++) out = `${base}${i}`;
  used.add(out);
  return out;
}

/** The whole form, one sheet per table. */
export function formWorkbook(
  form: FormEntry,
  values: Values = new Map(),
  extra: { name: string; rows: (string | number | null)[][] }[] = [],
  about: { agency?: string | null; title?: string } = {},
): XLSX.WorkBook {
  const wb = library('xlsx').utils.book_new();
  if (about.title) wb.Props = { Title: about.title };
  const used = new Set<string>();
  for (const layout of paperSheets(form)) library('xlsx').utils.book_append_sheet(wb, paperWorksheet(layout, values, about.agency ?? null), sheetName(layout.name, used));
  for (const sheet of extra) library('xlsx').utils.book_append_sheet(wb, library('xlsx').utils.aoa_to_sheet(sheet.rows), sheetName(sheet.name, used));
  return wb;
}

/** A workbook of plain tables (rows of cells), one sheet each. */
export function tablesWorkbook(sheets: { name: string; rows: (string | number | null)[][] }[]): XLSX.WorkBook {
  const wb = library('xlsx').utils.book_new();
  const used = new Set<string>();
  for (const s of sheets) library('xlsx').utils.book_append_sheet(wb, library('xlsx').utils.aoa_to_sheet(s.rows), sheetName(s.name, used));
  return wb;
}

export function workbookBytes(wb: XLSX.WorkBook, bookType: 'xlsx' | 'biff8' | 'ods' = 'xlsx'): Uint8Array {
  return new Uint8Array(library('xlsx').write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}
