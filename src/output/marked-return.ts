// A return sent back to its agency: the form laid out as on paper with the
// agency's numbers, every cell of a failed check filled red with the check in
// the form's words as its comment, cells with a warning (a unit that differs
// from the form's, a value that is not a number) orange, blank cells grey, and
// a sheet listing every failed check with its cells. SheetJS's community
// edition writes neither fills nor comments: ExcelJS (MIT) writes this one
// output, loaded only when it is asked for.

import type { Catalogue, FormEntry } from '../catalogue/index.js';
import { type Language, wordsOf } from '../core/messages.js';
import { nothingChecked } from './check-report.js';
import { type PaperSheet, paperSheets } from './paper-form.js';
import type { ReportResult, TableResult } from './schema.js';
import { placeNames } from './wording.js';
import { sheetName } from './workbook.js';

/** Fill colours (ARGB): what a clerk reads at a glance, and what a test reads back. */
const MARK_FILLS = { fail: 'FFFFC7CE', warning: 'FFFFD8A8', blank: 'FFE7E6E6' } as const;

interface Mark {
  kind: keyof typeof MARK_FILLS;
  notes: string[];
}

/** Display width of a text: a CJK character takes two columns. */
const displayWidth = (text: string): number => [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);

/** A column as wide as its widest label of one column (merged labels are left out), values at least 8. */
function columnWidth(layout: PaperSheet, c: number): number {
  const wide = new Set(layout.merges.filter((m) => m.c1 > m.c0 || m.r1 > m.r0).map((m) => `${m.r0},${m.c0}`));
  let most = 8;
  layout.rows.forEach((row, r) => {
    const text = row[c];
    if (text && !wide.has(`${r},${c}`)) most = Math.max(most, displayWidth(text) + 2);
  });
  return Math.min(most, 60);
}

/** The year's tables of a report, one per table of the form (a running-total column is not the return). */
function yearTables(doc: ReportResult, form: string): Map<string, TableResult> {
  const out = new Map<string, TableResult>();
  for (const t of doc.tables) if (t.form === form && t.column.kind !== 'cumulative' && !out.has(t.table)) out.set(t.table, t);
  return out;
}

/** The form of a report: the form most of its tables follow. */
function formOfReport(doc: ReportResult, catalogue: Catalogue): FormEntry | null {
  const counts = new Map<string, number>();
  for (const t of doc.tables) counts.set(t.form, (counts.get(t.form) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return catalogue.forms.find((f) => f.form === best) ?? null;
}

/** What each indicator's cell is marked with: failed checks first, then warnings, then blanks. */
function marksOf(table: TableResult | undefined, ids: string[]): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  const add = (id: string, kind: Mark['kind'], note: string | null): void => {
    const m = marks.get(id) ?? { kind, notes: [] };
    if (kind === 'fail' || (kind === 'warning' && m.kind === 'blank')) m.kind = kind;
    if (note && !m.notes.includes(note)) m.notes.push(note);
    marks.set(id, m);
  };
  if (!table) return marks;
  for (const c of table.checks) if (c.status === 'fail') for (const id of c.ids) add(id, 'fail', c.message ?? c.rule);
  for (const d of table.diagnostics) if (d.severity === 'warning' && d.id) add(d.id, 'warning', d.message);
  const values = new Map(table.indicators.map((v) => [v.id, v.value]));
  for (const id of ids) if ((values.get(id) ?? null) === null && !marks.has(id)) add(id, 'blank', null);
  return marks;
}

/**
 * The marked return as .xlsx bytes. `doc` should carry its messages in `lang`
 * (parse with `{ lang }`, or localizeReport) so the comments read in it.
 */
export async function markedReturn(doc: ReportResult, catalogue: Catalogue, lang: Language = 'zh'): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const w = wordsOf(lang).mark;
  const form = formOfReport(doc, catalogue);
  const book = new ExcelJS.Workbook();
  book.creator = 'zfxxgk';
  const listed: (string | number)[][] = [];
  if (form) {
    const tables = yearTables(doc, form.form);
    const used = new Set<string>();
    paperSheets(form).forEach((layout, index) => {
      const table = tables.get(form.tables[index]?.table ?? '');
      if (!table) return;
      const name = sheetName(layout.name, used);
      const ws = book.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
      const width = layout.rows[0]?.length ?? 1;
      layout.rows.forEach((row, r) =>
        row.forEach((text, c) => {
          if (text !== null) ws.getCell(r + 1, c + 1).value = text;
        }),
      );
      for (const m of layout.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
      const values = new Map(table.indicators.map((v) => [v.id, v]));
      const marks = marksOf(
        table,
        layout.slots.map((s) => s.id),
      );
      const where = new Map<string, string>();
      for (const slot of layout.slots) {
        const cell = ws.getCell(slot.r + 1, slot.c + 1);
        where.set(slot.id, cell.address);
        const v = values.get(slot.id);
        if (v?.value !== null && v?.value !== undefined) cell.value = v.value;
        else if (v && v.raw.trim() !== '') cell.value = v.raw;
        const mark = marks.get(slot.id);
        if (!mark) continue;
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS[mark.kind] } };
        if (mark.notes.length > 0) cell.note = mark.notes.join('\n');
      }
      // Only cells merged over several rows wrap (a row's height is not grown for wrapped text by every reader).
      const tall = new Set(layout.merges.filter((m) => m.r1 > m.r0).map((m) => `${m.r0},${m.c0}`));
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
          cell.alignment = { vertical: 'middle', ...(tall.has(`${r - 1},${c - 1}`) ? { wrapText: true } : {}) };
        }),
      );
      for (let c = 0; c < width; c++) ws.getColumn(c + 1).width = columnWidth(layout, c);
      for (const c of table.checks) {
        if (c.status !== 'fail') continue;
        const cells = c.ids.flatMap((id) => (where.has(id) ? [where.get(id) as string] : []));
        listed.push([name, c.rule, c.message ?? '', c.expected ?? '', c.actual ?? '', cells.join(', '), placeNames(c.cells, lang)]);
      }
    });
  }
  const list = book.addWorksheet(w.listSheet);
  list.addRow(w.listHeader);
  list.getRow(1).font = { bold: true };
  for (const row of listed) list.addRow(row);
  const nothing = nothingChecked(doc);
  if (listed.length === 0) list.addRow([nothing === 'no-table' ? w.noTable : nothing === 'no-number' ? w.noNumber : w.allPassed]);
  for (const d of doc.diagnostics.filter((x) => x.severity !== 'info')) list.addRow(['', d.code, d.message]);
  [16, 28, 80, 8, 8, 30, 24].forEach((width, i) => {
    list.getColumn(i + 1).width = width;
  });
  list.getColumn(3).alignment = { wrapText: true };
  // Open on the list of what to fix.
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: book.worksheets.length - 1, visibility: 'visible' }];
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
