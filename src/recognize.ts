// Stage: which form and table does a grid follow, and which columns hold the
// labels, units and values? Decided from the grid's own header row and row
// labels, never from the report's year.

import type { Catalogue, FormEntry, ListHeaderWords, TableEntry } from './catalogue.js';
import type { LabelledGrid, LabelledRow } from './labels.js';

export interface ValueColumn {
  col: number;
  /** Header text as printed (统计数, 2009年度, 历年累计 …), or null when no header row was found. */
  label: string | null;
}

export interface ListLayout {
  /** Row index of the header row (统计指标 | 单位 | 统计数), or null. */
  headerRow: number | null;
  /** Columns that hold row labels, left to right. */
  labelCols: number[];
  unitCol: number | null;
  codeCol: number | null;
  /** Value columns from the header; empty means "scan each row for its first number". */
  valueCols: ValueColumn[];
}

export interface Recognition {
  form: FormEntry;
  table: TableEntry;
  layout: ListLayout;
  /** Rows whose label matched a catalogue key exactly. */
  matchedRows: number;
  /** Rows that carry any label at all. */
  labelledRows: number;
}

const HEADER_SCAN_ROWS = 12;

type Role = 'label' | 'unit' | 'code' | 'remark';

function headerRole(text: string, words: ListHeaderWords): Role | null {
  for (const role of ['label', 'unit', 'code', 'remark'] as const) if (words[role].has(text)) return role;
  return null;
}

/** Find the header row and the role of each column. */
export function detectListLayout(lg: LabelledGrid, words: ListHeaderWords): ListLayout {
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
export function rowLabelCol(row: LabelledRow, layout: ListLayout): number | null {
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

/** Pick the form and table whose labels the grid's rows match best. */
export function recognizeForm(lg: LabelledGrid, catalogue: Catalogue): Recognition | null {
  const layout = detectListLayout(lg, catalogue.listHeader);
  const start = layout.headerRow === null ? 0 : layout.headerRow + 1;
  const keys: string[] = [];
  for (const row of lg.rows.slice(start)) {
    const c = rowLabelCol(row, layout);
    const key = c === null ? undefined : row.labels[c]?.key;
    if (key) keys.push(key);
  }
  let best: Recognition | null = null;
  for (const form of catalogue.forms) {
    for (const table of form.tables) {
      const matchedRows = keys.filter((k) => table.index.has(k)).length;
      if (!best || matchedRows > best.matchedRows) best = { form, table, layout, matchedRows, labelledRows: keys.length };
    }
  }
  // A handful of exact label matches, making up a real share of the rows, is a statistics table.
  if (!best || best.matchedRows < 3 || best.matchedRows < best.labelledRows * 0.25) return null;
  return best;
}
