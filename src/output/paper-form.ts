// Each table of a form laid out as printed on paper: title, merged headers,
// label cells, and the position of every indicator's value. Built from the
// catalogue alone, so a provincial variant's layout follows its data. Used to
// write blank returns (template), filled regional totals (aggregate) and
// fixtures; reading such a sheet back gives the same indicators.

import type { FormEntry, ListTableEntry, MatrixTableEntry, RowEntry, TableEntry } from '../catalogue/index.js';

export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface PaperSheet {
  /** Sheet name: the table's title. */
  name: string;
  table: string;
  /** Cell texts; null = empty. Value positions are null in a blank form. */
  rows: (string | null)[][];
  merges: Merge[];
  /** Where each indicator's value goes. */
  slots: { id: string; r: number; c: number }[];
}

class Sheet {
  rows: (string | null)[][] = [];
  merges: Merge[] = [];
  slots: PaperSheet['slots'] = [];
  constructor(readonly width: number) {}

  put(r: number, c: number, text: string | null, rowspan = 1, colspan = 1): void {
    while (this.rows.length <= r + rowspan - 1) this.rows.push(Array<string | null>(this.width).fill(null));
    (this.rows[r] as (string | null)[])[c] = text;
    if (rowspan > 1 || colspan > 1) this.merges.push({ r0: r, c0: c, r1: r + rowspan - 1, c1: c + colspan - 1 });
  }

  slot(id: string, r: number, c: number, colspan = 1): void {
    this.put(r, c, null, 1, colspan);
    this.slots.push({ id, r, c });
  }

  done(name: string, table: string): PaperSheet {
    return { name, table, rows: this.rows, merges: this.merges, slots: this.slots };
  }
}

function listLayout(t: ListTableEntry): PaperSheet {
  const s = new Sheet(4);
  s.put(0, 0, t.title, 1, 4);
  s.put(1, 0, '填报单位（盖章）：', 1, 2);
  s.put(1, 2, '填报日期：', 1, 2);
  ['统计指标', '单位', '统计数', '备注'].forEach((h, c) => s.put(2, c, h));
  let r = 3;
  for (const ind of t.indicators) {
    if (ind.variant !== undefined) continue;
    s.put(r, 0, ind.label);
    s.put(r, 1, ind.unit ?? '—');
    if (ind.virtual) s.put(r, 2, '—');
    else s.slot(ind.id, r, 2);
    r++;
  }
  s.put(r, 0, '单位负责人：　　审核人：　　填报人：　　联系电话：', 1, 4);
  return s.done(t.title, t.table);
}

const depthOf = (row: RowEntry): number => row.ancestors.length;
const childrenOf = (t: MatrixTableEntry, id: string): RowEntry[] => t.rows.filter((r) => r.parent === id && r.variant === null);
const printed = (t: MatrixTableEntry): RowEntry[] => t.rows.filter((r) => r.variant === null);

/** Tables in blocks (表二): a heading per block, a header per block, one row per item. */
function blockLayout(t: MatrixTableEntry): PaperSheet {
  const rows = printed(t).filter((r) => r.columns.length > 0);
  const width = 1 + Math.max(...rows.map((r) => r.columns.length));
  const s = new Sheet(width);
  s.put(0, 0, t.title, 1, width);
  let r = 1;
  let block: string | null = null;
  for (const row of rows) {
    if (row.item !== block) {
      block = row.item;
      s.put(r++, 0, block, 1, width);
      s.put(r, 0, t.print.rowTitle);
      row.columns.forEach((k, i) => {
        const last = i === row.columns.length - 1;
        s.put(r, 1 + i, t.columns.find((c) => c.key === k)?.label ?? k, 1, last ? width - 1 - i : 1);
      });
      r++;
    }
    s.put(r, 0, row.label);
    row.columns.forEach((k, i) => s.slot(`${row.id}.${k}`, r, 1 + i, i === row.columns.length - 1 ? width - 1 - i : 1));
    r++;
  }
  return s.done(t.title, t.table);
}

/** Tables whose row names stand in the header (表四): nested headings, one row of values. */
function headerRowsLayout(t: MatrixTableEntry): PaperSheet {
  const rows = printed(t);
  const leaves = (r: RowEntry): RowEntry[] => {
    const kids = childrenOf(t, r.id);
    return kids.length === 0 ? [r] : kids.flatMap(leaves);
  };
  const tops = rows.filter((r) => r.parent === null);
  const depth = 1 + Math.max(...rows.map(depthOf));
  const ncols = t.columns.length;
  const width = tops.flatMap(leaves).length * ncols;
  const s = new Sheet(width);
  s.put(0, 0, t.title, 1, width);
  let c = 0;
  const place = (row: RowEntry, r: number): void => {
    const start = c;
    const span = leaves(row).length * ncols;
    s.put(r, start, row.label, 1, span);
    const kids = childrenOf(t, row.id);
    if (kids.length > 0) {
      for (const k of kids) place(k, r + 1);
      return;
    }
    t.columns.forEach((col, i) => s.put(r + 1, start + i, col.label, depth - depthOf(row), 1));
    c += ncols;
  };
  for (const top of tops) place(top, 1);
  // Title row, then `depth + 1` header rows, then the values.
  const valueRow = 2 + depth;
  (t.sequence ?? tops.flatMap(leaves).flatMap((l) => t.columns.map((k) => `${l.id}.${k.key}`))).forEach((id, i) => s.slot(id, valueRow, i));
  return s.done(t.title, t.table);
}

/** Applicant matrix (表三): corner note, grouped column headers, nested row labels. */
function matrixLayout(t: MatrixTableEntry): PaperSheet {
  const rows = printed(t);
  const labelCols = 1 + Math.max(...rows.map(depthOf));
  const ncols = t.columns.length;
  const width = labelCols + ncols;
  const s = new Sheet(width);
  s.put(0, 0, t.title, 1, width);
  const grouped = t.columns.some((c) => c.group);
  const headerRows = t.print.columnTitle ? (grouped ? 3 : 2) : grouped ? 2 : 1;
  s.put(1, 0, t.print.corner, headerRows, labelCols);
  let hr = 1;
  if (t.print.columnTitle) s.put(hr++, labelCols, t.print.columnTitle, 1, ncols);
  let c = labelCols;
  for (let i = 0; i < ncols; i++) {
    const col = t.columns[i];
    if (!col) continue;
    if (!col.group) {
      s.put(hr, c++, col.label, grouped ? 2 : 1, 1);
      continue;
    }
    const members = t.columns.filter((x) => x.group === col.group);
    if (members[0] !== col) continue;
    s.put(hr, c, col.group, 1, members.length);
    members.forEach((m, j) => s.put(hr + 1, c + j, m.label));
    c += members.length;
    i += members.length - 1;
  }
  // Value columns follow the order written above.
  const order: string[] = [];
  for (let i = 0; i < ncols; i++) {
    const col = t.columns[i];
    if (!col) continue;
    if (!col.group) order.push(col.key);
    else if (t.columns.find((x) => x.group === col.group) === col) order.push(...t.columns.filter((x) => x.group === col.group).map((x) => x.key));
  }
  let r = 1 + headerRows;
  // Data rows: rows with cells that are not categories (a category's subtotal is not printed).
  const dataRows = rows.filter((row) => row.columns.length > 0 && childrenOf(t, row.id).length === 0);
  const below = (id: string): number => dataRows.filter((d) => d.ancestors.includes(id)).length;
  const started = new Set<string>();
  for (const row of dataRows) {
    for (const anc of [...row.ancestors].reverse()) {
      if (started.has(anc)) continue;
      started.add(anc);
      const a = rows.find((x) => x.id === anc);
      if (a) s.put(r, depthOf(a), a.label, below(anc), 1);
    }
    s.put(r, depthOf(row), row.label, 1, labelCols - depthOf(row));
    order.forEach((k, j) => s.slot(`${row.id}.${k}`, r, labelCols + j));
    r++;
  }
  return s.done(t.title, t.table);
}

export function paperSheetOf(t: TableEntry): PaperSheet {
  if (t.layout === 'list') return listLayout(t);
  if (t.rowInHeader) return headerRowsLayout(t);
  if (t.rows.some((r) => r.item !== null)) return blockLayout(t);
  return matrixLayout(t);
}

/** Every table of a form, one sheet each. */
export function paperSheets(form: FormEntry): PaperSheet[] {
  return form.tables.map(paperSheetOf);
}
