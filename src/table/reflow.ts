// Stage: a table flattened to one cell per line → logical rows. Once the form
// is known, each cell can be told apart: a column header, a row label, or a
// value. A header cell after anything but a header starts a header row; a row
// label after a value starts a data row; values join the current row. Grids
// that already have rows pass through unchanged.

import type { Catalogue, MatrixTableEntry } from '../catalogue/index.js';
import type { LabelledGrid, LabelledRow } from './normalize.js';
import type { Recognition } from './recognize.js';
import type { Cell, NormalizedLabel } from '../core/types.js';
import { parseValue } from '../core/numbers.js';

type Kind = 'header' | 'label' | 'value';

interface Token {
  cell: Cell;
  label: NormalizedLabel | null;
  kind: Kind;
}

/** True when most rows hold at most one non-empty cell: a cell stream, not rows. */
function isStream(lg: LabelledGrid): boolean {
  const rows = lg.rows.filter((r) => r.cells.some((c) => c.text.trim() !== ''));
  if (rows.length < 4) return false;
  const single = rows.filter((r) => r.cells.filter((c) => c.text.trim() !== '').length <= 1).length;
  return single >= rows.length * 0.7;
}

/** Words that head a list table's columns: its label, unit, code and remark columns, and its value columns (2009年度, 历年累计). */
function listHeaderWord(text: string, catalogue: Catalogue): boolean {
  const h = catalogue.listHeader;
  if (h.label.has(text) || h.unit.has(text) || h.code.has(text) || h.remark.has(text)) return true;
  return [...catalogue.valueKinds.cumulative, ...catalogue.valueKinds.year].some((w) => text === w || (/^(?:19|20)\d{2}年度?$/.test(text) && w === '年度'));
}

function classify(label: NormalizedLabel | null, cell: Cell, rec: Recognition, catalogue: Catalogue): Kind {
  const units = catalogue.units;
  const parsed = parseValue(cell.text, units);
  if (parsed.kind === 'number' || parsed.kind === 'placeholder' || !label) return 'value';
  if (label.key === '') return label.level > 0 ? 'label' : 'value'; // a bare "(三)" numbers the label that follows
  if (units.units.includes(label.text)) return 'value'; // a unit cell (条) belongs to its row
  if (rec.kind === 'list') return listHeaderWord(label.text, catalogue) ? 'header' : 'label';
  const t: MatrixTableEntry = rec.table;
  // Numbered labels name rows; bare column names, group names and structure words are headers.
  if (label.level === 0 && (t.columnIndex.has(label.key) || t.groupKeys.has(label.key) || t.structureKeys.has(label.key))) return 'header';
  return 'label';
}

/** Regroup a cell stream into rows; other grids are returned as they are. */
export function reflow(lg: LabelledGrid, rec: Recognition, catalogue: Catalogue): LabelledGrid {
  if (!isStream(lg)) return lg;
  const tokens: Token[] = [];
  for (const row of lg.rows) {
    // A row with no text is one empty cell (extraction already dropped padding and separators).
    if (row.cells.every((c) => c.text.trim() === '')) {
      const cell = row.cells[0];
      if (cell) tokens.push({ cell, label: null, kind: 'value' });
      continue;
    }
    row.cells.forEach((cell, i) => {
      if (cell.text.trim() === '') return; // padding beside the row's one cell
      const label = row.labels[i] ?? null;
      tokens.push({ cell, label, kind: classify(label, cell, rec, catalogue) });
    });
  }
  const groups: Token[][] = [];
  let cur: Token[] | null = null;
  let curKind: 'header' | 'data' | null = null;
  for (const tok of tokens) {
    const hasValues = cur?.some((t) => t.kind === 'value') ?? false;
    if (tok.kind === 'value') {
      if (!cur || curKind === 'header') groups.push((cur = []));
      curKind = 'data';
      cur.push(tok);
    } else if (tok.kind === 'header') {
      if (!cur || curKind !== 'header') {
        groups.push((cur = []));
        curKind = 'header';
      }
      cur.push(tok);
    } else {
      // A row label continues a data row that has no values yet (三、本年度办理结果 | （一）予以公开).
      if (!cur || curKind !== 'data' || hasValues) groups.push((cur = []));
      curKind = 'data';
      cur.push(tok);
    }
  }
  const width = groups.reduce((w, g) => Math.max(w, g.length), 0);
  const rows: LabelledRow[] = groups.map((g, index) => {
    const cells = g.map((t) => t.cell);
    const labels = g.map((t) => t.label);
    while (cells.length < width) {
      // Padding, not a cell of the source: marked spanned so that no value is read from it.
      cells.push({ text: '', origin: g.at(-1)?.cell.origin ?? {}, spanned: true });
      labels.push(null);
    }
    return { index, cells, labels };
  });
  return { grid: { ...lg.grid, rows: rows.map((r) => r.cells) }, rows };
}
