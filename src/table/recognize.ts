// Stage: which form and table does a grid follow, and (for the list layout)
// which columns hold the labels, units and values? Decided from the grid's
// own labels and header, never from the report's year. Where two forms fit
// equally well (2019 and 2021 share tables 三 and 四), both are returned and
// the document decides.

import type { Catalogue, FormEntry, ListHeaderWords, ListTableEntry, MatrixTableEntry } from '../catalogue/index.js';
import type { LabelledGrid, LabelledRow } from './normalize.js';
import { diagnostic } from '../core/diagnostics.js';
import type { Diagnostic, Grid } from '../core/types.js';

export interface ValueColumn {
  col: number;
  /** Header text as printed (统计数, 2009年度, 历年累计 …), or null when no header row was found. */
  label: string | null;
}

export interface ListColumns {
  /** Row index of the header row (统计指标 | 单位 | 统计数), or null. */
  headerRow: number | null;
  /** Columns that hold row labels, left to right. */
  labelCols: number[];
  unitCol: number | null;
  codeCol: number | null;
  /** Value columns from the header; empty means "scan each row for its first number". */
  valueCols: ValueColumn[];
}

interface RecognitionBase {
  form: FormEntry;
  /** How well the grid fits: distinct catalogue labels found (short generic ones count half). */
  score: number;
  /** Other forms whose same-named table fits exactly as well. */
  alternatives: FormEntry[];
}

export interface ListRecognition extends RecognitionBase {
  kind: 'list';
  table: ListTableEntry;
  columns: ListColumns;
}

export interface MatrixRecognition extends RecognitionBase {
  kind: 'matrix';
  table: MatrixTableEntry;
}

export type Recognition = ListRecognition | MatrixRecognition;

const HEADER_SCAN_ROWS = 12;
const MIN_SCORE = 3;

type Role = 'label' | 'unit' | 'code' | 'remark';

function headerRole(text: string, words: ListHeaderWords): Role | null {
  for (const role of ['label', 'unit', 'code', 'remark'] as const) if (words[role].has(text)) return role;
  return null;
}

/** Find the header row and the role of each column. */
export function detectListColumns(lg: LabelledGrid, words: ListHeaderWords): ListColumns {
  for (const row of lg.rows.slice(0, HEADER_SCAN_ROWS)) {
    const roles = row.labels.map((l) => (l ? headerRole(l.text, words) : null));
    if (!roles.includes('label') && !roles.includes('unit')) continue;
    if (roles.filter((r) => r !== null).length < 2 && !roles.includes('label')) continue;
    const labelCols = roles.flatMap((r, c) => (r === 'label' ? [c] : []));
    const firstLabel = labelCols[0] ?? 0;
    const unitCol = roles.indexOf('unit');
    const codeCol = roles.indexOf('code');
    const valueCols: ValueColumn[] = [];
    row.cells.forEach((cell, col) => {
      if (col <= firstLabel || roles[col] !== null || cell.spanned || cell.text.trim() === '') return;
      valueCols.push({ col, label: cell.text.replace(/\s+/g, '') });
    });
    return {
      headerRow: row.index,
      labelCols: labelCols.length > 0 ? labelCols : [0],
      unitCol: unitCol === -1 ? null : unitCol,
      codeCol: codeCol === -1 ? null : codeCol,
      valueCols,
    };
  }
  return { headerRow: null, labelCols: [], unitCol: null, codeCol: null, valueCols: [] };
}

/** The label cell of a row: the last non-spanned labelled cell among the label columns, or the first labelled cell. */
export function rowLabelCol(row: LabelledRow, layout: ListColumns): number | null {
  const cols = layout.labelCols.length > 0 ? layout.labelCols : row.labels.map((_, c) => c);
  let chosen: number | null = null;
  for (const c of cols) {
    const l = row.labels[c];
    if (!l || l.key === '' || c === layout.unitCol || c === layout.codeCol) continue;
    if (chosen === null) chosen = c;
    else if (!row.cells[c]?.spanned) chosen = c;
    if (layout.labelCols.length === 0) break; // headerless: the first labelled cell
  }
  return chosen;
}

const weight = (key: string): number => ([...key].length >= 3 ? 1 : 0.5);

function scoreList(lg: LabelledGrid, table: ListTableEntry, layout: ListColumns): { score: number; labelled: number } {
  const start = layout.headerRow === null ? 0 : layout.headerRow + 1;
  const found = new Set<string>();
  let labelled = 0;
  for (const row of lg.rows.slice(start)) {
    const c = rowLabelCol(row, layout);
    const key = c === null ? undefined : row.labels[c]?.key;
    if (!key) continue;
    labelled++;
    if (table.index.has(key)) found.add(key);
  }
  const score = [...found].reduce((s, k) => s + weight(k), 0);
  // A handful of labels that are also a real share of the rows: a statistics table, not prose.
  return { score: found.size < labelled * 0.25 ? 0 : score, labelled };
}

function scoreMatrix(lg: LabelledGrid, table: MatrixTableEntry): number {
  const rows = new Set<string>();
  const cols = new Set<string>();
  for (const row of lg.rows) {
    for (const l of row.labels) {
      if (!l || l.key === '') continue;
      // A key that names a column (总计, 其他) says nothing about which rows the table has.
      if (table.columnIndex.has(l.key) || table.groupKeys.has(l.key)) cols.add(l.key);
      else if (table.rowIndex.has(l.key)) rows.add(l.key);
    }
  }
  // Tables whose row names stand in the header need only columns; others need rows.
  if (!table.rowInHeader && rows.size < 2) return 0;
  return [...rows, ...cols].reduce((s, k) => s + weight(k), 0);
}

/** Pick the form and table whose labels the grid matches best; null when nothing fits. */
export function recognizeForm(lg: LabelledGrid, catalogue: Catalogue): Recognition | null {
  const columns = detectListColumns(lg, catalogue.listHeader);
  const all: Recognition[] = [];
  for (const form of catalogue.forms) {
    for (const table of form.tables) {
      if (table.layout === 'list') all.push({ kind: 'list', form, table, columns, score: scoreList(lg, table, columns).score, alternatives: [] });
      else all.push({ kind: 'matrix', form, table, score: scoreMatrix(lg, table), alternatives: [] });
    }
  }
  let best: Recognition | null = null;
  for (const r of all) if (!best || r.score > best.score) best = r;
  if (!best || best.score < MIN_SCORE) return null;
  const top = best;
  top.alternatives = all.filter((r) => r !== top && r.table.table === top.table.table && r.score === top.score).map((r) => r.form);
  return top;
}

/** The same grid recognised as another form's table of the same name (to settle a tie). */
function recognizeAs(lg: LabelledGrid, catalogue: Catalogue, rec: Recognition, form: string): Recognition {
  const f = catalogue.forms.find((x) => x.form === form);
  const table = f?.tables.find((t) => t.table === rec.table.table && t.layout === rec.table.layout);
  if (!f || !table) return rec;
  if (table.layout === 'list') return { kind: 'list', form: f, table, columns: detectListColumns(lg, catalogue.listHeader), score: rec.score, alternatives: [] };
  return { kind: 'matrix', form: f, table, score: rec.score, alternatives: [] };
}

/** A grid with its labels and the form it was recognised as. */
export interface Recognised {
  grid: Grid;
  labelled: LabelledGrid;
  rec: Recognition;
}

/** Where a grid stands, for a diagnostic. */
export function gridPlace(grid: Grid): { table: number; line?: number } {
  return grid.origin.line === undefined ? { table: grid.index } : { table: grid.index, line: grid.origin.line };
}

/** Where two forms fit a table equally, take the form the document's other tables settle on. */
export function settleForms(found: Recognised[], catalogue: Catalogue, diagnostics: Diagnostic[]): Recognised[] {
  const decided = found.filter((f) => f.rec.alternatives.length === 0).map((f) => f.rec.form.form);
  const counts = new Map<string, number>();
  for (const f of decided) counts.set(f, (counts.get(f) ?? 0) + 1);
  // The form most tables settle on; between equals, the later form.
  const majority = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0];
  const settled = found.map((f) => {
    if (f.rec.alternatives.length === 0) return f;
    const options = [f.rec.form, ...f.rec.alternatives].map((x) => x.form);
    if (majority !== undefined && options.includes(majority)) return { ...f, rec: recognizeAs(f.labelled, catalogue, f.rec, majority) };
    const latest = [...options].sort().at(-1) as string;
    diagnostics.push(
      diagnostic(
        'form-ambiguous',
        { table: f.grid.index, name: f.rec.table.table, forms: options, chosen: latest },
        {
          cell: gridPlace(f.grid),
          actual: options,
        },
      ),
    );
    return { ...f, rec: recognizeAs(f.labelled, catalogue, f.rec, latest) };
  });
  const forms = [...new Set(settled.map((f) => f.rec.form.form))];
  if (forms.length > 1) diagnostics.push(diagnostic('form-mixed', { what: 'document', forms }, { actual: forms }));
  return settled;
}
